// What watching a roster costs the control plane with auto-refresh on (issue 10): requests and
// response bytes per minute on 120 and 100,000 tokens, `--refresh 5s`, through a counting proxy.
import {refreshCost} from '../refresh-cost.mjs';

export const name = 'refresh';
export const title = 'live refresh cost while watching a roster';

export async function run(ctx) {
  return refreshCost({binary: ctx.bin, seconds: ctx.quick ? 20 : 60, log: ctx.log});
}

export function report(rows, {fmt}) {
  if (!rows?.length) return [];
  const kib = (b) => fmt(b / 1024, 1);
  return [
    '## Live refresh: what watching a roster costs (`--refresh 5s`)',
    '',
    'The built console in a tmux pane against `plexconsole sandbox --seed scale`, through a loopback proxy that counts requests and response bytes. The first full load is reported apart; the per-minute figures are the steady cost of keeping the roster live. Up to 2,000 tokens a refresh walks the whole roster; above that it re-reads the newest page plus, by id, the rows on screen and the tokens this session touched, and walks everything every 15 minutes.',
    '',
    '| roster | first load | then, per minute | measured for |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.project} | ${fmt(r.load.requests)} requests, ${kib(r.load.bytes)} KiB in ${fmt(r.load.seconds, 1)} s | **${fmt(r.perMinute.requests)} requests, ${kib(r.perMinute.bytes)} KiB** | ${r.seconds} s |`),
  ];
}
