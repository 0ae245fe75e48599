import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {createInterface} from 'node:readline';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {bundleFixture} from './fixtures/bundle.js';
import {call} from './http.js';

let entry = '';
const dir = mkdtempSync(join(tmpdir(), 'sandbox-durable-'));
const children: ChildProcess[] = [];
beforeAll(async () => {
  entry = await bundleFixture('child');
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, {recursive: true, force: true});
  if (entry) rmSync(dirname(entry), {recursive: true, force: true});
});

async function start(): Promise<{child: ChildProcess; url: string}> {
  const child = spawn(process.execPath, [entry, dir], {stdio: ['ignore', 'pipe', 'inherit']});
  children.push(child);
  for await (const line of createInterface({input: child.stdout!})) {
    const m = /^READY (\S+)$/.exec(line);
    if (m) return {child, url: m[1]!};
  }
  throw new Error(`child exited before READY (code ${child.exitCode})`);
}

async function allTokenIds(url: string, token: string, pid: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  do {
    const r = await call(url, 'GET', `/v1/projects/${pid}/bootstrap-tokens?limit=200${cursor ? `&cursor=${cursor}` : ''}`, {token});
    for (const t of r.body.items) ids.add(t.id);
    cursor = r.body.next_cursor;
  } while (cursor);
  return ids;
}

test('SIGKILL mid-stream loses no acknowledged token and never corrupts the store', {timeout: 60_000}, async () => {
  const acked = new Set<string>();
  let token = '';
  let pid = '';
  let firstSubject = '';
  let oldCursor = '';
  for (let round = 0; round < 3; round++) {
    const {child, url} = await start();
    const fileToken = readFileSync(join(dir, 'operator.token'), 'utf8').trim();
    if (round > 0) expect(fileToken).toBe(token); // the restart reuses the bearer it handed out
    token = fileToken;
    const projects = await call(url, 'GET', '/v1/projects', {token});
    pid = projects.body.items.find((p: {slug: string}) => p.slug === 'edge-prod').id;
    const subject = (await call(url, 'GET', '/v1/auth/whoami', {token})).body.subject as string;
    if (round === 0) {
      firstSubject = subject;
      oldCursor = (await call(url, 'GET', `/v1/projects/${pid}/bootstrap-tokens?limit=1`, {token})).body.next_cursor;
    } else {
      // Principals and the cursor secret are part of the store: identities and cursors survive.
      expect(subject).toBe(firstSubject);
      expect((await call(url, 'GET', `/v1/projects/${pid}/bootstrap-tokens?limit=1&cursor=${oldCursor}`, {token})).status).toBe(200);
      const present = await allTokenIds(url, token, pid);
      for (const id of acked) expect(present.has(id), `acknowledged ${id} lost after round ${round}`).toBe(true);
    }
    const target = acked.size + 10;
    const exited = new Promise((ok) => child.once('exit', ok));
    // Four writers keep requests in flight, so the kill lands mid-request and mid-persist.
    const writer = async () => {
      while (child.exitCode === null && child.signalCode === null) {
        try {
          const r = await call(url, 'POST', `/v1/projects/${pid}/bootstrap-tokens`, {token, body: {kind: 'node', env_prefix: 'prod', ttl_seconds: 3600}});
          if (r.status === 201) acked.add(r.body.token_id);
          if (acked.size >= target) child.kill('SIGKILL');
        } catch (e) {
          if (child.exitCode === null && child.signalCode === null && !child.killed) {
            child.kill('SIGKILL');
            throw e; // a failure while the sandbox was alive is a real failure
          }
          return; // the connection died with the process
        }
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
  }
  const {child, url} = await start();
  expect((await call(url, 'GET', '/v1/health')).body.status).toBe('ok');
  const present = await allTokenIds(url, token, pid);
  for (const id of acked) expect(present.has(id)).toBe(true);
  expect(acked.size).toBeGreaterThanOrEqual(30);
  expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]); // stale temps were swept on open
  child.kill('SIGKILL');
});
