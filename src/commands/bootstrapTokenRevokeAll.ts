// `bootstrap-token revoke --project P --all [selectors]`: the incident-response extension.
import {listAllBootstrapTokens} from '../api/bootstrapTokens.js';
import {describeOutcomes, MAX_CONCURRENCY, revokeMany, type RevokeResult} from '../api/bulkRevoke.js';
import {formatErrorLine} from '../api/errors.js';
import type {BootstrapToken} from '../api/schemas.js';
import {parseInstant} from '../domain/instant.js';
import {countByState, describeBulkRevoke, selectTokens, type TokenSelectors} from '../domain/tokenSelection.js';
import {deriveState, parseStateFilter} from '../domain/tokenState.js';
import {isEnvPrefix, isKind} from '../domain/validate.js';
import {failureFields, failureOutcome, type JournalOutcome} from '../journal/journal.js';
import {UsageError} from './exitCodes.js';
import {str, type FlagValues} from './flags.js';
import {formatPayload, formatTimestamp} from './output.js';
import {ask} from './prompt.js';
import type {VerbContext} from './types.js';

/** Flags that only mean something with --all. */
export const BULK_FLAGS = ['state', 'env-prefix', 'kind', 'issued-before', 'issued-after', 'dry-run', 'concurrency'] as const;

/** The selectors from flags, validated before any request (exit 2 otherwise). */
export function bulkSelectors(values: FlagValues, verb: string, nowMs: number): TokenSelectors {
  const state = str(values, 'state') ?? 'live';
  const parsed = state === 'all' ? undefined : parseStateFilter(state);
  if (state !== 'all' && parsed === undefined) {
    throw new UsageError(`--state must be live, expired, consumed, revoked or all, not ${JSON.stringify(state)}`, verb);
  }
  const envPrefix = str(values, 'env-prefix');
  if (envPrefix !== undefined && !isEnvPrefix(envPrefix)) {
    throw new UsageError(`--env-prefix ${JSON.stringify(envPrefix)} must be 1-32 lowercase letters (^[a-z]+$)`, verb);
  }
  const kind = str(values, 'kind');
  if (kind !== undefined && !isKind(kind)) throw new UsageError(`--kind must be node or bridge, not ${JSON.stringify(kind)}`, verb);
  const instant = (name: string): number | undefined => {
    const v = str(values, name);
    if (v === undefined) return undefined;
    const ms = parseInstant(v, nowMs);
    if (ms === undefined) throw new UsageError(`--${name} ${JSON.stringify(v)} is neither an RFC 3339 time nor a duration ago (1h)`, verb);
    return ms;
  };
  return {state: parsed, envPrefix, kind, issuedBefore: instant('issued-before'), issuedAfter: instant('issued-after')};
}

function concurrencyFlag(values: FlagValues, verb: string): number | undefined {
  const v = str(values, 'concurrency');
  if (v === undefined) return undefined;
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  if (!(n >= 1 && n <= MAX_CONCURRENCY)) throw new UsageError(`--concurrency must be an integer in [1, ${MAX_CONCURRENCY}]`, verb);
  return n;
}

const LABEL: Record<RevokeResult['kind'], string> = {
  revoked: 'revoked',
  already_revoked: 'already revoked',
  consumed: 'consumed',
  failed: 'failed',
  not_attempted: 'not attempted',
};

/** One text line per token, as it ends. */
function line(r: RevokeResult): string {
  const head = `${LABEL[r.kind].padEnd(16)}${r.token.id}`;
  switch (r.kind) {
    case 'already_revoked':
      return `${head} at ${formatTimestamp(r.at)}\n`;
    case 'consumed':
      return `${head} at ${formatTimestamp(r.at)}: a redeemer used it; revoking had no effect\n`;
    case 'failed':
      return `${head}: ${formatErrorLine(r.error)}\n`;
    default:
      return `${head}\n`;
  }
}

