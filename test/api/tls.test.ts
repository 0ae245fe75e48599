import {readFileSync} from 'node:fs';
import {createServer as createHttpServer, type Server} from 'node:http';
import {createServer as createHttpsServer} from 'node:https';
import {connect, type AddressInfo, type Socket} from 'node:net';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createClient, type ClientOptions} from '../../src/api/client.js';
import {getVersion} from '../../src/api/version.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const CA = fixture('ca.pem');
const VERSION_BODY = JSON.stringify({version: 'v0.1.0', commit: 'abc', date: '2026-04-19T12:00:00Z'});

let https: Server;
let httpsPort: number;
let proxy: Server;
let proxyUrl: string;
const connects: string[] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  https = createHttpsServer({key: readFileSync(fixture('server.key')), cert: readFileSync(fixture('server.pem'))}, (_req, res) => {
    res.writeHead(200, {'content-type': 'application/json'}).end(VERSION_BODY);
  });
  https.on('connection', (s: Socket) => sockets.add(s));
  await new Promise<void>((r) => https.listen(0, '127.0.0.1', r));
  httpsPort = (https.address() as AddressInfo).port;

  // A minimal CONNECT proxy: records each tunnel and pipes bytes both ways.
  proxy = createHttpServer();
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    sockets.add(client);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host === 'localhost' ? '127.0.0.1' : (host ?? ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all([new Promise((r) => https.close(r)), new Promise((r) => proxy.close(r))]);
});

async function version(opts: Partial<ClientOptions>, host = '127.0.0.1') {
  const c = createClient({server: `https://${host}:${httpsPort}`, token: 't', env: {}, timeoutMs: 5_000, ...opts});
  try {
    return await getVersion(c);
  } finally {
    await c.close();
  }
}

describe('TLS and proxies', () => {
  test('a server certificate from an unknown CA is rejected', async () => {
    await expect(version({})).rejects.toMatchObject({kind: 'transport', code: expect.stringMatching(/VERIFY|SELF_SIGNED|CERT/)});
  });

  test('--ca-file adds the CA to the system roots', async () => {
    expect((await version({caFile: CA})).data.version).toBe('v0.1.0');
  });

  test('NODE_EXTRA_CA_CERTS is honoured', async () => {
    expect((await version({env: {NODE_EXTRA_CA_CERTS: CA}})).status).toBe(200);
  });

  test('an unreadable CA file is a transport error naming the path', async () => {
    await expect(version({caFile: '/nonexistent/ca.pem'})).rejects.toMatchObject({code: 'ca_file', detail: expect.stringContaining('/nonexistent/ca.pem')});
  });

  test('HTTPS_PROXY tunnels through the proxy and the CA still verifies the target', async () => {
    connects.length = 0;
    const res = await version({caFile: CA, env: {HTTPS_PROXY: proxyUrl}});
    expect(res.status).toBe(200);
    expect(connects).toEqual([`127.0.0.1:${httpsPort}`]);
  });

  test('lower-case https_proxy works too', async () => {
    connects.length = 0;
    await version({caFile: CA, env: {https_proxy: proxyUrl}});
    expect(connects).toHaveLength(1);
  });

  test('NO_PROXY hosts connect directly', async () => {
    connects.length = 0;
    const res = await version({caFile: CA, env: {HTTPS_PROXY: proxyUrl, NO_PROXY: 'localhost'}}, 'localhost');
    expect(res.status).toBe(200);
    expect(connects).toEqual([]);
  });
});
