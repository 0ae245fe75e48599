/** The sandbox's notion of time: a base clock plus an offset tests can move. */
export type Clock = {
  /** Current time in epoch ms. */
  now(): number;
  /** Jump to an absolute epoch-ms time. */
  set(ms: number): void;
  /** Move forward (or back, if negative) by `ms`. */
  advance(ms: number): void;
};

/** Wraps `base` (default Date.now) so tests can expire tokens and finish rotations without sleeping. */
export function createClock(base: () => number = Date.now): Clock {
  let offset = 0;
  return {
    now: () => base() + offset,
    set: (ms) => {
      offset = ms - base();
    },
    advance: (ms) => {
      offset += ms;
    },
  };
}
