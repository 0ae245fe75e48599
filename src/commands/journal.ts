// `journal`: print the local journal of mutations (no network), e.g. for a change record.
import {parseInstant} from '../domain/instant.js';
import {journalPath, readJournal, type JournalEntry} from '../journal/journal.js';
import {UsageError} from './exitCodes.js';
import {str} from './flags.js';
import {formatPayload, formatTable, formatTimestamp} from './output.js';
import type {Verb} from './types.js';

/** The one target a reader looks for first: the token, else the node. */
function target(e: JournalEntry): string {
  const t = e.targets;
  return t.token_id ?? t.node_id ?? t.project_id ?? '';
}

function table(entries: readonly JournalEntry[]): string {
  return formatTable(
    ['TIME', 'ACTION', 'OUTCOME', 'STATUS', 'TARGET', 'SUBJECT', 'SERVER', 'CORRELATION'],
    entries.map((e) => [
      formatTimestamp(e.time),
      e.action,
      e.outcome,
      e.status === undefined ? '-' : String(e.status),
      target(e),
      e.subject ?? '-',
      e.server,
      e.correlation_id ?? '-',
    ]),
  );
}

export const journal: Verb = {
  path: ['journal'],
  family: 'other',
  summary: 'Print the local journal of mutations (issue, revoke, rotate)',
  synopsis: 'journal [--since DURATION|RFC3339]',
  flagHelp: ['--since WHEN   Only entries at or after WHEN: a duration ago (1h, 30m) or an RFC 3339 time'],
  notes: [
    'Reads $XDG_STATE_HOME/plexconsole/journal.jsonl (default ~/.local/state/plexconsole/),',
    'oldest first. text: a table; json/yaml: the entries as a list. Sends no request.',
  ].join('\n'),
  options: {since: {type: 'string'}},
  async run(ctx) {
    const since = str(ctx.values, 'since');
    const from = since === undefined ? undefined : parseInstant(since, Date.now());
    if (since !== undefined && from === undefined) {
      throw new UsageError(`--since ${JSON.stringify(since)} is neither a duration (1h) nor an RFC 3339 time`, ctx.verb);
    }
    const path = journalPath(ctx.io.env, ctx.io.homeDir);
    const {entries, skipped} = await readJournal(path);
    const shown = entries.filter((e) => from === undefined || Date.parse(e.time) >= from);
    if (skipped > 0) await ctx.err(`plexconsole: skipped ${skipped} unreadable line${skipped === 1 ? '' : 's'} in ${path}\n`);
    if (ctx.global.output !== 'text') await ctx.out(formatPayload(ctx.global.output, shown));
    else if (shown.length === 0) await ctx.err(`plexconsole: no journal entries${since ? ` since ${since}` : ''} in ${path}\n`);
    else await ctx.out(table(shown));
    return 0;
  },
};
