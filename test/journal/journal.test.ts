import {chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {journalPath, openJournal, readJournal, type JournalOptions} from '../../src/journal/journal.js';

const home = () => mkdtempSync(join(tmpdir(), 'plexconsole-journal-'));
const BEARER = 'psat_journal_bearer_8c1d2e';
const opts = (homeDir: string, extra: Partial<JournalOptions> = {}): JournalOptions => ({
  env: {},
  homeDir,
  enabled: true,
  server: 'http://127.0.0.1:1',
  profile: 'env',
  bearer: BEARER,
  subject: async () => 'user:ops',
  now: () => Date.parse('2026-05-01T10:00:00Z'),
  ...extra,
});
const revoked = {action: 'revoke', targets: {project_id: 'p', token_id: 't'}, outcome: 'revoked', status: 204} as const;

describe('journal', () => {
  it('appends one line with time, server, profile, subject and the record', async () => {
    const h = home();
    await openJournal(opts(h)).record(revoked);
    const text = readFileSync(journalPath({}, h), 'utf8');
    expect(text.split('\n')).toHaveLength(2);
    expect(JSON.parse(text)).toEqual({
      time: '2026-05-01T10:00:00.000Z', server: 'http://127.0.0.1:1', profile: 'env', subject: 'user:ops', ...revoked,
    });
  });

  it('records made without waiting are all on disk once flush resolves, in order (the console quits right after a bulk revoke)', async () => {
    const h = home();
    const j = openJournal(opts(h));
    for (let i = 0; i < 1000; i++) void j.record({...revoked, targets: {project_id: 'p', token_id: `t${i}`}});
    await j.flush();
    const {entries, skipped} = await readJournal(journalPath({}, h));
    expect(skipped).toBe(0);
    expect(entries.map((e) => e.targets.token_id)).toEqual(Array.from({length: 1000}, (_, i) => `t${i}`));
  });

  it('lives under $XDG_STATE_HOME when it is absolute, else ~/.local/state', () => {
    expect(journalPath({XDG_STATE_HOME: '/x/state'}, '/home/u')).toBe('/x/state/plexconsole/journal.jsonl');
    expect(journalPath({XDG_STATE_HOME: 'relative'}, '/home/u')).toBe('/home/u/.local/state/plexconsole/journal.jsonl');
    expect(journalPath({}, '/home/u')).toBe('/home/u/.local/state/plexconsole/journal.jsonl');
  });

  it('creates the directory 0700 and the file 0600, and tightens looser ones', async () => {
    const h = home();
    const path = journalPath({}, h);
    await openJournal(opts(h)).record(revoked);
    expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    chmodSync(join(path, '..'), 0o755);
    chmodSync(path, 0o644);
    await openJournal(opts(h)).record(revoked);
    expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('never writes the bearer or a plaintext, whatever a caller passes', async () => {
    const h = home();
    const plaintext = 'psb_prod_aebagbafaydqqbrhibbsa3kqaq_node_plaintextplaintextplain';
    await openJournal(opts(h)).record({...revoked, error: `401 Unauthorized: Bearer ${BEARER} ${plaintext}`});
    const text = readFileSync(journalPath({}, h), 'utf8');
    expect(text).not.toContain(BEARER);
    expect(text).not.toContain(plaintext);
  });

  it('200 concurrent records from two journals give 200 whole lines', async () => {
    const h = home();
    const a = openJournal(opts(h));
    const b = openJournal(opts(h));
    await Promise.all(Array.from({length: 200}, (_, i) => (i % 2 ? a : b).record({...revoked, targets: {token_id: `t${i}`}})));
    const {entries, skipped} = await readJournal(journalPath({}, h));
    expect(skipped).toBe(0);
    expect(new Set(entries.map((e) => e.targets.token_id)).size).toBe(200);
  });

  it('asks for the subject once, and records without it when whoami fails', async () => {
    const h = home();
    let asked = 0;
    const j = openJournal(opts(h, {subject: async () => (asked++, Promise.reject(new Error('503')))}));
    await j.record(revoked);
    await j.record(revoked);
    expect(asked).toBe(1);
    const {entries} = await readJournal(journalPath({}, h));
    expect(entries).toHaveLength(2);
    expect(entries[0]).not.toHaveProperty('subject');
  });

  it('disabled, it writes nothing', async () => {
    const h = home();
    await openJournal(opts(h, {enabled: false})).record(revoked);
    expect(await readJournal(journalPath({}, h))).toEqual({entries: [], skipped: 0});
  });

  it('a journal that cannot be written warns once and never throws', async () => {
    const h = home();
    writeFileSync(join(h, '.local'), 'a file where a directory should be');
    const warnings: string[] = [];
    const j = openJournal(opts(h, {onWarning: (m) => warnings.push(m)}));
    await expect(j.record(revoked)).resolves.toBeUndefined();
    await j.record(revoked);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/journal not written/);
  });

  it('reading skips torn or foreign lines and counts them', async () => {
    const h = home();
    const path = journalPath({}, h);
    mkdirSync(join(path, '..'), {recursive: true});
    writeFileSync(path, `{"time":"2026-05-01T10:00:00Z","action":"issue","outcome":"issued","targets":{}}\n{"time":\nnot json\n`);
    const {entries, skipped} = await readJournal(path);
    expect(entries).toHaveLength(1);
    expect(skipped).toBe(2);
  });
});
