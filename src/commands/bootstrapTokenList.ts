// `bootstrap-token list`: one page of a Project's token roster, or all of it with --all.
import {listAllBootstrapTokens, listBootstrapTokens} from '../api/bootstrapTokens.js';
import {LIST_ALL_MAX} from '../api/paginate.js';
import type {BootstrapToken} from '../api/schemas.js';
import {deriveState} from '../domain/tokenState.js';
import {sanitize} from '../domain/sanitize.js';
import {UsageError} from './exitCodes.js';
import {requireFlags, str, uuidFlag, type FlagValues} from './flags.js';
import {formatPayload, formatTable, formatTimestamp, skippedNote} from './output.js';
import type {Verb} from './types.js';

/** The plexctl roster columns, exactly. */
export const TOKEN_COLUMNS = ['ID', 'PROJECT', 'ENV', 'KIND', 'ISSUED_AT', 'EXPIRES_AT', 'STATE'] as const;

/** One roster row; STATE is derived client side (the API has no state field). */
export function tokenRow(t: BootstrapToken, nowMs: number): string[] {
  return [
    t.id,
    t.project_id,
    t.env_prefix,
    t.kind,
    formatTimestamp(t.issued_at),
    formatTimestamp(t.expires_at),
    deriveState(t, nowMs),
  ];
}

/** `--limit N`: 0..200, where 0 (the default) lets the server pick, so it is not sent. */
function parseLimit(values: FlagValues, verb: string): number | undefined {
  const raw = str(values, 'limit');
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) > 200) {
    throw new UsageError(`--limit must be an integer from 0 to 200, not ${JSON.stringify(raw)}`, verb);
  }
  return Number(raw) === 0 ? undefined : Number(raw);
}

export const bootstrapTokenList: Verb = {
  path: ['bootstrap-token', 'list'],
  family: 'bootstrap-token',
  summary: "Page a Project's bootstrap-token roster (metadata only)",
  synopsis: 'bootstrap-token list --project UUID [--limit N] [--cursor C] [--all]',
  flagHelp: [
    '--project UUID   Owning Project (required)',
    '--limit N        Items per page, 1..200; 0 lets the server pick (default 0)',
    "--cursor C       Continue from a previous page's next_cursor",
    '--all            Follow next_cursor to the end (up to 100000 items); not with --cursor',
  ],
  notes: [
    'text: columns ID PROJECT ENV KIND ISSUED_AT EXPIRES_AT STATE, STATE one of live,',
    'expired, consumed, revoked. Without --all, a further page is announced on stderr as',
    "'# next page: --cursor C'. json/yaml: the page verbatim; with --all, {items: [...]}.",
  ].join('\n'),
  options: {
    project: {type: 'string'},
    limit: {type: 'string'},
    cursor: {type: 'string'},
    all: {type: 'boolean'},
  },
  async run(ctx) {
    const {values, verb} = ctx;
    requireFlags(values, ['project'], verb);
    const project = uuidFlag(values, 'project', verb);
    const limit = parseLimit(values, verb);
    const cursor = str(values, 'cursor');
    const all = values.all === true;
    if (all && cursor !== undefined) throw new UsageError('--all cannot be combined with --cursor', verb);

    const client = await ctx.connect();
    const mode = ctx.global.output;
    if (all) {
      const res = await listAllBootstrapTokens(client, project, {max: LIST_ALL_MAX, ...(limit ? {limit} : {})});
      if (mode !== 'text') await ctx.out(formatPayload(mode, {items: res.raw}));
      else await ctx.out(formatTable(TOKEN_COLUMNS, res.items.map((t) => tokenRow(t, Date.now()))));
      await ctx.err(skippedNote(res.skipped, mode));
      if (res.truncated) await ctx.err(`# stopped after ${res.items.length} items (the --all limit)\n`);
      return 0;
    }
    const res = await listBootstrapTokens(client, project, {
      ...(cursor !== undefined ? {cursor} : {}),
      ...(limit ? {limit} : {}),
    });
    await ctx.err(skippedNote(res.data.skipped, mode));
    if (mode !== 'text') {
      // The payload carries next_cursor itself; stderr stays quiet for scripts.
      await ctx.out(formatPayload(mode, res.raw));
      return 0;
    }
    await ctx.out(formatTable(TOKEN_COLUMNS, res.data.items.map((t) => tokenRow(t, Date.now()))));
    const next = res.data.next_cursor;
    // Cursors are base64url and may start with '-', which would read as a flag: use `=` then.
    const c = next ? sanitize(next) : '';
    if (c) await ctx.err(`# next page: ${c.startsWith('-') ? `--cursor=${c}` : `--cursor ${c}`}\n`);
    return 0;
  },
};
