import {beforeAll, describe, expect, test} from 'vitest';
import {useSandbox} from '../support/sandbox.js';
import {client} from './http.js';

const sandbox = useSandbox({seed: 'empty'});
const op = client(() => sandbox().url, () => sandbox().operatorToken);
const viewer = client(() => sandbox().url, () => sandbox().viewerToken);
const COUNT = 1234;
let pid = '';
let seeded: string[] = [];

beforeAll(async () => {
  pid = (await sandbox().addProject({slug: 'paged', name: 'Paged'})).id;
  seeded = await sandbox().seedTokens(pid, COUNT);
  await sandbox().addProject({slug: 'other', name: 'Other'});
});

const page = (limit?: number, cursor?: string, who = op) =>
  who('GET', `/v1/projects/${pid}/bootstrap-tokens?${limit ? `limit=${limit}&` : ''}${cursor ? `cursor=${encodeURIComponent(cursor)}` : ''}`);

describe('bootstrap-token pagination', () => {
  test('default limit is 50 and the first page carries next_cursor', async () => {
    const r = await page();
    expect(r.body.items).toHaveLength(50);
    expect(typeof r.body.next_cursor).toBe('string');
  });

  test('a full walk at limit 200 returns every token once, newest first, and ends without next_cursor', async () => {
    const items: {id: string; issued_at: string}[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await page(200, cursor);
      items.push(...r.body.items);
      cursor = r.body.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(COUNT / 200));
    expect(new Set(items.map((t) => t.id)).size).toBe(COUNT);
    expect([...items.map((t) => t.id)].sort()).toEqual([...seeded].sort());
    const sorted = [...items].sort((a, b) => (a.issued_at === b.issued_at ? b.id.localeCompare(a.id) : b.issued_at.localeCompare(a.issued_at)));
    expect(items).toEqual(sorted);
    // The bulk seed mixes all four states, with timestamps that make sense for each.
    const now = sandbox().now();
    const full = items as unknown as {expires_at: string; consumed_at?: string; revoked_at?: string; issued_at: string}[];
    const consumed = full.filter((t) => t.consumed_at);
    const revoked = full.filter((t) => t.revoked_at);
    const open = full.filter((t) => !t.consumed_at && !t.revoked_at);
    const expired = open.filter((t) => Date.parse(t.expires_at) <= now);
    expect([consumed.length, revoked.length, expired.length, open.length - expired.length].every((n) => n > COUNT / 5)).toBe(true);
    for (const t of consumed) expect(t.consumed_at! >= t.issued_at && t.consumed_at! <= t.expires_at).toBe(true);
  });

  test('a page of exactly the remaining rows has no next_cursor', async () => {
    const r = await page(200, undefined);
    let cursor = r.body.next_cursor as string;
    for (let i = 0; i < 5; i++) cursor = (await page(200, cursor)).body.next_cursor;
    const last = await page(200, cursor);
    expect(last.body.items).toHaveLength(COUNT - 6 * 200);
    expect(last.body).not.toHaveProperty('next_cursor');
  });

  test('limit out of range or not an integer is 400 invalid_limit', async () => {
    for (const l of ['0', '201', '2e1', ' 5']) {
      const r = await op('GET', `/v1/projects/${pid}/bootstrap-tokens?limit=${encodeURIComponent(l)}`);
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('invalid_limit');
    }
  });

  test('a tampered, garbage or unknown-version cursor is 400 invalid_cursor', async () => {
    const good = (await page(10)).body.next_cursor as string;
    const raw = Buffer.from(good, 'base64url');
    const flipped = Buffer.from(raw);
    flipped[raw.length - 40] = (flipped[raw.length - 40] ?? 0) ^ 1;
    const version = Buffer.from(raw);
    version[0] = 2;
    for (const bad of [flipped.toString('base64url'), version.toString('base64url'), 'garbage!', 'AAAA', `${good}x`]) {
      const r = await page(10, bad);
      expect(r.status, bad).toBe(400);
      expect(r.body.code).toBe('invalid_cursor');
    }
  });

  test('a cursor for another list is 400 invalid_cursor', async () => {
    const good = (await page(10)).body.next_cursor as string;
    const r = await op('GET', `/v1/projects?cursor=${encodeURIComponent(good)}`);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('invalid_cursor');
  });

  test('another caller’s cursor is 403 cursor_binding_mismatch, on every list', async () => {
    const mine = (await page(10)).body.next_cursor as string;
    const r = await page(10, mine, viewer);
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('cursor_binding_mismatch');
    const projects = (await op('GET', '/v1/projects?limit=1')).body.next_cursor as string;
    const rp = await viewer('GET', `/v1/projects?limit=1&cursor=${encodeURIComponent(projects)}`);
    expect([rp.status, rp.body.code]).toEqual([403, 'cursor_binding_mismatch']);
    await sandbox().addNode({name: 'a'});
    await sandbox().addNode({name: 'b'});
    const nodes = (await viewer('GET', '/v1/nodes?limit=1')).body.next_cursor as string;
    const rn = await op('GET', `/v1/nodes?limit=1&cursor=${encodeURIComponent(nodes)}`);
    expect([rn.status, rn.body.code]).toEqual([403, 'cursor_binding_mismatch']);
  });

  test('a token issued mid-walk does not shift the pages behind the cursor', async () => {
    const first = await page(100);
    await op('POST', `/v1/projects/${pid}/bootstrap-tokens`, {body: {kind: 'node', env_prefix: 'prod', ttl_seconds: 300}});
    const second = await page(100, first.body.next_cursor);
    const ids = [...first.body.items, ...second.body.items].map((t: {id: string}) => t.id);
    expect(new Set(ids).size).toBe(200);
  });
});
