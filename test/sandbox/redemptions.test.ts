import {describe, expect, test} from 'vitest';
import {HttpError} from '../../src/sandbox/problems.js';
import {Redemptions} from '../../src/sandbox/redemptions.js';

const limits = {failuresPerWindow: 3, windowMs: 60_000, inFlightPerSource: 2, inFlight: 3, sources: 2};
const refusal = (f: () => unknown): HttpError => {
  try {
    f();
  } catch (e) {
    return e as HttpError;
  }
  throw new Error('admitted');
};

describe('Redemptions admission', () => {
  test('a source that keeps failing is refused until its oldest counted failure leaves the window', () => {
    let t = 0;
    const r = new Redemptions(() => t, limits);
    for (const at of [0, 10_000, 20_000]) {
      t = at;
      r.admit('a').release(true);
    }
    t = 30_000;
    const e = refusal(() => r.admit('a'));
    expect([e.status, e.code, e.headers['retry-after']]).toEqual([429, 'rate_limited', '30']);
    expect(r.admit('b')).toBeDefined(); // another source is not affected
    t = 60_000;
    r.admit('a').release(false); // the first failure has aged out; a success counts nothing
    r.admit('a').release(true);
    t = 65_000;
    expect(refusal(() => r.admit('a')).headers['retry-after']).toBe('5'); // 10 s failure + 60 s window
  });

  test('in-flight redemptions are bounded per source and overall', () => {
    const r = new Redemptions(() => 0, limits);
    const a1 = r.admit('a');
    r.admit('a');
    expect(refusal(() => r.admit('a')).message).toMatch(/already has 2 redemptions in progress/);
    r.admit('b');
    expect(refusal(() => r.admit('c')).message).toMatch(/as many redemptions as it allows/);
    a1.release(false);
    a1.release(false); // idempotent: one slot back, not two
    expect(r.admit('c')).toBeDefined();
    expect(refusal(() => r.admit('d')).status).toBe(429);
  });

  test('it remembers a bounded number of sources, forgetting the least recently admitted', () => {
    const r = new Redemptions(() => 0, {...limits, failuresPerWindow: 1, inFlight: 100});
    r.admit('a').release(true);
    r.admit('b').release(true);
    r.admit('c').release(true); // 'a' is forgotten to make room
    expect(r.admit('a')).toBeDefined();
    expect(refusal(() => r.admit('c')).status).toBe(429);
  });
});
