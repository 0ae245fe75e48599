import {describe, expect, test} from 'vitest';
import {assertSchema} from '../support/contract.js';
import {useSandbox} from '../support/sandbox.js';
import {client} from './http.js';

const sandbox = useSandbox();
const op = client(() => sandbox().url, () => sandbox().operatorToken);
const viewer = client(() => sandbox().url, () => sandbox().viewerToken);

describe('GET /v1/projects', () => {
  test('lists every demo Project in slug order, for the viewer too', async () => {
    const r = await viewer('GET', '/v1/projects');
    expect(r.status).toBe(200);
    const slugs = r.body.items.map((p: {slug: string}) => p.slug);
    expect(slugs).toEqual(['core-services', 'edge-prod', 'edge-staging', 'lab-sandbox']);
    expect(r.body.next_cursor).toBeUndefined();
  });

  test('pages by slug with limit and next_cursor', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const r = await op('GET', `/v1/projects?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.body.items).toHaveLength(1);
      seen.push(r.body.items[0].slug);
      cursor = r.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(['core-services', 'edge-prod', 'edge-staging', 'lab-sandbox']);
  });

  test.each(['0', '201', 'abc', '1.5', '-1', ''])('limit=%s is a 400 invalid_limit', async (limit) => {
    const r = await op('GET', `/v1/projects?limit=${limit}`);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('invalid_limit');
  });

  test('limit=200 and limit=1 are accepted', async () => {
    expect((await op('GET', '/v1/projects?limit=200')).status).toBe(200);
    expect((await op('GET', '/v1/projects?limit=1')).status).toBe(200);
  });

  test('domain_id filters; another Domain is empty; malformed is 400 invalid_domain_filter', async () => {
    const domain = sandbox().demo!.domainId;
    expect((await op('GET', `/v1/projects?domain_id=${domain}`)).body.items).toHaveLength(4);
    const other = await op('GET', '/v1/projects?domain_id=01900000-0000-7000-8000-000000000009');
    expect(other.body.items).toEqual([]);
    const bad = await op('GET', '/v1/projects?domain_id=not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_domain_filter');
  });
});

describe('GET /v1/projects/{id}', () => {
  test('returns the Project', async () => {
    const id = sandbox().demo!.projects['edge-prod']!;
    const r = await viewer('GET', `/v1/projects/${id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({id, slug: 'edge-prod', name: 'Edge Production', sub_range_cidr: '100.64.16.0/20'});
  });

  test('a malformed id is 400 invalid_project_id; the zero UUID too', async () => {
    for (const id of ['nope', '00000000-0000-0000-0000-000000000000']) {
      const r = await op('GET', `/v1/projects/${id}`);
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('invalid_project_id');
    }
  });

  test('an unknown id is 404 project_not_found', async () => {
    const r = await op('GET', '/v1/projects/01900000-0000-7000-8000-000000000009');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('project_not_found');
  });
});

describe('a malformed Project id', () => {
  const T = '01900000-0000-7000-8000-00000000dead';
  test.each([
    ['GET', (p: string) => `/v1/projects/${p}`],
    ['GET', (p: string) => `/v1/projects/${p}/bootstrap-tokens`],
    ['POST', (p: string) => `/v1/projects/${p}/bootstrap-tokens`],
    ['GET', (p: string) => `/v1/projects/${p}/bootstrap-tokens/${T}`],
    ['DELETE', (p: string) => `/v1/projects/${p}/bootstrap-tokens/${T}`],
  ] as const)('answers the same 400 invalid_project_id on %s %s', async (method, path) => {
    for (const id of ['nope', '00000000-0000-0000-0000-000000000000', 'edge-prod']) {
      // GET/DELETE of one token declare no 400 in the vendored subset; the body is still a Problem.
      const r = await op(method, path(id), {body: method === 'POST' ? {kind: 'node', env_prefix: 'prod', ttl_seconds: 300} : undefined, check: false});
      expect([r.status, r.body.code], `${method} ${path(id)}`).toEqual([400, 'invalid_project_id']);
      assertSchema('Problem', r.body);
    }
  });
});

describe('GET /v1/nodes', () => {
  test('lists the mesh; the unnamed Node has no name or kind keys at all', async () => {
    const r = await viewer('GET', '/v1/nodes?limit=200');
    expect(r.status).toBe(200);
    const {nodes} = sandbox().demo!;
    const byId = new Map(r.body.items.map((n: {id: string}) => [n.id, n]));
    expect(byId.get(nodes['gw-fra-1']!)).toMatchObject({name: 'gw-fra-1', kind: 'bridge'});
    const unnamed = byId.get(nodes.unnamed!) as Record<string, unknown>;
    expect(Object.keys(unnamed).sort()).toEqual(['created_at', 'domain_id', 'id']);
  });

  test('pages without duplicates and ends without next_cursor', async () => {
    const all = (await op('GET', '/v1/nodes?limit=200')).body.items.map((n: {id: string}) => n.id);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const r = await op('GET', `/v1/nodes?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...r.body.items.map((n: {id: string}) => n.id));
      cursor = r.body.next_cursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(paged.length);
  });

  test('hostile names are stored and served verbatim (sanitising is the client’s job)', async () => {
    const name = 'evil\u001b]52;c;aGk=\u0007\u001b[2J';
    const {id} = await sandbox().addNode({name, kind: 'vm'});
    const items = (await op('GET', '/v1/nodes?limit=200')).body.items as {id: string; name?: string}[];
    expect(items.find((n) => n.id === id)?.name).toBe(name);
  });

  test('limit bounds and domain filter behave as on /v1/projects', async () => {
    expect((await op('GET', '/v1/nodes?limit=0')).body.code).toBe('invalid_limit');
    expect((await op('GET', '/v1/nodes?domain_id=zzz')).body.code).toBe('invalid_domain_filter');
    expect((await op('GET', `/v1/nodes?domain_id=${sandbox().demo!.domainId}&limit=1`)).body.items).toHaveLength(1);
  });
});
