// `bootstrap-token revoke`: retire a token; destructive, so it needs --yes or a human.
import type {ApiClient} from '../api/client.js';
import {getBootstrapToken, revokeBootstrapToken} from '../api/bootstrapTokens.js';
import {ApiError} from '../api/errors.js';
import {deriveState} from '../domain/tokenState.js';
import {failureFields, failureOutcome} from '../journal/journal.js';
import {UsageError} from './exitCodes.js';
import {BULK_FLAGS, runRevokeAll} from './bootstrapTokenRevokeAll.js';
import {requireFlags, tokenTarget, uuidFlag} from './flags.js';
import {formatTimestamp} from './output.js';
import {confirm} from './prompt.js';
import type {Verb, VerbContext} from './types.js';

/** The server answers 409 for both "already revoked" and "a redeemer beat you"; only the
 * metadata tells them apart, and the operator must learn when a node enrolled with it. */
async function explainConflict(
  ctx: VerbContext,
  client: ApiClient,
  project: string,
  tokenId: string,
  conflict: ApiError,
): Promise<number> {
  const journal = (outcome: 'already_revoked' | 'consumed' | 'failed') =>
    ctx.journal().record({action: 'revoke', targets: {project_id: project, token_id: tokenId}, outcome, ...failureFields(conflict)});
  let t;
  try {
    ({data: t} = await getBootstrapToken(client, project, tokenId));
  } catch (e) {
    await journal('failed');
    throw e;
  }
  const state = deriveState(t, Date.now());
  await journal(state === 'revoked' ? 'already_revoked' : state === 'consumed' ? 'consumed' : 'failed');
  if (state === 'revoked') {
    await ctx.err(
      `plexconsole: token ${tokenId} was already revoked at ${formatTimestamp(t.revoked_at)}; nothing changed\n`,
    );
    return 0;
  }
  if (state === 'consumed') {
    await ctx.err(
      `plexconsole: a redeemer used this token at ${formatTimestamp(t.consumed_at)}; revoking had no effect\n`,
    );
    return 1;
  }
  throw conflict;
}

export const bootstrapTokenRevoke: Verb = {
  path: ['bootstrap-token', 'revoke'],
  family: 'bootstrap-token',
  summary: 'Revoke a bootstrap token (asks first unless --yes)',
  synopsis: 'bootstrap-token revoke --project UUID (--token-id UUID | --all [selectors]) [--yes]',
  flagHelp: [
    '--project UUID          Owning Project (required)',
    '--token-id UUID         BootstrapToken id (required unless --all)',
    '--yes                   Do not ask; required when stdin or stderr is not a terminal',
    '--all                   Revoke every token the selectors match (default: every live one)',
    '--state STATE           With --all: live (default), expired, consumed, revoked or all',
    '--env-prefix STR        With --all: only this env prefix',
    '--kind node|bridge      With --all: only this kind',
    '--issued-before WHEN    With --all: issued before WHEN (RFC 3339, or a duration ago: 2h)',
    '--issued-after WHEN     With --all: issued at or after WHEN',
    '--dry-run               With --all: list what would be revoked; send nothing',
    `--concurrency N         With --all: requests in flight at once (default 8, at most 32)`,
  ],
  notes: [
    "Without --yes it asks 'Revoke token <id>? [y/N]' on a terminal; any answer but y/yes",
    'aborts with exit 1. Without --yes and without a terminal it exits 2 and sends nothing.',
    "text: 'Token <id> revoked'. json/yaml: nothing on stdout (the API returns no body);",
    'rely on the exit code. An already revoked token is a no-op (exit 0, note on stderr);',
    'a consumed token exits 1 and says when it was redeemed.',
    '',
    "--all: one line per token as it ends (revoked, already revoked, consumed, failed)",
    'and a summary; json/yaml: one record per token. On a terminal without --yes it asks',
    'for the number of tokens to be typed. 429 Retry-After is honoured. Exit 0 when every',
    'selected token ended revoked or already revoked (none selected included), 1 when any',
    'failed or had been consumed. Only what the server answered is journalled.',
  ].join('\n'),
  options: {
    project: {type: 'string'},
    'token-id': {type: 'string'},
    all: {type: 'boolean'},
    state: {type: 'string'},
    'env-prefix': {type: 'string'},
    kind: {type: 'string'},
    'issued-before': {type: 'string'},
    'issued-after': {type: 'string'},
    'dry-run': {type: 'boolean'},
    concurrency: {type: 'string'},
  },
  async run(ctx) {
    const {values, verb} = ctx;
    if (values.all === true) {
      if (values['token-id'] !== undefined) throw new UsageError('--all cannot be combined with --token-id', verb);
      requireFlags(values, ['project'], verb);
      return runRevokeAll(ctx, uuidFlag(values, 'project', verb));
    }
    const bulkOnly = BULK_FLAGS.find((f) => values[f] !== undefined);
    if (bulkOnly) throw new UsageError(`--${bulkOnly} needs --all`, verb);
    const {project, tokenId} = tokenTarget(values, verb);
    if (!ctx.global.yes && !ctx.io.isTTY) {
      throw new UsageError('refusing to revoke without --yes when not on a terminal', verb);
    }

    // Credentials first: asking a question and then failing on a missing token is rude.
    const client = await ctx.connect();
    if (!ctx.global.yes && !(await confirm(ctx.io, `Revoke token ${tokenId}?`))) {
      await ctx.err('Aborted.\n');
      return 1;
    }
    try {
      await revokeBootstrapToken(client, project, tokenId);
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'http' && e.status === 409) {
        return explainConflict(ctx, client, project, tokenId, e);
      }
      await ctx.journal().record({action: 'revoke', targets: {project_id: project, token_id: tokenId}, outcome: failureOutcome(e), ...failureFields(e)});
      throw e;
    }
    await ctx.journal().record({action: 'revoke', targets: {project_id: project, token_id: tokenId}, outcome: 'revoked', status: 204});
    if (ctx.global.output === 'text') await ctx.out(`Token ${tokenId} revoked\n`);
    return 0;
  },
};
