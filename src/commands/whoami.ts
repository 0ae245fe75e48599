// `whoami`: which principal the configured credentials resolve to.
import {getWhoami} from '../api/whoami.js';
import {formatKeyValues, formatPayload} from './output.js';
import type {Verb} from './types.js';

export const whoami: Verb = {
  path: ['whoami'],
  family: 'other',
  summary: 'Show the principal behind the configured credentials',
  synopsis: 'whoami',
  flagHelp: [],
  notes: [
    'text: subject, principal_type, principal_scope, domain_id, email, acr, amr as',
    'key: value lines (absent fields are left out). json/yaml: the API payload verbatim.',
  ].join('\n'),
  options: {},
  async run(ctx) {
    const client = await ctx.connect();
    const res = await getWhoami(client);
    if (ctx.global.output !== 'text') {
      await ctx.out(formatPayload(ctx.global.output, res.raw));
      return 0;
    }
    const w = res.data;
    await ctx.out(
      formatKeyValues([
        ['subject', w.subject],
        ['principal_type', w.principal_type],
        ['principal_scope', w.principal_scope],
        ['domain_id', w.domain_id],
        ['email', w.email],
        ['acr', w.acr],
        ['amr', w.amr],
      ]),
    );
    return 0;
  },
};
