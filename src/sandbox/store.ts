import {readFile} from 'node:fs/promises';
import type {Database, SqlValue, Statement} from 'sql.js';
import {checkHeader, checkIntegrity, stampIdentity} from './identity.js';
import {describeDiskError, RenamedNotSynced, removeStaleTemps, writeFileAtomic, type DiskFault} from './persist.js';
import {SCHEMA} from './schema.js';
import {openDatabase} from './sqlite.js';

export type Row = Record<string, SqlValue>;
/** Positional parameters; `undefined` (a missing row field) binds as NULL. */
export type Params = (SqlValue | undefined)[];

/** A mutation was refused or undone because the store cannot write its file; nothing changed. */
export class StoreUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`the store cannot persist: ${reason}`);
    this.name = 'StoreUnavailable';
  }
}

export type StoreOptions = {
  /** Test seam: fails chosen steps of the atomic file write (see `DiskFault`). */
  diskFault?: DiskFault;
  /** Clock for spacing out recovery probes (epoch ms); default Date.now. */
  now?: () => number;
};

/** Why the store cannot write, and since when; undefined while it can. */
export type WriteFailure = {reason: string; since: number};

/** At most one recovery probe per second, however often health is polled. */
const PROBE_EVERY_MS = 1000;

const bindable = (params: Params): SqlValue[] => params.map((p) => (p === undefined ? null : p));

// sql.js keeps the database as a file in Emscripten's JS MEMFS, so every page that falls
// out of SQLite's 2 MiB default cache is copied through JS. A 64 MiB cache holds the
// 100k-token scale store (~48 MiB) and makes seeding and paging ~2x faster. The journal
// and fsync buy nothing in MEMFS: durability comes from `persist()`.
const configure = (db: Database) =>
  db.exec('PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF');

/**
 * The SQLite store: one sql.js connection, serialised mutations, optional crash-safe file.
 * With a file, a mutation is visible only once its image is durable; one whose image could not
 * be written is undone by reloading the last durable image, and later mutations answer
 * `StoreUnavailable` until a write succeeds again.
 */
export class Store {
  private readonly stmts = new Map<string, Statement>();
  // Column names per prepared statement: sql.js's getAsObject asks the WASM side for every
  // name of every row (half the CPU of a 200-token page); the names never change.
  private readonly names = new WeakMap<Statement, string[]>();
  private queue: Promise<unknown> = Promise.resolve();
  private inTx = false;
  /** The image last known to be on disk: what a failed write rolls back to. */
  private durable: Uint8Array | undefined;
  private writing: Promise<void> | undefined;
  private lastProbe = Number.NEGATIVE_INFINITY;
  /** Set while the file cannot be written. */
  failure: WriteFailure | undefined;
  /** Set by `close()`; late handlers of dropped connections then fail quietly. */
  closed = false;

  private constructor(
    private db: Database,
    /** `DIR/plexsphere.sqlite`, or undefined for an in-memory store. */
    readonly file: string | undefined,
    private readonly opts: StoreOptions,
  ) {}

