import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {App, Ctx, Result, Route} from './app.js';
import {authenticate, type Principal} from './auth.js';
import {HttpError, problem} from './problems.js';

/** The contract's 8 KiB request-body ceiling. */
export const MAX_BODY = 8 * 1024;

type Match = {route: Route; params: Record<string, string>} | {allow: string[]} | undefined;

function match(routes: Route[], method: string, path: string): Match {
  const segs = path.split('/');
  const allow: string[] = [];
  for (const route of routes) {
    const tpl = route.path.split('/');
    if (tpl.length !== segs.length) continue;
    const params: Record<string, string> = {};
    const ok = tpl.every((t, i) => {
      const s = segs[i] ?? '';
      if (t.startsWith('{')) {
        if (s === '') return false;
        params[t.slice(1, -1)] = decodeURIComponent(s);
        return true;
      }
      return t === s;
    });
    if (!ok) continue;
    if (route.method === method) return {route, params};
    allow.push(route.method);
  }
  return allow.length > 0 ? {allow} : undefined;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const tooLarge = () =>
    new HttpError(413, 'request_body_too_large', `request body exceeds the ${MAX_BODY}-byte limit`, {}, {connection: 'close'});
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, r: Result, problemJson: boolean): void {
  const headers: Record<string, string> = {'cache-control': 'no-store', ...r.headers};
  if (r.body === undefined) {
    res.writeHead(r.status, headers).end();
    return;
  }
  const text = JSON.stringify(r.body);
  headers['content-type'] = problemJson ? 'application/problem+json' : 'application/json';
  headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(r.status, headers).end(text);
}

async function dispatch(app: App, routes: Route[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  try {
    let found: Match;
    try {
      found = match(routes, req.method ?? 'GET', url.pathname);
    } catch {
      found = undefined; // a malformed %-escape cannot name any route
    }
    if (!found) throw problem.notFound('not_found', `no route matches ${url.pathname}`);
    if ('allow' in found) {
      throw new HttpError(405, 'method_not_allowed', `${req.method} is not allowed on ${url.pathname}`, {}, {allow: found.allow.join(', ')});
    }
    let who: Principal | undefined;
    const ctx: Ctx = {
      app,
      req,
      url,
      params: found.params,
      principal: () => (who ??= authenticate(app.store, req)),
      json: async () => {
        const buf = await readBody(req);
        try {
          return JSON.parse(buf.toString('utf8')) as unknown;
        } catch {
          throw problem.badRequest('invalid_body', 'request body is not valid JSON');
        }
      },
    };
    send(res, await found.route.handle(ctx), false);
  } catch (e) {
    const err = e instanceof HttpError ? e : new HttpError(500, 'internal', 'internal error');
    if (!(e instanceof HttpError) && !app.store.closed) process.emitWarning(`sandbox: ${String((e as Error)?.stack ?? e)}`);
    send(res, {status: err.status, body: err.body(url.pathname), headers: err.headers}, true);
    // Drain what the client is still sending, so it reads our answer instead of a reset.
    if (!req.readableEnded) req.resume();
  }
}

/** A node:http server that routes to `routes`, answering every failure with a Problem. */
export function createSandboxServer(app: App, routes: Route[]): Server {
  return createServer((req, res) => {
    void dispatch(app, routes, req, res);
  });
}
