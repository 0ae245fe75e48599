// A tiny scripted HTTP server on 127.0.0.1:0 for the failure shapes the sandbox cannot
// produce: dropped connections, slow or malformed bodies, huge bodies, retry sequences.
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';

/** One request as the server saw it. */
export type Recorded = {method: string; path: string; url: string; headers: IncomingMessage['headers']; body: string};

/** Answers one request; `n` counts earlier requests to the same route (0 for the first). */
export type Handler = (req: IncomingMessage, res: ServerResponse, ctx: {n: number; body: string}) => void | Promise<void>;

/** A running fault server. */
export type FaultServer = {
  url: string;
  requests: Recorded[];
  /** TCP connections accepted so far (never reset): a client that reuses one keeps this at 1. */
  readonly connections: number;
  /** Requests received for `method path` (path without query). */
  hits(method: string, path: string): number;
  route(method: string, path: string, handler: Handler): void;
  reset(): void;
  close(): Promise<void>;
};

/** Starts a fault server; unknown routes answer 404 Problem. */
export async function startFaultServer(): Promise<FaultServer> {
  const routes = new Map<string, Handler>();
  const counts = new Map<string, number>();
  const requests: Recorded[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const key = `${req.method} ${path}`;
    requests.push({method: req.method ?? '', path, url: req.url ?? '', headers: req.headers, body});
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    const handler = routes.get(key) ?? problem(404, {title: 'Not Found', detail: `no fault route for ${key}`});
    try {
      await handler(req, res, {n, body});
    } catch {
      res.destroy();
    }
  });
  server.on('connection', (s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get connections() {
      return connections;
    },
    hits: (method, path) => counts.get(`${method} ${path}`) ?? 0,
    route: (method, path, handler) => void routes.set(`${method} ${path}`, handler),
    reset() {
      routes.clear();
      counts.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Responds with JSON. */
export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, {'content-type': 'application/json', ...headers}).end(JSON.stringify(body));
  };

/** Responds with an RFC 9457 problem; type/instance default sensibly. */
export const problem =
  (status: number, fields: Record<string, unknown>, headers: Record<string, string> = {}): Handler =>
  (req, res) => {
    const body = {type: 'about:blank', status, detail: '', instance: req.url, ...fields};
    res.writeHead(status, {'content-type': 'application/problem+json', ...headers}).end(JSON.stringify(body));
  };

/** Responds with raw text. */
export const text =
  (status: number, body: string, contentType = 'text/plain'): Handler =>
  (_req, res) => {
    res.writeHead(status, {'content-type': contentType}).end(body);
  };

/** Uses the n-th handler for the n-th request; the last one repeats. */
export const sequence =
  (...handlers: Handler[]): Handler =>
  (req, res, ctx) =>
    (handlers[Math.min(ctx.n, handlers.length - 1)] as Handler)(req, res, ctx);

/** Waits `ms` before handing over (a server slower than the client's deadline). */
export const delay =
  (ms: number, then: Handler): Handler =>
  async (req, res, ctx) => {
    await new Promise((r) => setTimeout(r, ms));
    if (!res.destroyed && !req.socket.destroyed) await then(req, res, ctx);
  };

/** Sends headers and half a JSON body, then resets the connection. */
export const resetMidBody = (): Handler => (_req, res) => {
  res.writeHead(200, {'content-type': 'application/json', 'content-length': '1000'});
  res.write('{"items":[{"id":"0190a8b8-a0c0-7a0a-8a0a-');
  setTimeout(() => res.socket?.resetAndDestroy(), 20);
};

/** Reads the whole request, then drops the connection without any response. */
export const dropConnection = (): Handler => (_req, res) => {
  res.socket?.destroy();
};

/** Streams `bytes` of filler (chunked, no content-length) as fast as the client reads. */
export const hugeBody =
  (bytes: number): Handler =>
  (_req, res) => {
    res.writeHead(200, {'content-type': 'application/json'});
    // One shared chunk: the server side must not inflate the memory figure being measured.
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < bytes && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    res.on('close', () => (sent = bytes));
    pump();
  };

/** Declares a huge content-length but sends only a little. */
export const declaredHuge =
  (bytes: number): Handler =>
  (_req, res) => {
    res.writeHead(200, {'content-type': 'application/json', 'content-length': String(bytes)});
    res.write('{');
  };

/** Sends headers and the start of a body, then goes silent (the connection stays open). */
export const stallMidBody = (): Handler => (_req, res) => {
  res.writeHead(200, {'content-type': 'application/json'});
  res.write('{"ok":');
};
