// A client made with `preconnect` opens its connection at once, and the first request uses
// that very connection: plain http and TLS, never through a proxy, closed when unused, and a
// connection that fails ahead of time changes nothing about the error the request reports.
import {readFileSync} from 'node:fs';
import {createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {createServer as createHttpsServer} from 'node:https';
import type {AddressInfo, Socket} from 'node:net';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {createClient, type ApiClient, type ClientOptions} from '../../src/api/client.js';
import {connectUnderway} from '../../src/api/preconnect.js';
import {getVersion} from '../../src/api/version.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const VERSION_BODY = JSON.stringify({version: 'v0.1.0', commit: 'abc', date: '2026-04-19T12:00:00Z'});
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Watched = {url: string; events: string[]; closed: () => number; server: Server};
const open: {server: Server; sockets: Set<Socket>}[] = [];
const clients: ApiClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  for (const {server, sockets} of open.splice(0)) {
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
  }
});

/** A server that logs each connection and each request, in order. */
async function watched(tls: boolean): Promise<Watched> {
  const events: string[] = [];
  let closed = 0;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    events.push(`request ${req.url}`);
    res.writeHead(200, {'content-type': 'application/json'}).end(VERSION_BODY);
  };
  const server = tls ? createHttpsServer({key: readFileSync(fixture('server.key')), cert: readFileSync(fixture('server.pem'))}, handler) : createHttpServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    events.push('connection');
    sockets.add(s);
    s.on('close', () => closed++);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  open.push({server, sockets});
  return {url: `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`, events, closed: () => closed, server};
}

function client(opts: Partial<ClientOptions> & {server: string}): ApiClient {
  const c = createClient({token: 't', env: {}, timeoutMs: 5_000, preconnect: true, ...opts});
  clients.push(c);
  return c;
}

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await tick(10);
  expect(cond(), what).toBe(true);
}

describe('a connection opened ahead of the first request', () => {
  it('plain http: the server accepts it before any request, and the request comes on it', async () => {
    const s = await watched(false);
    const c = client({server: s.url});
    await connectUnderway();
    await until(() => s.events.includes('connection'), 'connected before any request');
    expect((await getVersion(c)).data.version).toBe('v0.1.0');
    expect(s.events).toEqual(['connection', 'request /v1/version']);
  });

  it('TLS runs over it, verified against the CA as always', async () => {
    const s = await watched(true);
    const c = client({server: s.url.replace('127.0.0.1', 'localhost'), caFile: fixture('ca.pem')});
    await until(() => s.events.includes('connection'), 'connected before any request');
    expect((await getVersion(c)).status).toBe(200);
    expect(s.events).toEqual(['connection', 'request /v1/version']);
    // An unknown CA still fails verification on a connection opened ahead.
    const untrusted = client({server: s.url});
    await expect(getVersion(untrusted)).rejects.toMatchObject({kind: 'transport', code: expect.stringMatching(/VERIFY|SELF_SIGNED|CERT/)});
  });

  it('an unused one is closed with the client', async () => {
    const s = await watched(false);
    const c = client({server: s.url});
    await until(() => s.events.includes('connection'), 'connected');
    await c.close();
    await until(() => s.closed() === 1, 'closed by the client');
  });

  it('none is opened when a proxy carries the requests', async () => {
    const s = await watched(false);
    client({server: s.url, env: {http_proxy: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9'}});
    await connectUnderway();
    await tick(100);
    expect(s.events).toEqual([]);
  });

  it('one that fails ahead of time leaves the request to report its own error, as without it', async () => {
    const s = await watched(false);
    const dead = s.url;
    await new Promise((r) => s.server.close(r));
    open.splice(0);
    const ahead = client({server: dead, timeoutMs: 1_000});
    await connectUnderway();
    await tick(50);
    const plain = client({server: dead, timeoutMs: 1_000, preconnect: false});
    const [a, b] = await Promise.allSettled([getVersion(ahead), getVersion(plain)]);
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('rejected');
    const err = (r: PromiseSettledResult<unknown>) => (r as PromiseRejectedResult).reason as {kind: string; code: string};
    expect({kind: err(a).kind, code: err(a).code}).toEqual({kind: err(b).kind, code: err(b).code});
    expect(err(a).kind).toBe('transport');
  });
});
