// The console's three absolute-time shapes, in one place so every screen writes UTC the same way.

// An instant arrives as RFC 3339 text or, from the roster's rows, as epoch ms.
const msOf = (at: string | number): number => (typeof at === 'number' ? at : Date.parse(at));

/** `2026-05-01 10:31:00Z`: absolute UTC to the second (detail, modals, status lines). */
export function utc(at: string | number): string {
  const ms = msOf(at);
  if (Number.isNaN(ms)) return String(at);
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** `2026-05-01 10:31Z`: absolute UTC to the minute, 17 cells (wide tables). */
export function utcMinute(at: string | number): string {
  const ms = msOf(at);
  return Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z` : String(at);
}

/** `2026-05-01`: the UTC day, 10 cells (CREATED columns). */
export function utcDay(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : iso.slice(0, 10);
}
