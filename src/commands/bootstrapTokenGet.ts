// `bootstrap-token get`: the metadata of one token (never its plaintext; the API cannot).
import {getBootstrapToken} from '../api/bootstrapTokens.js';
import {deriveState} from '../domain/tokenState.js';
import {tokenTarget} from './flags.js';
import {formatKeyValues, formatPayload, formatTimestamp} from './output.js';
import type {Verb} from './types.js';

export const bootstrapTokenGet: Verb = {
  path: ['bootstrap-token', 'get'],
  family: 'bootstrap-token',
  summary: 'Show the metadata of one bootstrap token',
  synopsis: 'bootstrap-token get --project UUID --token-id UUID',
  flagHelp: ['--project UUID    Owning Project (required)', '--token-id UUID   BootstrapToken id (required)'],
  notes: [
    'text: one `key: value` line per field, with consumed_at / revoked_at when set and the',
    'derived state. json/yaml: the API metadata verbatim.',
  ].join('\n'),
  options: {project: {type: 'string'}, 'token-id': {type: 'string'}},
  async run(ctx) {
    const {values, verb} = ctx;
    const {project, tokenId} = tokenTarget(values, verb);

    const client = await ctx.connect();
    const res = await getBootstrapToken(client, project, tokenId);
    if (ctx.global.output !== 'text') {
      await ctx.out(formatPayload(ctx.global.output, res.raw));
      return 0;
    }
    const t = res.data;
    await ctx.out(
      formatKeyValues([
        ['id', t.id],
        ['project_id', t.project_id],
        ['env_prefix', t.env_prefix],
        ['kind', t.kind],
        ['issued_at', formatTimestamp(t.issued_at)],
        ['expires_at', formatTimestamp(t.expires_at)],
        ['consumed_at', t.consumed_at ? formatTimestamp(t.consumed_at) : undefined],
        ['revoked_at', t.revoked_at ? formatTimestamp(t.revoked_at) : undefined],
        ['issued_by_user_id', t.issued_by_user_id],
        ['state', deriveState(t, Date.now())],
      ]),
    );
    return 0;
  },
};
