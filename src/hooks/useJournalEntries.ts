import {useCallback, useEffect, useState} from 'react';
import {readJournal, type JournalEntry} from '../journal/journal.js';
import {useJournal} from './journal.js';

export type {JournalEntry} from '../journal/journal.js';

export type JournalEntries =
  | {readonly status: 'loading'}
  | {readonly status: 'off'}
  | {readonly status: 'error'; readonly message: string}
  | {readonly status: 'ready'; readonly path: string; readonly entries: readonly JournalEntry[]; readonly skipped: number};

/** The local journal, newest first (`:journal`); `reload` reads it again. */
export function useJournalEntries(): JournalEntries & {reload(): void} {
  const journal = useJournal();
  const [state, setState] = useState<JournalEntries>({status: 'loading'});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const path = journal.path;
    if (path === undefined) return setState({status: 'off'});
    let live = true;
    readJournal(path).then(
      ({entries, skipped}) => live && setState({status: 'ready', path, entries: [...entries].reverse(), skipped}),
      (e: unknown) => live && setState({status: 'error', message: `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`}),
    );
    return () => {
      live = false;
    };
  }, [journal, attempt]);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  return {...state, reload};
}

/** Entries whose action, outcome, ids, subject or server contain `text` (case-insensitive). */
export function filterEntries(entries: readonly JournalEntry[], text: string): readonly JournalEntry[] {
  const t = text.trim().toLowerCase();
  if (t === '') return entries;
  return entries.filter((e) =>
    [e.action, e.outcome, e.subject, e.server, e.profile, e.correlation_id, e.batch, ...Object.values(e.targets)]
      .some((v) => typeof v === 'string' && v.toLowerCase().includes(t)),
  );
}
