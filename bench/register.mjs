#!/usr/bin/env node
// Bench scenario: does an unauthenticated attack on POST /v1/register stall the operators?
//
//   node bench/register.mjs [--binary dist/plexconsole.cjs] [--replays 200] [--issues 5]
//
// Starts `plexconsole sandbox` as its own process (demo seed, in memory), then measures an
// operator's `POST …/bootstrap-tokens` latency (a) on a quiet sandbox, (b) while `--replays`
// parallel replays of one used plaintext are in flight, and (c) how long `--replays`
// parallel redemptions of one live plaintext take to settle. Prints one JSON object; import
// `registerBench` to wire it into bench/run.mjs. Goal (issue 9): (b) stays under 1 s.
import {startSandboxProcess} from './sandboxProcess.mjs';
import {randomBytes, randomUUID} from 'node:crypto';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {Agent, request} from 'undici';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;

/** A sandbox process plus an operator client and an attacker client (separate pools). */
async function session(binary) {
  const sb = await startSandboxProcess(binary, {seed: 'demo'});
  // The operator and the attacker are different clients: separate connection pools, so the
  // figures are the server's, not head-of-line blocking inside one client.
  const operator = new Agent();
  const attacker = new Agent({connections: null});
  const send = async (method, path, body, token) => {
    const headers = {'content-type': 'application/json', ...(token ? {authorization: `Bearer ${token}`} : {})};
    const res = await request(`${sb.url}${path}`, {method, headers, body: body && JSON.stringify(body), dispatcher: token ? operator : attacker});
    const text = await res.body.text();
    return {status: res.statusCode, body: text ? JSON.parse(text) : undefined};
  };
  const pid = (await send('GET', '/v1/projects', undefined, sb.token)).body.items.find((p) => p.slug === 'edge-prod').id;
  const issue = async () => {
    const t0 = performance.now();
    const r = await send('POST', `/v1/projects/${pid}/bootstrap-tokens`, {kind: 'node', env_prefix: 'prod', ttl_seconds: 3600}, sb.token);
    if (r.status !== 201) throw new Error(`issue answered ${r.status}`);
    return {ms: performance.now() - t0, token: r.body.token};
  };
  const redeem = (token) =>
    send('POST', '/v1/register', {
      project_id: pid,
      resource_handle: 'edge-router-01',
      bootstrap_token: token,
      nonce: randomUUID(),
      public_key: randomBytes(32).toString('base64'),
    });
  const close = async () => {
    await Promise.all([operator.close(), attacker.close()]);
    await sb.stop();
  };
  return {issue, redeem, close};
}

const tally = (replies) => replies.reduce((m, r) => ({...m, [r.status]: (m[r.status] ?? 0) + 1}), {});

/** Runs the three measurements against `binary`; resolves with the figures (milliseconds). */
export async function registerBench({binary = join(ROOT, 'dist/plexconsole.cjs'), replays = 200, issues = 5} = {}) {
  const out = {replays};
  // (a) and (b): one sandbox, the attack on a used plaintext.
  let s = await session(resolve(binary));
  try {
    const quiet = [];
    for (let i = 0; i < issues; i++) quiet.push((await s.issue()).ms);
    const used = (await s.issue()).token;
    if ((await s.redeem(used)).status !== 201) throw new Error('could not consume the replayed plaintext');
    const t0 = performance.now();
    const attack = Promise.all(Array.from({length: replays}, () => s.redeem(used).then((r) => ({...r, at: performance.now() - t0}))));
    const loaded = [];
    for (let i = 0; i < issues; i++) loaded.push((await s.issue()).ms);
    const replies = await attack;
    out.quietIssueMs = {median: round(median(quiet)), max: round(Math.max(...quiet))};
    out.issueUnderReplaysMs = {median: round(median(loaded)), max: round(Math.max(...loaded)), runs: loaded.map(round)};
    out.replaysSettleMs = round(Math.max(...replies.map((r) => r.at)));
    out.replayStatuses = tally(replies);
  } finally {
    await s.close();
  }
  // (c): a fresh sandbox (the attack above left this source throttled), one live plaintext.
  s = await session(resolve(binary));
  try {
    const live = (await s.issue()).token;
    const t1 = performance.now();
    const race = await Promise.all(Array.from({length: replays}, () => s.redeem(live)));
    out.liveRaceSettleMs = round(performance.now() - t1);
    out.liveRaceStatuses = tally(race);
  } finally {
    await s.close();
  }
  out.goalIssueUnder1s = out.issueUnderReplaysMs.max < 1000;
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const {values} = parseArgs({options: {binary: {type: 'string'}, replays: {type: 'string'}, issues: {type: 'string'}}});
  const result = await registerBench({
    binary: values.binary,
    replays: values.replays ? Number(values.replays) : undefined,
    issues: values.issues ? Number(values.issues) : undefined,
  });
  process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
}
