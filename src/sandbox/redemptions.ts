import {HttpError} from './problems.js';
import {verifyPlaintext} from './tokens.js';

export type RedemptionLimits = {
  /** Failed redemptions (403s) one source address may make per window before it gets 429. */
  failuresPerWindow: number;
  windowMs: number;
  /** Redemptions one source address may have in flight at once. */
  inFlightPerSource: number;
  /** Redemptions in flight across every caller; past it, 429 at once instead of a longer queue. */
  inFlight: number;
  /** Source addresses remembered; the oldest is forgotten first. */
  sources: number;
};

export const DEFAULT_REDEMPTION_LIMITS: RedemptionLimits = {
  failuresPerWindow: 10,
  windowMs: 60_000,
  inFlightPerSource: 4,
  inFlight: 16,
  sources: 10_000,
};

/** An admitted redemption; `release` once it is answered, saying whether it failed. */
export type Ticket = {release(failed: boolean): void};

type Source = {failures: number[]; inFlight: number};

const limited = (detail: string, retryAfterS: number) =>
  new HttpError(429, 'rate_limited', detail, {}, {'retry-after': String(Math.max(1, Math.ceil(retryAfterS)))});

/**
 * Keeps `/v1/register` (no auth) from starving everyone else. Each Argon2id verification is
 * ~45 ms of CPU on the one event loop, so: verifications run one at a time, and only while no
 * authenticated request is in progress (an operator's request waits for at most the one hash
 * already running); redemptions in flight are bounded per source address and overall; and a
 * source that keeps failing is refused with 429 and `Retry-After` before any hashing.
 */
export class Redemptions {
  private readonly sources = new Map<string, Source>();
  private inFlight = 0;
  private chain: Promise<unknown> = Promise.resolve();
  private operators = 0;
  private operatorsDone: (() => void) | undefined;

  constructor(
    private readonly now: () => number,
    private readonly limits: RedemptionLimits = DEFAULT_REDEMPTION_LIMITS,
  ) {}

  /** Admits one redemption from `source`, or throws the 429 problem. */
  admit(source: string): Ticket {
    const now = this.now();
    const s = this.sources.get(source) ?? {failures: [], inFlight: 0};
    s.failures = s.failures.filter((t) => t <= now && now - t < this.limits.windowMs);
    if (s.failures.length >= this.limits.failuresPerWindow) {
      const oldest = s.failures[s.failures.length - this.limits.failuresPerWindow] ?? now;
      throw limited(
        `too many failed redemptions from this address (${s.failures.length} in ${this.limits.windowMs / 1000}s); retry later`,
        (oldest + this.limits.windowMs - now) / 1000,
      );
    }
    if (s.inFlight >= this.limits.inFlightPerSource) {
      throw limited(`this address already has ${s.inFlight} redemptions in progress; retry when one is answered`, 1);
    }
    if (this.inFlight >= this.limits.inFlight) throw limited('the control plane is verifying as many redemptions as it allows; retry shortly', 1);
    s.inFlight++;
    this.inFlight++;
    this.remember(source, s);
    let released = false;
    return {
      release: (failed) => {
        if (released) return;
        released = true;
        s.inFlight--;
        this.inFlight--;
        if (failed) s.failures.push(this.now());
        if (s.inFlight === 0 && s.failures.length === 0) this.sources.delete(source);
      },
    };
  }

  /**
   * Marks an authenticated request in progress (only a real bearer earns it, so a flood of
   * fake ones cannot stall enrolment); hashing pauses until every such request is answered.
   * Returns the release, which is idempotent.
   */
  prioritise(): () => void {
    this.operators++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.operators === 0) {
        this.operatorsDone?.();
        this.operatorsDone = undefined;
      }
    };
  }

  /** Verifies one candidate hash: serialised with every other verification, and yielding to operators. */
  verify(plaintext: string, hash: string): Promise<boolean> {
    const run = this.chain.then(async () => {
      await new Promise((ok) => setImmediate(ok)); // let waiting I/O (an operator's request) in first
      // Only the head of the chain ever waits here, so one resolver is enough.
      while (this.operators > 0) await new Promise<void>((ok) => (this.operatorsDone = ok));
      return verifyPlaintext(plaintext, hash);
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  private remember(source: string, s: Source): void {
    this.sources.delete(source); // re-insert: Map order is then least recently admitted first
    this.sources.set(source, s);
    if (this.sources.size > this.limits.sources) {
      const [oldest] = this.sources.keys();
      if (oldest !== undefined && oldest !== source) this.sources.delete(oldest);
    }
  }
}