  /**
   * Opens the file if it exists (a restart), else a fresh database; applies the schema. An
   * existing file must be one of ours, of this schema version, and structurally sound, or
   * `StoreRefused` says which and what to do: it is never re-seeded or repaired in place.
   */
  static async open(file?: string, opts: StoreOptions = {}): Promise<{store: Store; existed: boolean}> {
    let image: Uint8Array | undefined;
    if (file) {
      await removeStaleTemps(file);
      image = await readFile(file).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return undefined;
        throw e;
      });
    }
    if (file && image) checkHeader(file, image);
    const db = await openDatabase(image);
    if (file && image) checkIntegrity(file, db);
    configure(db);
    if (!image) stampIdentity(db);
    db.exec(SCHEMA);
    const store = new Store(db, file, opts);
    store.durable = image;
    return {store, existed: image !== undefined};
  }

  private stmt(sql: string): Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  private row(s: Statement): Row {
    let names = this.names.get(s);
    if (!names) this.names.set(s, (names = s.getColumnNames()));
    const values = s.get();
    const row: Row = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = values[i]!;
    return row;
  }

  /** All rows of a query as objects. */
  all(sql: string, params: Params = []): Row[] {
    const s = this.stmt(sql);
    s.bind(bindable(params));
    const rows: Row[] = [];
    try {
      while (s.step()) rows.push(this.row(s));
    } finally {
      s.reset();
    }
    return rows;
  }

  /** The first row, or undefined. */
  get(sql: string, params: Params = []): Row | undefined {
    const s = this.stmt(sql);
    s.bind(bindable(params));
    try {
      return s.step() ? this.row(s) : undefined;
    } finally {
      s.reset();
    }
  }

  /** Runs a statement; returns the number of changed rows. */
  run(sql: string, params: Params = []): number {
    const s = this.stmt(sql);
    s.run(bindable(params));
    return this.db.getRowsModified();
  }

  /** Runs `fn` in one SQLite transaction (synchronous, so nothing can interleave); nests. */
  tx<T>(fn: () => T): T {
    if (this.inTx) return fn(); // the outer transaction commits or rolls back for both
    this.db.run('BEGIN');
    this.inTx = true;
    try {
      const out = fn();
      this.db.run('COMMIT');
      return out;
    } catch (e) {
      this.db.run('ROLLBACK');
      throw e;
    } finally {
      this.inTx = false;
    }
  }

  /**
   * Runs `fn` alone: mutations queue here, so an async step (a file write) can never
   * interleave with another mutation or a half-written export.
   */
  exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * A synchronous transaction followed by persistence, inside the mutation queue. Resolves
   * only once the change is durable; rejects with `StoreUnavailable` (and no trace of the
   * change) when it could not be written.
   */
  mutate<T>(fn: () => T): Promise<T> {
    return this.exclusive(async () => {
      const out = this.tx(fn);
      await this.persist();
      return out;
    });
  }

  /**
   * The write in flight, if any (it never rejects). Readers wait for it so they never see a
   * change whose image is still on its way to disk, and might yet be rolled back.
   */
  pendingWrite(): Promise<void> | undefined {
    return this.writing;
  }

  /** Writes the whole database image crash-safely; a no-op in memory. Call inside `exclusive`. */
  async persist(): Promise<void> {
    if (!this.file) return;
    const image = this.db.export();
    let failed: unknown;
    const writing = (async () => {
      try {
        await writeFileAtomic(this.file!, image, this.opts.diskFault);
        this.durable = image;
        this.failure = undefined;
      } catch (e) {
        failed = e;
        this.failure = {reason: describeDiskError(e), since: this.failure?.since ?? this.now()};
        // Renamed but not synced: the undone image is on disk. Put the durable one back (best
        // effort), so a restart finds what was acknowledged and nothing else.
        if (e instanceof RenamedNotSynced && this.durable) await writeFileAtomic(this.file!, this.durable, this.opts.diskFault).catch(() => undefined);
        await this.rollback(); // before readers resume: they must not see the undone change
      } finally {
        this.writing = undefined;
      }
    })();
    this.writing = writing;
    await writing;
    if (failed !== undefined) throw new StoreUnavailable(this.failure?.reason ?? describeDiskError(failed));
  }

  /**
   * While the file cannot be written, tries once more (at most once a second) by rewriting the
   * durable image, which changes nothing on disk; a success makes the store writable again
   * without a restart. Call inside `exclusive`.
   */
  async probe(): Promise<void> {
    const now = this.now();
    const failure = this.failure;
    if (!failure || !this.file || !this.durable) return;
    if (now >= this.lastProbe && now - this.lastProbe < PROBE_EVERY_MS) return;
    this.lastProbe = now;
    try {
      await writeFileAtomic(this.file, this.durable, this.opts.diskFault);
      this.failure = undefined;
    } catch (e) {
      this.failure = {reason: describeDiskError(e), since: failure.since};
    }
  }

  /** Swaps in a connection on the durable image; synchronous at the swap, so no reader sees a closed one. */
  private async rollback(): Promise<void> {
    const next = await openDatabase(this.durable);
    configure(next);
    for (const s of this.stmts.values()) s.free();
    this.stmts.clear();
    this.db.close();
    this.db = next;
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  /** Frees statements and the WASM database. */
  close(): void {
    this.closed = true;
    for (const s of this.stmts.values()) s.free();
    this.stmts.clear();
    this.db.close();
  }
}
