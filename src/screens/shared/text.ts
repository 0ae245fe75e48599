import stringWidth from 'string-width';

/** Display width of `s` in terminal cells (wide CJK and emoji count 2). */
export function width(s: string): number {
  return stringWidth(s);
}

/** Pads or truncates `s` to exactly `w` cells, ending a cut with `…`. */
export function fit(s: string, w: number, align: 'left' | 'right' = 'left'): string {
  if (w <= 0) return '';
  // Measured once: this runs for every cell of every row rendered.
  const sw = width(s);
  // A cut wide character can leave the text one cell short: pad after truncating.
  const t = sw > w ? truncate(s, w) : s;
  const pad = ' '.repeat(w - (t === s ? sw : width(t)));
  return align === 'left' ? t + pad : pad + t;
}

/** Cuts `s` to at most `w` cells, ending with `…` when cut. */
export function truncate(s: string, w: number): string {
  if (width(s) <= w) return s;
  if (w <= 1) return '…'.slice(0, w);
  let out = '';
  let used = 0;
  for (const ch of s) {
    const cw = width(ch);
    if (used + cw > w - 1) break;
    out += ch;
    used += cw;
  }
  return out + '…';
}
