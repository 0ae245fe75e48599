import {randomUUID} from 'node:crypto';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {App, Ctx, Result, Route} from './app.js';
import {authenticate, type Principal} from './auth.js';
import {HttpError, problem} from './problems.js';
import {StoreUnavailable} from './store.js';

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

/** `application/json` or any `application/*+json`, parameters (charset) aside. */
function isJsonType(header: string | undefined): boolean {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type);
}

/** The client went away mid-upload: nothing to answer, only to note. */
class UploadAborted extends Error {
  constructor(readonly received: number) {
    super('upload aborted');
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const tooLarge = () =>
    new HttpError(413, 'request_body_too_large', `request body exceeds the ${MAX_BODY}-byte limit`, {}, {connection: 'close'});
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new UploadAborted(size); // the stream only fails when the peer resets or aborts
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, r: Result, problemJson: boolean, correlationId: string): void {
  const headers: Record<string, string> = {'cache-control': 'no-store', 'x-correlation-id': correlationId, ...r.headers};
  if (r.body === undefined) {
    res.writeHead(r.status, headers).end();
    return;
  }
  const text = JSON.stringify(r.body);
  headers['content-type'] = problemJson ? 'application/problem+json' : 'application/json';
  headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(r.status, headers).end(text);
}

/** Maps a failure to the problem the caller sees, logging what only the operator should. */
function toProblem(app: App, e: unknown, where: string, correlationId: string): HttpError {
  if (e instanceof HttpError) return e;
  if (e instanceof StoreUnavailable) return problem.datastoreUnavailable();
  if (!app.store.closed) {
    const err = e as Error;
    const frame = String(err?.stack ?? '').split('\n').find((l) => l.trim().startsWith('at '))?.trim() ?? '';
    app.log('internal', `internal error on ${where} (correlation ${correlationId}): ${String(err?.message ?? e)} ${frame}`);
  }
  return new HttpError(500, 'internal', 'internal error');
}

async function dispatch(app: App, routes: Route[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const correlationId = randomUUID();
  const where = `${req.method ?? 'GET'} ${url.pathname.slice(0, 200)}`;
  let prioritised: (() => void) | undefined;
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
      source: req.socket.remoteAddress ?? 'unknown',
      principal: () => {
        if (!who) {
          who = authenticate(app.store, req);
          prioritised = app.redemptions.prioritise(); // an operator's request goes before queued hashing
        }
        return who;
      },
      json: async (malformed = (detail) => problem.badRequest('invalid_body', detail)) => {
        const type = req.headers['content-type'];
        if (!isJsonType(type)) {
          const got = type ? `got ${type.split(';')[0]!.trim().slice(0, 64)}` : 'no Content-Type was sent';
          throw new HttpError(415, 'unsupported_media_type', `request body must be application/json; ${got}`, {}, {'accept-post': 'application/json'});
        }
        const buf = await readBody(req);
        try {
          return JSON.parse(buf.toString('utf8')) as unknown;
        } catch {
          throw malformed('request body is not valid JSON');
        }
      },
    };
    // A write whose image is still on its way to disk may yet be rolled back: a read waits for
    // it to land (the last check and the handler's start share one synchronous step). Writes
    // need not: they re-read what they change inside the mutation queue, after that write.
    if (req.method === 'GET') for (let w = app.store.pendingWrite(); w; w = app.store.pendingWrite()) await w;
    send(res, await found.route.handle(ctx), false, correlationId);
  } catch (e) {
    if (e instanceof UploadAborted) {
      app.log('aborted', `a client aborted its upload to ${where} after ${e.received} bytes`);
      res.destroy();
      return;
    }
    const err = toProblem(app, e, where, correlationId);
    send(res, {status: err.status, body: err.body(url.pathname, correlationId), headers: err.headers}, true, correlationId);
    // Drain what the client is still sending, so it reads our answer instead of a reset.
    if (!req.readableEnded) req.resume();
  } finally {
    prioritised?.();
  }
}

/** A node:http server that routes to `routes`, answering every failure with a Problem. */
export function createSandboxServer(app: App, routes: Route[]): Server {
  return createServer((req, res) => {
    void dispatch(app, routes, req, res);
  });
}
