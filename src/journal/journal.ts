// The local journal: one JSON line per mutation, appended to
// $XDG_STATE_HOME/plexconsole/journal.jsonl (decisions.md "Local journal").
import {chmod, mkdir, open, readFile, stat} from 'node:fs/promises';
import {isAbsolute, join} from 'node:path';
import {redactSecrets} from '../api/errors.js';
import {parseEntry, type JournalEntry, type JournalRecord} from './entry.js';

export type {JournalAction, JournalEntry, JournalOutcome, JournalRecord, JournalTargets} from './entry.js';
export {failureFields, failureOutcome} from './entry.js';

/** `$XDG_STATE_HOME/plexconsole` (an absolute XDG path only, as the spec says), else `~/.local/state/plexconsole`. */
export function journalDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  const xdg = env.XDG_STATE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homeDir, '.local', 'state');
  return join(base, 'plexconsole');
}

export function journalPath(env: NodeJS.ProcessEnv, homeDir: string): string {
  return join(journalDir(env, homeDir), 'journal.jsonl');
}

/** Appends records; `record` never throws (a journal that cannot be written warns instead). */
export type Journal = {
  readonly path: string | undefined;
  /** Resolves once this record is on disk (or could not be written, with a warning). */
  record(r: JournalRecord): Promise<void>;
  /** Resolves once every record made so far is on disk: what a quitting console waits for. */
  flush(): Promise<void>;
};

export type JournalOptions = {
  readonly env: NodeJS.ProcessEnv;
  readonly homeDir: string;
  /** `--no-journal`. */
  readonly enabled: boolean;
  readonly server: string;
  readonly profile: string;
  /** The bearer token: scrubbed from every line as a last line of defence. */
  readonly bearer: string;
  /** Resolves the principal subject once (whoami); undefined when it cannot be learnt. */
  readonly subject: () => Promise<string | undefined>;
  readonly onWarning?: (msg: string) => void;
  readonly now?: () => number;
};

/** A journal that writes nothing (`--no-journal`). */
export const NO_JOURNAL: Journal = {path: undefined, record: () => Promise.resolve(), flush: () => Promise.resolve()};

/** Opens the journal lazily: nothing touches the disk until the first mutation is recorded. */
export function openJournal(o: JournalOptions): Journal {
  if (!o.enabled) return NO_JOURNAL;
  const dir = journalDir(o.env, o.homeDir);
  const path = join(dir, 'journal.jsonl');
  let subject: Promise<string | undefined> | undefined;
  // Records waiting for the writer. One writer at a time from this process, so lines keep
  // their order; it takes every record queued meanwhile into one append, so a bulk revoke of
  // 1,000 tokens is a few appends, not 1,000 rounds of mkdir/stat/open/write/close.
  let queue: {time: string; r: JournalRecord; done: () => void}[] = [];
  let writing: Promise<void> | undefined;
  let warned = false;
  const scrub = (line: string): string => {
    const clean = redactSecrets(line);
    return o.bearer ? clean.split(o.bearer).join('[redacted]') : clean;
  };
  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      subject ??= o.subject().catch(() => undefined);
      const who = await subject;
      const line = ({time, r}: (typeof batch)[number]): string => {
        const entry: JournalEntry = {time, server: o.server, profile: o.profile, ...(who !== undefined ? {subject: who} : {}), ...r};
        return `${scrub(JSON.stringify(entry))}\n`;
      };
      const text = batch.map(line).join('');
      try {
        await appendLine(dir, path, text);
      } catch (e) {
        if (!warned) {
          warned = true;
          o.onWarning?.(`journal not written (${path}): ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
        }
      }
      for (const b of batch) b.done();
    }
    writing = undefined;
  };
  return {
    path,
    record(r) {
      // The time is the moment of the mutation, not of the append.
      const time = new Date((o.now ?? Date.now)()).toISOString();
      const written = new Promise<void>((done) => queue.push({time, r, done}));
      writing ??= drain();
      return written;
    },
    flush: () => writing ?? Promise.resolve(),
  };
}

/** One write(2) on an O_APPEND descriptor: concurrent writers (two consoles) never interleave
 * inside a line. The directory is 0700 and the file 0600, tightened if someone loosened them. */
async function appendLine(dir: string, path: string, line: string): Promise<void> {
  await mkdir(dir, {recursive: true, mode: 0o700});
  if (((await stat(dir)).mode & 0o077) !== 0) await chmod(dir, 0o700);
  const fh = await open(path, 'a', 0o600);
  try {
    if (((await fh.stat()).mode & 0o077) !== 0) await fh.chmod(0o600);
    await fh.write(line);
  } finally {
    await fh.close();
  }
}

/** Every readable entry, oldest first, and how many lines were not entries. */
export async function readJournal(path: string): Promise<{entries: JournalEntry[]; skipped: number}> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {entries: [], skipped: 0};
    throw e;
  }
  const entries: JournalEntry[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const e = parseEntry(line);
    if (e) entries.push(e);
    else skipped++;
  }
  return {entries, skipped};
}
