// Bulk revoke throughput (issue 11): `bootstrap-token revoke --all --state live --yes` against
// fresh sandboxes of its own (a bulk revoke changes the roster the other scenarios read).
import {benchBulkRevoke} from '../bulk-revoke.mjs';

export const name = 'bulkrevoke';
export const title = 'bulk revoke throughput (tokens/s)';

export async function run(ctx) {
  return benchBulkRevoke({binary: ctx.bin, concurrencies: ctx.quick ? [8] : [1, 8, 32], log: ctx.log});
}

export function report(rows, {fmt}) {
  if (!rows?.length) return [];
  return [
    '## Bulk revoke throughput (`bootstrap-token revoke --all --state live --yes`)',
    '',
    'A fresh `plexconsole sandbox --seed scale` per row (its own process); the verb revokes the 2,500 live tokens of `scale-10k`. Wall clock of the verb, listing the 10,000 tokens included; `--no-journal`, `--output json`.',
    '',
    '| concurrency | tokens selected | revoked | wall clock (ms) | **tokens/s** |',
    '|---|---|---|---|---|',
    ...rows.map((x) => `| ${x.concurrency} | ${fmt(x.tokens)} | ${fmt(x.revoked)} | ${fmt(x.ms)} | **${fmt(x.perSecond)}** |`),
    '',
    "The sandbox applies mutations one at a time (its store's mutation queue); what concurrency buys is overlapping each request's round trip and HTTP handling with the others'. The verb's default is 8; against a remote control plane the round trips dominate and overlap matters more.",
  ];
}
