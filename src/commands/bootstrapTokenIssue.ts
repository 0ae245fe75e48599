// `bootstrap-token issue`: mint a single-use enrolment credential and show its plaintext once.
import {issueBootstrapToken} from '../api/bootstrapTokens.js';
import {ApiError, formatErrorLine} from '../api/errors.js';
import {outcomeUnknown} from '../api/outcome.js';
import {parseTtl} from '../domain/duration.js';
import {sanitize} from '../domain/sanitize.js';
import {isEnvPrefix, isKind} from '../domain/validate.js';
import {failureFields} from '../journal/journal.js';
import {ReportedFailure, UsageError} from './exitCodes.js';
import {requireFlags, str, uuidFlag} from './flags.js';
import {formatKeyValues, formatPayload, formatTimestamp} from './output.js';
import type {Verb} from './types.js';

const BANNER = '# WARNING: this is the only time this plaintext will be displayed\n';

export const bootstrapTokenIssue: Verb = {
  path: ['bootstrap-token', 'issue'],
  family: 'bootstrap-token',
  summary: 'Mint a bootstrap token and print its plaintext exactly once',
  synopsis: 'bootstrap-token issue --project UUID --kind node|bridge --env-prefix STR --ttl DURATION',
  flagHelp: [
    '--project UUID       Owning Project (required)',
    '--kind node|bridge   Redemption surface (required)',
    '--env-prefix STR     Environment segment of the plaintext, ^[a-z]+$ (required)',
    '--ttl DURATION       Lifetime as a Go duration, 5m..24h, e.g. 1h (required)',
  ],
  notes: [
    'text: the warning banner, the plaintext on its own line, then token_id, issued_at,',
    'expires_at. json/yaml: the API response verbatim (it contains the plaintext).',
    'The request is never retried. If the outcome is unknown (connection lost after',
    "sending), it exits 1: run 'bootstrap-token list' before issuing again.",
  ].join('\n'),
  options: {
    project: {type: 'string'},
    kind: {type: 'string'},
    'env-prefix': {type: 'string'},
    ttl: {type: 'string'},
  },
  async run(ctx) {
    const {values, verb} = ctx;
    requireFlags(values, ['project', 'kind', 'env-prefix', 'ttl'], verb);
    const project = uuidFlag(values, 'project', verb);
    const kind = str(values, 'kind') ?? '';
    if (!isKind(kind)) throw new UsageError(`--kind must be node or bridge, not ${JSON.stringify(kind)}`, verb);
    const envPrefix = str(values, 'env-prefix') ?? '';
    if (!isEnvPrefix(envPrefix)) {
      throw new UsageError(`--env-prefix ${JSON.stringify(envPrefix)} must be 1-32 lowercase letters (^[a-z]+$)`, verb);
    }
    const ttl = parseTtl(str(values, 'ttl') ?? '');
    if (!ttl.ok) throw new UsageError(`--ttl: ${ttl.message}`, verb);

    const client = await ctx.connect();
    let res;
    try {
      res = await issueBootstrapToken(client, project, {kind, env_prefix: envPrefix, ttl_seconds: ttl.seconds});
    } catch (e) {
      const unknown = outcomeUnknown(e);
      await ctx.journal().record({action: 'issue', targets: {project_id: project}, outcome: unknown ? 'unknown' : 'failed', ...failureFields(e)});
      if (!unknown) throw e;
      // A body that failed to parse may hold the plaintext, and the parse error may quote it.
      const what = e instanceof ApiError && e.kind === 'schema' ? `${e.status ?? ''} ${e.title} [${e.code ?? 'schema'}]`.trim() : formatErrorLine(e);
      await ctx.err(
        `plexconsole: ${what}; the token may or may not have been issued: ` +
          `run 'plexconsole bootstrap-token list --project ${project}' before issuing again\n`,
      );
      throw new ReportedFailure(1);
    }
    // Only the id: the plaintext never reaches the journal.
    await ctx.journal().record({action: 'issue', targets: {project_id: project, token_id: res.data.token_id}, outcome: 'issued', status: res.status});
    if (ctx.global.output !== 'text') {
      await ctx.out(formatPayload(ctx.global.output, res.raw));
      return 0;
    }
    const t = res.data;
    await ctx.out(
      BANNER +
        `${sanitize(t.token)}\n` +
        formatKeyValues([
          ['token_id', t.token_id],
          ['issued_at', formatTimestamp(t.issued_at)],
          ['expires_at', formatTimestamp(t.expires_at)],
        ]),
    );
    return 0;
  },
};
