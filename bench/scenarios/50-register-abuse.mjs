// Unauthenticated redemption abuse (issue 9): an operator's issue while 200 hostile replays of
// a used plaintext hit /v1/register, and 200 parallel redemptions of one live token.
import {registerBench} from '../register.mjs';

export const name = 'register';
export const title = "operator's issue under 200 hostile redemptions";

export async function run(ctx) {
  return registerBench({binary: ctx.bin, replays: 200, issues: ctx.n(5, 3)});
}

export function goals(r, {fmt}) {
  if (!r) return [];
  return [["operator's issue during 200 hostile redemptions, max", '≤ 1 s', `${fmt(r.issueUnderReplaysMs.max)} ms`, r.goalIssueUnder1s ? 'yes' : '**no**']];
}

export function report(r, {fmt}) {
  if (!r) return [];
  const tally = (t) => Object.entries(t).map(([k, v]) => `${k}: ${v}`).join(', ');
  return [
    "## Redemption abuse: an operator's issue while /v1/register is attacked",
    '',
    'One sandbox process; the operator and the attacker use separate connection pools. Argon2id runs outside the write queue, one hash at a time, and yields to authenticated requests; failed redemptions are throttled per address (429 + Retry-After).',
    '',
    '| figure | measured |',
    '|---|---|',
    `| issue, quiet (median / max) | ${fmt(r.quietIssueMs.median)} / ${fmt(r.quietIssueMs.max)} ms |`,
    `| **issue during ${r.replays} replays of a used plaintext (median / max)** | **${fmt(r.issueUnderReplaysMs.median)} / ${fmt(r.issueUnderReplaysMs.max)} ms** |`,
    `| the ${r.replays} replays settle | ${fmt(r.replaysSettleMs)} ms (${tally(r.replayStatuses)}) |`,
    `| ${r.replays} parallel redemptions of one live token settle | ${fmt(r.liveRaceSettleMs)} ms (${tally(r.liveRaceStatuses)}) |`,
  ];
}
