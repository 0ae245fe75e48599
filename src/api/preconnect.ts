import type {Socket} from 'node:net';
import type {buildConnector as BuildConnector} from 'undici';
import buildConnector from 'undici/lib/core/connect.js';

type Connect = BuildConnector.connector;
type Callback = BuildConnector.Callback;

/** A connector whose first connection can be opened before any request needs it. */
export type WarmConnector = {
  readonly connect: Connect;
  /** Opens one connection to `server` now (TCP, and TLS for https); the first request to it takes it over. */
  warm(server: URL): void;
  /** Closes a connection opened by `warm` that no request took. */
  close(): void;
};

const originOf = (o: {protocol: string; hostname: string; port: string | number | null}): string => `${o.protocol}//${o.hostname}:${o.port ?? ''}`;

/**
 * Wraps undici's connector (`buildConnector`, the one an Agent builds itself from the same
 * options) so a console can start the handshake while it draws its first screen: against a
 * control plane far away that is one round trip (two or three with TLS) off the first rows.
 * The socket is verified by the same connector a request would use; a warm socket that failed
 * or closed is dropped and the request connects as usual, reporting its own error.
 */
export function warmConnector(options: BuildConnector.BuildOptions): WarmConnector {
  const base = buildConnector(options);
  type Spare = {origin: string; socket?: Socket; done: boolean; waiting?: () => void; onError?: () => void; onClose?: () => void};
  let spare: Spare | undefined;
  const drop = (socket: Socket | undefined) => socket?.destroy();
  const handOver = (s: Spare, opts: Parameters<Connect>[0], cb: Callback) => {
    const socket = s.socket;
    if (!socket || socket.destroyed) return base(opts, cb);
    // Only our own listeners go: the connector's stay, and undici adds its own.
    if (s.onError) socket.off('error', s.onError);
    if (s.onClose) socket.off('close', s.onClose);
    socket.ref();
    // Never synchronously: undici's Client calls its connector from inside its resume loop and
    // would not notice a connection that arrived before the call returned.
    queueMicrotask(() => cb(null, socket));
  };
  return {
    connect(opts, cb) {
      const s = spare;
      if (!s || s.origin !== originOf(opts)) return base(opts, cb);
      spare = undefined;
      if (s.done) handOver(s, opts, cb);
      else s.waiting = () => handOver(s, opts, cb); // a failed warm connect leaves no socket: a fresh one
    },
    warm(server) {
      if (spare) return;
      // The fields undici's Client passes for this origin (client.js connect): the bracketed IPv6
      // hostname bare, the port as the URL spells it ('' for the default), the server name left
      // to the connector (it derives it from host, as a request would).
      const hostname = server.hostname.replace(/^\[|\]$/g, '');
      const opts = {host: server.host, hostname, protocol: server.protocol, port: server.port, localAddress: null};
      const s: Spare = {origin: originOf(opts), done: false};
      spare = s;
      base(opts, (err, socket) => {
        s.done = true;
        if (err || !socket) {
          if (spare === s) spare = undefined;
        } else if (spare !== s && !s.waiting) {
          drop(socket); // closed before it connected
        } else {
          s.socket = socket;
          // Idle until a request takes it: it must not keep the process alive, nor crash it on error.
          socket.unref();
          s.onError = () => drop(socket);
          s.onClose = () => void (spare === s && (spare = undefined));
          socket.on('error', s.onError).on('close', s.onClose);
        }
        s.waiting?.();
      });
    },
    close() {
      const s = spare;
      spare = undefined;
      drop(s?.socket);
    },
  };
}
