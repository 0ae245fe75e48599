import type {Database} from 'sql.js';

// SQLite's header carries a 32-bit application id (offset 68) and user version (offset 60) for
// exactly this: telling our files from every other SQLite file. 'PLXS' in ASCII.
export const APPLICATION_ID = 0x504c5853;
/** Bumped whenever SCHEMA changes shape; a store of another version is refused, not guessed at. */
export const SCHEMA_VERSION = 1;

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const FRESH = 'Move it aside (or pick another --data-dir) to start a fresh store; the sandbox never seeds over an existing file.';

/** The store file cannot be adopted; the message names the file, what is wrong and what to do. */
export class StoreRefused extends Error {
  constructor(
    readonly file: string,
    what: string,
    todo = FRESH,
  ) {
    super(`${file} ${what}. ${todo}`);
    this.name = 'StoreRefused';
  }
}

/** Writes our identity into a fresh database's header. */
export function stampIdentity(db: Database): void {
  db.exec(`PRAGMA application_id = ${APPLICATION_ID}; PRAGMA user_version = ${SCHEMA_VERSION}`);
}

/** Checks the raw header of an existing store file before SQLite is asked anything. */
export function checkHeader(file: string, image: Uint8Array): void {
  if (image.length === 0) throw new StoreRefused(file, 'is empty (0 bytes): it holds no store, yet something created it');
  const bytes = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  if (bytes.length < 100 || !bytes.subarray(0, 16).equals(MAGIC)) {
    throw new StoreRefused(file, 'is not a SQLite database (its header is missing or damaged)');
  }
  const appId = bytes.readUInt32BE(68);
  const version = bytes.readUInt32BE(60);
  if (appId === 0 && version === 0) {
    throw new StoreRefused(file, 'carries no application id: it is another program’s SQLite file, or a store of a pre-release sandbox');
  }
  if (appId !== APPLICATION_ID) {
    throw new StoreRefused(file, `belongs to another application (SQLite application_id 0x${appId.toString(16).padStart(8, '0')})`);
  }
  if (version !== SCHEMA_VERSION) {
    throw new StoreRefused(file, `has store schema ${version}; this sandbox reads schema ${SCHEMA_VERSION}`);
  }
}

/** Runs SQLite's structural check over every page; a damaged store is refused before it serves. */
export function checkIntegrity(file: string, db: Database): void {
  let problems: string[];
  try {
    problems = (db.exec('PRAGMA quick_check(5)')[0]?.values ?? []).map((r) => String(r[0]));
  } catch (e) {
    problems = [(e as Error).message];
  }
  if (problems.length !== 1 || problems[0] !== 'ok') {
    // One line: quick_check's findings carry newlines and a "*** in database main ***" banner.
    const found = problems.join(' ').replace(/\*\*\* in database \w+ \*\*\*/g, '').replace(/\s+/g, ' ').trim();
    throw new StoreRefused(
      file,
      `is damaged (SQLite quick_check: ${found.slice(0, 160)}${found.length > 160 ? '…' : ''})`,
      'Restore it from a backup, or move it aside (or pick another --data-dir) to start a fresh store.',
    );
  }
}
