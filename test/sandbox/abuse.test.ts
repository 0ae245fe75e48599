// Unauthenticated replays at /v1/register must not stall the operators: Argon2 runs outside the
// write lock, bounded, and a source that keeps failing is throttled with 429 + Retry-After.
import {randomBytes, randomUUID} from 'node:crypto';
import {describe, expect, test} from 'vitest';
import {DEFAULT_REDEMPTION_LIMITS} from '../../src/sandbox/redemptions.js';
import {assertSchema} from '../support/contract.js';
import {useSandbox, type Sandbox} from '../support/sandbox.js';
import {call, type Reply} from './http.js';

// Each test runs a dozen or so Argon2id hashes on purpose (~45 ms each idle, over a second on
// a loaded 2-core box), so it gets the time the durability test gets, and more.
const SLOW = {timeout: 90_000};
const issueBody = {kind: 'node', env_prefix: 'prod', ttl_seconds: 3600};
const registerBody = (sb: Sandbox, token: string) => ({
  project_id: sb.demo!.tokenProjectId,
  resource_handle: 'edge-router-02',
  bootstrap_token: token,
  nonce: randomUUID(),
  public_key: randomBytes(32).toString('base64'),
});
// 429 is not in the vendored subset for /v1/register; its body must still be a Problem.
const redeem = (sb: Sandbox, token: string) => call(sb.url, 'POST', '/v1/register', {body: registerBody(sb, token), check: false});
const issue = (sb: Sandbox) => call(sb.url, 'POST', `/v1/projects/${sb.demo!.tokenProjectId}/bootstrap-tokens`, {token: sb.operatorToken, body: issueBody});

/** A plaintext that has already enrolled a Node: what an attacker replays. */
async function consumedPlaintext(sb: Sandbox): Promise<string> {
  const t = await issue(sb);
  expect((await redeem(sb, t.body.token)).status).toBe(201);
  return t.body.token as string;
}

function expectThrottled(r: Reply) {
  expect(r.status).toBe(429);
  assertSchema('Problem', r.body);
  expect(r.body.code).toBe('rate_limited');
  expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(r.body.correlation_id).toBe(r.headers['x-correlation-id']);
}

describe('one source replaying a used plaintext', () => {
  const sandbox = useSandbox();

  test('200 parallel replays get 403 or 429, few are ever hashed, and an operator’s issue completes among them', SLOW, async () => {
    const sb = sandbox();
    const used = await consumedPlaintext(sb);
    const replays = Array.from({length: 200}, () => redeem(sb, used));
    const issued = await issue(sb);
    expect(issued.status).toBe(201);
    const replies = await Promise.all(replays);
    const denied = replies.filter((r) => r.status === 403);
    for (const r of denied) expect(r.body.code).toBe('token_consumed');
    for (const r of replies.filter((x) => x.status !== 403)) expectThrottled(r);
    // Hashed at most: the failure allowance plus what was in flight when it ran out.
    expect(denied.length).toBeGreaterThan(0);
    const {failuresPerWindow, inFlightPerSource} = DEFAULT_REDEMPTION_LIMITS;
    expect(denied.length).toBeLessThanOrEqual(failuresPerWindow + inFlightPerSource);
    expect(denied.length + replies.filter((r) => r.status === 429).length).toBe(200);
  });
});

describe('a throttled source', () => {
  // Three failures a minute: the mechanism, not the default allowance, is under test here.
  const sandbox = useSandbox({redemptionLimits: {failuresPerWindow: 3}});

  test('is told when to come back, and is served again after that', SLOW, async () => {
    const sb = sandbox();
    const used = await consumedPlaintext(sb);
    const fresh = await issue(sb); // issued before the throttle bites: operators are never throttled
    let r = await redeem(sb, used);
    for (let i = 0; i < 10 && r.status === 403; i++) r = await redeem(sb, used);
    expectThrottled(r);
    const wait = Number(r.headers['retry-after']);
    expect(wait).toBeLessThanOrEqual(60);
    expectThrottled(await redeem(sb, fresh.body.token)); // a good plaintext waits too: the source is throttled
    sb.advance(wait * 1000);
    expect((await redeem(sb, fresh.body.token)).status).toBe(201);
  });
});

describe('while hashes are queued', () => {
  // Six hashes may queue and six may fail: enough for an attack in progress, few enough
  // (~45 ms of CPU each) to keep the file quick.
  const sandbox = useSandbox({redemptionLimits: {inFlightPerSource: 6, inFlight: 6, failuresPerWindow: 6}});

  test('an operator’s issue sent mid-attack is answered before the attack’s hashing is done', SLOW, async () => {
    const sb = sandbox();
    const used = await consumedPlaintext(sb);
    const order: string[] = [];
    let firstHashed!: () => void;
    const hashing = new Promise<void>((ok) => (firstHashed = ok));
    const replays = Array.from({length: 200}, () =>
      redeem(sb, used).then((r) => {
        order.push(String(r.status));
        if (r.status === 403) firstHashed();
        return r;
      }),
    );
    await hashing; // the verifier is busy with the attack now
    const issued = await issue(sb);
    order.push('issue');
    expect(issued.status).toBe(201);
    const replies = await Promise.all(replays);
    // Hashed after the issue was answered: it did not wait behind them.
    expect(order.slice(order.indexOf('issue') + 1)).toContain('403');
    // The rest were refused at once rather than queued: the verifier's backlog is bounded.
    const throttled = replies.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    for (const r of throttled) expectThrottled(r);
  });
});

describe('one live plaintext redeemed by many at once', () => {
  const sandbox = useSandbox({redemptionLimits: {inFlightPerSource: 4, inFlight: 4, failuresPerWindow: 4}});

  test('200 parallel redemptions of one live plaintext enrol exactly one Node', SLOW, async () => {
    const sb = sandbox();
    const live = await issue(sb);
    const nodesBefore = (await call(sb.url, 'GET', '/v1/nodes?limit=200', {token: sb.operatorToken})).body.items.length as number;
    const replies = await Promise.all(Array.from({length: 200}, () => redeem(sb, live.body.token)));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of replies.filter((x) => x.status === 403)) expect(r.body.code).toBe('token_consumed');
    expect(replies.every((r) => [201, 403, 429].includes(r.status))).toBe(true);
    const nodesAfter = (await call(sb.url, 'GET', '/v1/nodes?limit=200', {token: sb.operatorToken})).body.items.length as number;
    expect(nodesAfter).toBe(nodesBefore + 1);
  });
});
