/** Resolves after `ms` of wall time. */
export const tick = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Relative times tick at the wall-clock minute (useClock). Start a measured window only
 * when it cannot contain a minute boundary, so a legitimate clock tick is never mistaken
 * for stray output (or a stray render).
 */
export async function clearOfMinuteBoundary(windowMs: number): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute + windowMs + 1500 > 60_000) await tick(60_000 - intoMinute + 500);
}
