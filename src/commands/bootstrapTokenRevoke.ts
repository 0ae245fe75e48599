// `bootstrap-token revoke`: retire a token; destructive, so it needs --yes or a human.
import type {ApiClient} from '../api/client.js';
import {getBootstrapToken, revokeBootstrapToken} from '../api/bootstrapTokens.js';
import {ApiError} from '../api/errors.js';
import {deriveState} from '../domain/tokenState.js';
import {failureFields, failureOutcome} from '../journal/journal.js';
import {UsageError} from './exitCodes.js';
import {tokenTarget} from './flags.js';
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
  synopsis: 'bootstrap-token revoke --project UUID --token-id UUID [--yes]',
  flagHelp: [
    '--project UUID    Owning Project (required)',
    '--token-id UUID   BootstrapToken id (required)',
    '--yes             Do not ask; required when stdin or stderr is not a terminal',
  ],
  notes: [
    "Without --yes it asks 'Revoke token <id>? [y/N]' on a terminal; any answer but y/yes",
    'aborts with exit 1. Without --yes and without a terminal it exits 2 and sends nothing.',
    "text: 'Token <id> revoked'. json/yaml: nothing on stdout (the API returns no body);",
    'rely on the exit code. An already revoked token is a no-op (exit 0, note on stderr);',
    'a consumed token exits 1 and says when it was redeemed.',
  ].join('\n'),
  options: {project: {type: 'string'}, 'token-id': {type: 'string'}},
  async run(ctx) {
    const {values, verb} = ctx;
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
