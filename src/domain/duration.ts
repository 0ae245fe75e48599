// Nanoseconds per unit, as in Go's time.unitMap (both micro signs are accepted).
// A Map, not an object literal, so `1constructor` cannot hit Object.prototype.
const UNIT_NS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['\u00b5s', 1_000n], // MICRO SIGN
  ['\u03bcs', 1_000n], // GREEK SMALL LETTER MU
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n],
]);

const MAX_NS = (1n << 63n) - 1n;
// One component: digits, an optional fraction, then a unit (everything up to the next digit or dot).
const COMPONENT = /(\d*)(?:\.(\d*))?([^\d.]*)/y;

/** Parses a Go duration (`time.ParseDuration` grammar) into milliseconds; undefined when invalid. */
export function parseGoDuration(s: string): number | undefined {
  let rest = s;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0n;
  COMPONENT.lastIndex = 0;
  while (COMPONENT.lastIndex < rest.length) {
    const m = COMPONENT.exec(rest);
    if (!m || m[0] === '') return undefined;
    const [, int = '', frac, unit = ''] = m;
    // Go requires a digit on at least one side of the dot, and a unit after every number.
    if (int === '' && (frac === undefined || frac === '')) return undefined;
    const perUnit = UNIT_NS.get(unit);
    if (perUnit === undefined) return undefined;
    let ns = BigInt(int === '' ? '0' : int) * perUnit;
    if (frac) ns += (BigInt(frac) * perUnit) / 10n ** BigInt(frac.length);
    total += ns;
    if (total > MAX_NS) return undefined;
  }
  const ms = Number(total) / 1e6;
  return negative ? -ms : ms;
}

/** The TTL bounds the API enforces: [5m, 24h]. */
export const TTL_MIN_SECONDS = 300;
export const TTL_MAX_SECONDS = 86_400;

/** Parses a `--ttl` Go duration into whole seconds within [300, 86400]. */
export function parseTtl(s: string): {ok: true; seconds: number} | {ok: false; message: string} {
  const input = s.trim();
  const ms = parseGoDuration(input);
  if (ms === undefined) {
    return {ok: false, message: `TTL must be a duration like 5m, 90m, 1h30m or 24h (got ${JSON.stringify(input)})`};
  }
  if (ms <= 0) return {ok: false, message: `TTL must be a positive duration between 5m and 24h (got ${input})`};
  if (ms < TTL_MIN_SECONDS * 1000 || ms > TTL_MAX_SECONDS * 1000) {
    return {ok: false, message: `TTL must be between 5m and 24h (got ${input})`};
  }
  return {ok: true, seconds: Math.floor(ms / 1000)};
}

/** Formats whole seconds compactly, e.g. `1h30m`, `45s`, `24h`, `0s`. */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.round(Math.abs(seconds));
  if (rest === 0) return '0s';
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const sec = rest - m * 60;
  return sign + (h ? `${h}h` : '') + (m ? `${m}m` : '') + (sec ? `${sec}s` : '');
}

/** Formats milliseconds as Go prints a duration: `1.5s`, `300ms`, `2m`, `1h30m` — never rounded into another value. */
export function formatMillis(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms % 1000 === 0) return formatDuration(ms / 1000);
  const whole = Math.floor(ms / 60_000) * 60;
  const seconds = (ms - whole * 1000) / 1000;
  return `${whole > 0 ? formatDuration(whole) : ''}${seconds}s`;
}

/** A coarse relative time in one unit, e.g. `in 14m`, `3h ago`, `in <1m`. */
export function formatRelative(targetMs: number, nowMs: number): string {
  const diff = targetMs - nowMs;
  const abs = Math.abs(diff);
  // Minutes are the finest unit: the console's clock ticks per minute (idle means
  // silent), so a seconds figure would sit on screen, stale, for up to a minute.
  if (abs < 60_000) return diff > 0 ? 'in <1m' : '<1m ago';
  const s = Math.floor(abs / 1000);
  const amount =
    s < 3600 ? `${Math.floor(s / 60)}m` : s < 86_400 ? `${Math.floor(s / 3600)}h` : `${Math.floor(s / 86_400)}d`;
  return diff > 0 ? `in ${amount}` : `${amount} ago`;
}
