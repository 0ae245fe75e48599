import {mkdtemp, rm} from 'node:fs/promises';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import type {App} from './app.js';
import {ensurePrincipals} from './auth.js';
import {createClock} from './clock.js';
import {CursorCodec} from './cursor.js';
import {preparePrivateDir} from './dataDir.js';
import {faultsFor, type Faults} from './faults.js';
import {createFixtures, type Fixtures} from './fixtures.js';
import {createSandboxServer} from './http.js';
import {routes} from './routes/index.js';
import {initDomain, seedDemo, type DemoFixture, type SeedName} from './seed.js';
import {StoreRefused} from './identity.js';
import {rateLimitedLog, type LogLine} from './log.js';
import type {DiskFault} from './persist.js';
import {DEFAULT_REDEMPTION_LIMITS, Redemptions, type RedemptionLimits} from './redemptions.js';
import {Store} from './store.js';

export type {DemoFixture, SeedName} from './seed.js';

export type SandboxOptions = {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Persist to DIR/plexsphere.sqlite (crash-safe) and keep the token files there; default in memory. */
  dataDir?: string;
  /** Default `demo`. Ignored when `dataDir` already holds a store. */
  seed?: SeedName;
  /** Base clock in epoch ms (default Date.now); `Sandbox.setNow`/`advance` shift it. */
  now?: () => number;
  /** Test seam: fails chosen steps of the store's file writes, e.g. with ENOSPC (see `DiskFault`). */
  diskFault?: DiskFault;
  /** Where the one-line, rate-limited event log goes; default stderr. */
  log?: LogLine;
  /** Overrides of the `/v1/register` throttles (tests emulate many source addresses with it). */
  redemptionLimits?: Partial<RedemptionLimits>;
};

export type Sandbox = Fixtures & {
  /** Base URL, e.g. `http://127.0.0.1:54321`. */
  url: string;
  operatorToken: string;
  viewerToken: string;
  /** Paths of the two 0600 bearer files. */
  tokenFiles: {operator: string; viewer: string};
  /** Seeded ids (absent for `empty`). */
  demo?: DemoFixture;
  /** The SQLite file when `dataDir` was given. */
  dbFile?: string;
  /** Injected failures for tests (sandbox/faults.ts). */
  faults: Faults;
  /** Stops listening, drops connections, waits for queued writes, frees the store. */
  close(): Promise<void>;
};

const meta = (store: Store, key: string) => store.get('SELECT value FROM meta WHERE key = ?', [key])?.value;

/** Starts a plexsphere-compatible control plane on loopback (see docs/ARCHITECTURE.md). */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const clock = createClock(opts.now);
  const dataDir = opts.dataDir ? resolve(opts.dataDir) : undefined;
  if (dataDir) await preparePrivateDir(dataDir);
  // mkdtemp creates the directory 0700: only this user can read the bearer files inside.
  const tokenDir = dataDir ?? (await mkdtemp(join(tmpdir(), 'plexsphere-sandbox-')));
  const dbFile = dataDir ? join(dataDir, 'plexsphere.sqlite') : undefined;
  const {store, existed} = await Store.open(dbFile, {diskFault: opts.diskFault, now: () => clock.now()});

  const now = clock.now();
  const saved = existed ? store.get('SELECT id, slug, mesh_cidr FROM domains WHERE id = ?', [meta(store, 'domain_id')]) : undefined;
  if (existed && !saved) {
    store.close();
    throw new StoreRefused(dbFile ?? '', 'is one of ours but has lost its Domain row', 'Restore it from a backup, or move it aside to start a fresh store.');
  }
  const domain = saved
    ? {id: String(saved.id), slug: String(saved.slug), meshCidr: String(saved.mesh_cidr)}
    : store.tx(() => initDomain(store, now));
  const tokens = await ensurePrincipals(store, domain.id, tokenDir, existed, now);
  const principal = (role: string) => String(store.get('SELECT id FROM principals WHERE role = ?', [role])?.id);
  const who = {operatorId: principal('operator'), viewerId: principal('viewer')};
  let demo: DemoFixture | undefined;
  if (saved) {
    const fixture = meta(store, 'demo_fixture');
    demo = fixture ? (JSON.parse(String(fixture)) as DemoFixture) : undefined;
  } else if ((opts.seed ?? 'demo') !== 'empty') {
    demo = store.tx(() => seedDemo(store, domain, who, now, opts.seed === 'scale'));
    store.run("INSERT INTO meta (key, value) VALUES ('demo_fixture', ?)", [JSON.stringify(demo)]);
  }
  await store.exclusive(() => store.persist()).catch((e: unknown) => {
    store.close(); // a store that cannot write its first image does not serve
    throw e;
  });

  const app: App = {
    store,
    clock,
    domain,
    cursors: new CursorCodec(Buffer.from(String(meta(store, 'cursor_secret')), 'base64')),
    log: rateLimitedLog(opts.log ?? ((line) => process.stderr.write(line))),
    redemptions: new Redemptions(() => clock.now(), {...DEFAULT_REDEMPTION_LIMITS, ...opts.redemptionLimits}),
  };
  const server = createSandboxServer(app, routes);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => ok());
  }).catch(async (e: unknown) => {
    store.close();
    if (!dataDir) await rm(tokenDir, {recursive: true, force: true});
    throw e;
  });
  const addr = server.address() as AddressInfo;
  const host = addr.address.includes(':') ? `[${addr.address}]` : addr.address;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${addr.port}`,
    operatorToken: tokens.operator,
    viewerToken: tokens.viewer,
    tokenFiles: {operator: join(tokenDir, 'operator.token'), viewer: join(tokenDir, 'viewer.token')},
    demo,
    dbFile,
    ...createFixtures(app, who.operatorId),
    faults: faultsFor(app),
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((ok) => {
          server.close(() => ok());
          server.closeAllConnections();
        });
        await store.exclusive(() => undefined); // let acknowledged-in-flight writes land
        store.close();
        if (!dataDir) await rm(tokenDir, {recursive: true, force: true});
      })()),
  };
}