/** One json/yaml record per token. */
function record(r: RevokeResult, selectedState: string): Record<string, unknown> {
  const t = r.token;
  return {
    token_id: t.id,
    env_prefix: t.env_prefix,
    kind: t.kind,
    state: selectedState,
    outcome: r.kind,
    ...('at' in r && r.at ? {at: formatTimestamp(r.at)} : {}),
    ...('status' in r && r.status !== undefined ? {status: r.status} : {}),
    ...(r.kind === 'failed' ? {error: formatErrorLine(r.error), ...failureFields(r.error)} : {}),
  };
}


const journalOutcome = (r: RevokeResult): JournalOutcome =>
  r.kind === 'failed' ? failureOutcome(r.error) : r.kind === 'not_attempted' ? 'unknown' : r.kind;

/** Lists, selects, confirms, revokes; exit 0 only when every selected token ended revoked. */
export async function runRevokeAll(ctx: VerbContext, project: string): Promise<number> {
  const {values, verb} = ctx;
  const selectors = bulkSelectors(values, verb, Date.now());
  const concurrency = concurrencyFlag(values, verb);
  const dryRun = values['dry-run'] === true;
  if (!dryRun && !ctx.global.yes && !ctx.io.isTTY) {
    throw new UsageError('refusing to revoke without --yes when not on a terminal', verb);
  }
  const client = await ctx.connect();
  const {items, truncated} = await listAllBootstrapTokens(client, project);
  if (truncated) await ctx.err(`plexconsole: warning: the roster was cut at ${items.length} tokens; run again for the rest\n`);
  const listedAt = Date.now();
  const selected = selectTokens(items, selectors, listedAt);
  const stateAtSelection = new Map(selected.map((t) => [t.id, deriveState(t, listedAt)]));
  const breakdown = describeBulkRevoke(countByState(selected, listedAt));
  const mode = ctx.global.output;

  if (dryRun) {
    if (mode !== 'text') {
      await ctx.out(formatPayload(mode, selected.map((t) => ({token_id: t.id, env_prefix: t.env_prefix, kind: t.kind, state: stateAtSelection.get(t.id), outcome: 'would_revoke'}))));
    } else {
      await ctx.out(selected.map((t) => `would revoke    ${t.id} ${t.env_prefix} ${t.kind} ${stateAtSelection.get(t.id)}\n`).join(''));
      await ctx.out(`${selected.length} token${selected.length === 1 ? '' : 's'} selected (${breakdown}); nothing was sent\n`);
    }
    return 0;
  }
  if (selected.length === 0) {
    if (mode === 'text') await ctx.out(`no token of project ${project} matches; nothing was sent\n`);
    else await ctx.out(formatPayload(mode, []));
    return 0;
  }
  if (!ctx.global.yes) {
    const answer = await ask(ctx.io, `Revoke ${selected.length} tokens of project ${project} (${breakdown})? Type ${selected.length} to confirm:`);
    if (answer?.trim() !== String(selected.length)) {
      await ctx.err('Aborted; nothing was sent.\n');
      return 1;
    }
  }
  // The global Web Crypto, loaded on first use: importing node:crypto here cost every verb's start-up.
  const batch = crypto.randomUUID();
  const pending: Promise<void>[] = [];
  const results = await revokeMany(client, project, selected as BootstrapToken[], {
    concurrency,
    onResult: (r) => {
      if (r.sent) {
        const targets = {project_id: project, token_id: r.token.id};
        const status = r.kind === 'failed' ? failureFields(r.error) : 'status' in r && r.status !== undefined ? {status: r.status} : {};
        pending.push(ctx.journal().record({action: 'revoke', targets, outcome: journalOutcome(r), batch, ...status}));
      }
      if (mode === 'text') pending.push(ctx.out(line(r)));
    },
  });
  await Promise.all(pending);
  if (mode === 'text') await ctx.out(`${describeOutcomes(results)} (${results.length} selected)\n`);
  else await ctx.out(formatPayload(mode, results.map((r) => record(r, stateAtSelection.get(r.token.id) ?? ''))));
  return results.every((r) => r.kind === 'revoked' || r.kind === 'already_revoked') ? 0 : 1;
}
