// The sandbox adopts only its own, undamaged store files, and never seeds over a file that exists.
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {afterAll, describe, expect, test} from 'vitest';
import {runSandbox} from '../../src/sandbox/cli.js';
import {openDatabase} from '../../src/sandbox/sqlite.js';
import {startTestSandbox} from '../support/sandbox.js';

// 'PLXS': the SQLite application id the sandbox stamps (src/sandbox/identity.ts).
const APPLICATION_ID = Buffer.from('PLXS').readUInt32BE(0);
const root = mkdtempSync(join(tmpdir(), 'sandbox-identity-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));
let n = 0;
/** A fresh private data dir holding `plexsphere.sqlite` with the given bytes (or none). */
function dataDir(bytes?: Uint8Array): {dir: string; file: string} {
  const dir = join(root, `d${n++}`);
  mkdirSync(dir, {mode: 0o700});
  const file = join(dir, 'plexsphere.sqlite');
  if (bytes) writeFileSync(file, bytes);
  return {dir, file};
}
async function sqliteFile(setup: string): Promise<Uint8Array> {
  const db = await openDatabase();
  db.exec(setup);
  const bytes = db.export();
  db.close();
  return bytes;
}
/** A store the sandbox itself wrote (demo seed), after a clean stop. */
async function ourStore(): Promise<{dir: string; file: string; bytes: Buffer}> {
  const d = dataDir();
  const sb = await startTestSandbox({dataDir: d.dir});
  await sb.close();
  return {...d, bytes: readFileSync(d.file)};
}
/** Starting on `dir` is refused; the message names the file; the file is left byte for byte. */
async function refused(dir: string, file: string, what: RegExp, todo: RegExp): Promise<void> {
  const before = readFileSync(file);
  const e = await startTestSandbox({dataDir: dir}).then(
    async (sb) => {
      await sb.close();
      return undefined;
    },
    (x: unknown) => x as Error,
  );
  expect(e, 'the sandbox started').toBeInstanceOf(Error);
  expect(e!.message).toContain(file);
  expect(e!.message).toMatch(what);
  expect(e!.message).toMatch(todo);
  expect(readFileSync(file).equals(before)).toBe(true);
}

describe('store identity', () => {
  test('a store the sandbox writes carries its application id and schema version, and restarts', async () => {
    const {dir, bytes} = await ourStore();
    expect(bytes.readUInt32BE(68)).toBe(APPLICATION_ID);
    expect(bytes.readUInt32BE(60)).toBeGreaterThan(0);
    const sb = await startTestSandbox({dataDir: dir});
    expect(sb.demo?.tokenProjectId).toBeDefined();
    await sb.close();
  });

  test('a zero-byte file is refused, not seeded', async () => {
    const {dir, file} = dataDir(new Uint8Array(0));
    await refused(dir, file, /is empty \(0 bytes\)/, /Move it aside .* never seeds over an existing file/);
    expect(statSync(file).size).toBe(0);
  });

  test('an unrelated SQLite file is refused', async () => {
    const {dir, file} = dataDir(await sqliteFile('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (\'mine\')'));
    await refused(dir, file, /no application id/, /Move it aside/);
  });

  test('another application’s SQLite file is refused, naming its id', async () => {
    const {dir, file} = dataDir(await sqliteFile('PRAGMA application_id = 1196446541; CREATE TABLE t (x)'));
    await refused(dir, file, /another application \(SQLite application_id 0x4750534d\)/, /Move it aside/);
  });

  test('a file that is not SQLite at all is refused', async () => {
    const {dir, file} = dataDir(Buffer.from('{"this": "is json"}\n'.repeat(20)));
    await refused(dir, file, /is not a SQLite database/, /Move it aside/);
  });

  test('a store of another schema version is refused', async () => {
    const {dir, file, bytes} = await ourStore();
    bytes.writeUInt32BE(99, 60);
    writeFileSync(file, bytes);
    await refused(dir, file, /has store schema 99/, /Move it aside/);
  });

  test('a store with zeroed pages is refused as damaged', async () => {
    const {dir, file, bytes} = await ourStore();
    const pageSize = bytes.readUInt16BE(16);
    const pages = bytes.length / pageSize;
    expect(pages).toBeGreaterThan(8);
    bytes.fill(0, 2 * pageSize, Math.floor(pages / 2) * pageSize); // pages 3 … n/2
    writeFileSync(file, bytes);
    await refused(dir, file, /is damaged \(SQLite quick_check: Tree \d+ page \d+: [^\n]*\)\. Restore it from a backup/, /Restore it from a backup/);
  });

  test('a store whose first page is zeroed is refused', async () => {
    const {dir, file, bytes} = await ourStore();
    bytes.fill(0, 0, bytes.readUInt16BE(16));
    writeFileSync(file, bytes);
    await refused(dir, file, /is not a SQLite database/, /Move it aside/);
  });

  test('a store of ours that lost its Domain is refused, not re-seeded', async () => {
    const {dir, file, bytes} = await ourStore();
    const db = await openDatabase(bytes);
    db.exec("DELETE FROM meta WHERE key = 'domain_id'");
    writeFileSync(file, db.export());
    db.close();
    await refused(dir, file, /has lost its Domain row/, /Restore it from a backup/);
  });

  test('`plexconsole sandbox` says why it cannot start and exits 1', async () => {
    const {dir, file} = dataDir(new Uint8Array(0));
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (d: Buffer) => (err += d.toString()));
    expect(await runSandbox(['--port', '0', '--data-dir', dir], {stdout, stderr, env: {}})).toBe(1);
    expect(err).toBe(`plexconsole sandbox: cannot start: ${file} is empty (0 bytes): it holds no store, yet something created it. Move it aside (or pick another --data-dir) to start a fresh store; the sandbox never seeds over an existing file.\n`);
  });
});

describe('the data dir', () => {
  test('a new one is created 0700, parents included', async () => {
    const dir = join(root, 'new', 'nested');
    const sb = await startTestSandbox({dataDir: dir});
    await sb.close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  test.each([
    ['0755', 0o755],
    ['0750', 0o750],
    ['0701', 0o701],
  ])('an existing one with mode %s is refused and left as it was', async (_label, mode) => {
    const dir = join(root, `loose-${mode.toString(8)}`);
    mkdirSync(dir);
    chmodSync(dir, mode);
    const e = await startTestSandbox({dataDir: dir}).then(
      (sb) => sb.close().then(() => undefined),
      (x: unknown) => x as Error,
    );
    expect(e?.message).toBe(`insecure --data-dir: ${dir} is open to group or others (mode 0${mode.toString(8)}) and would hold bearer tokens: chmod 700 ${dir}, or name a new directory (created 0700)`);
    expect(statSync(dir).mode & 0o777).toBe(mode);
  });
});
