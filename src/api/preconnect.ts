import type {NetConnectOpts, Socket} from 'node:net';

/**
 * A TCP connection to the server opened as soon as the client exists, while the console
 * draws its first frame or a verb reads its files: the handshake (a round trip, 80 ms to a
 * control plane across a WAN) overlaps start-up instead of delaying the first request. The
 * first connection undici asks for takes it (TLS then runs over it exactly as undici would
 * run it); an unused one is closed with the client. It never keeps the process alive.
 */
export type Preconnection = {
  /** The socket, once, if it goes to this host and port and has not failed. */
  take(hostname: string, port: number): Socket | undefined;
  close(): void;
};

/** The port a URL connects to. */
export const portOf = (url: {protocol: string; port: string}): number => Number(url.port) || (url.protocol === 'https:' ? 443 : 80);

export function preconnect(server: URL): Preconnection {
  const hostname = server.hostname.replace(/^\[|\]$/g, '');
  const port = portOf(server);
  // node:net is loaded with the terminal anyway; undici is not needed for this. The read
  // buffer is undici's (64 KiB; Node's types do not list the stream option).
  let socket: Socket | undefined = process.getBuiltinModule('node:net').connect({host: hostname, port, highWaterMark: 64 * 1024} as NetConnectOpts);
  const drop = (): void => {
    socket?.destroy();
    socket = undefined;
  };
  // A failure here is not reported: the first request connects afresh and reports its own.
  socket.unref().setNoDelay(true).setKeepAlive(true, 60_000).once('error', drop).once('close', drop);
  return {
    take(h, p) {
      const s = socket;
      if (!s || s.destroyed || h !== hostname || p !== port) return undefined;
      socket = undefined;
      s.off('error', drop).off('close', drop);
      return s.ref();
    },
    close: drop,
  };
}

/**
 * One turn of the event loop, for the connect to go out: node:net starts a connection to an
 * IP address on the next tick (a name after its lookup), so synchronous work right after the
 * client is made (the first frame, loading undici) would hold the handshake back until it ends.
 */
export const connectUnderway = (): Promise<void> => new Promise((ok) => setImmediate(ok));

/** Hands a taken plain-TCP socket to undici once it is connected, as undici's own connector does. */
export function whenConnected(s: Socket, timeoutMs: number, cb: (err: Error | null, s: Socket | null) => void): void {
  if (!s.connecting) {
    queueMicrotask(() => cb(null, s));
    return;
  }
  const timer = setTimeout(() => s.destroy(Object.assign(new Error('connect timeout'), {code: 'UND_ERR_CONNECT_TIMEOUT'})), timeoutMs);
  const onConnect = (): void => {
    clearTimeout(timer);
    s.off('error', onError);
    cb(null, s);
  };
  const onError = (e: Error): void => {
    clearTimeout(timer);
    s.off('connect', onConnect);
    cb(e, null);
  };
  s.once('connect', onConnect).once('error', onError);
}
