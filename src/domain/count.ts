/** `1,523`: a count with commas every three digits. */
export function formatCount(n: number): string {
  // Not toLocaleString('en-US'): its first call loads ICU's number formatting, ~18 ms on the
  // path to the roster's first rows. Counts are non-negative integers: commas every 3 digits.
  return Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(n);
}
