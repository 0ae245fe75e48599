import {readFile} from 'node:fs/promises';
import type {Database, SqlValue, Statement} from 'sql.js';
import {removeStaleTemps, writeFileAtomic} from './persist.js';
import {SCHEMA} from './schema.js';
import {openDatabase} from './sqlite.js';

export type Row = Record<string, SqlValue>;
/** Positional parameters; `undefined` (a missing row field) binds as NULL. */
export type Params = (SqlValue | undefined)[];

const bindable = (params: Params): SqlValue[] => params.map((p) => (p === undefined ? null : p));

/** The SQLite store: one sql.js connection, serialised mutations, optional crash-safe file. */
export class Store {
  private readonly stmts = new Map<string, Statement>();
  private queue: Promise<unknown> = Promise.resolve();
  private inTx = false;
  /** Set by `close()`; late handlers of dropped connections then fail quietly. */
  closed = false;

  private constructor(
    readonly db: Database,
    /** `DIR/plexsphere.sqlite`, or undefined for an in-memory store. */
    readonly file: string | undefined,
  ) {}

  /** Opens the file if it exists (a restart), else a fresh database; applies the schema. */
  static async open(file?: string): Promise<{store: Store; existed: boolean}> {
    let image: Uint8Array | undefined;
    if (file) {
      await removeStaleTemps(file);
      image = await readFile(file).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return undefined;
        throw e;
      });
    }
    const db = await openDatabase(image);
    // sql.js keeps the database as a file in Emscripten's JS MEMFS, so every page that falls
    // out of SQLite's 2 MiB default cache is copied through JS. A 64 MiB cache holds the
    // 100k-token scale store (~48 MiB) and makes seeding and paging ~2x faster. The journal
    // and fsync buy nothing in MEMFS: durability comes from `persist()`.
    db.exec('PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF');
    db.exec(SCHEMA);
    return {store: new Store(db, file), existed: image !== undefined};
  }

  private stmt(sql: string): Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  /** All rows of a query as objects. */
  all(sql: string, params: Params = []): Row[] {
    const s = this.stmt(sql);
    s.bind(bindable(params));
    const rows: Row[] = [];
    try {
      while (s.step()) rows.push(s.getAsObject());
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
      return s.step() ? s.getAsObject() : undefined;
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
   * Runs `fn` alone: mutations queue here, so an async step (an Argon2 verify, a file write)
   * can never interleave with another mutation or a half-written export.
   */
  exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A synchronous transaction followed by persistence, inside the mutation queue. */
  mutate<T>(fn: () => T): Promise<T> {
    return this.exclusive(async () => {
      const out = this.tx(fn);
      await this.persist();
      return out;
    });
  }

  /** Writes the whole database image crash-safely; a no-op in memory. Call inside `exclusive`. */
  async persist(): Promise<void> {
    if (this.file) await writeFileAtomic(this.file, this.db.export());
  }

  /** Frees statements and the WASM database. */
  close(): void {
    this.closed = true;
    for (const s of this.stmts.values()) s.free();
    this.stmts.clear();
    this.db.close();
  }
}
