// The console's three absolute-time shapes, in one place so every screen writes UTC the same way.

/** `2026-05-01 10:31:00Z`: absolute UTC to the second (detail, modals, status lines). */
export function utc(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** `2026-05-01 10:31Z`: absolute UTC to the minute, 17 cells (wide tables). */
export function utcMinute(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z` : iso;
}

/** `2026-05-01`: the UTC day, 10 cells (CREATED columns). */
export function utcDay(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : iso.slice(0, 10);
}
