// Scroll-aware incremental writer for Ink 6.8 (measured by `npm run bench`).
//
// Ink's incremental writer (log-update.js, `incremental: true`) rewrites every line whose
// text changed. When a list scrolls by one row every row of the window changes, so a ↓
// at the window's edge costs nearly a full frame. This wrapper detects that a block of
// lines moved up or down by k lines, first shifts that block on the terminal with
// Delete Line / Insert Line (`ESC[kM` / `ESC[kL`, VT102: xterm, tmux, screen, VTE, kitty,
// iTerm2, Windows Terminal), then tells Ink's writer that the terminal now holds the
// shifted lines, so Ink's own line diff rewrites only what is really new (the row that
// scrolled in and the rows whose selection marker changed).
//
// Why it is safe: the frame is always shorter than the terminal (console-ux.md), so the
// lines below the frame are blank; DL pulls blank lines in at the bottom of the screen
// and the following IL pushes exactly those back out. Only relative cursor moves are used
// (no absolute rows, no scroll region), and the cursor ends where Ink expects it: on the
// line after the frame, column 0. The shift is only used when the frame keeps its height,
// no terminal cursor is shown (Ink's useCursor), and it saves at least MIN_GAIN bytes.
import original from '__ink_original_log_update__';

const MIN_GAIN = 64;
const CSI = '\u001B[';

/** The best shift of lines between prev and next, or undefined. Exported for tests. */
export function findShift(prev, next) {
  if (prev.length !== next.length || prev.length < 3) return undefined;
  let top = 0;
  while (top < next.length && prev[top] === next[top]) top++;
  if (top === next.length) return undefined;
  let end = next.length;
  while (end > top && prev[end - 1] === next[end - 1]) end--;
  const n = end - top;
  if (n < 3) return undefined;
  let best;
  for (let k = 1; k < n; k++) {
    let up = 0; // next[i] == prev[i + k]: content moved up (scrolling down the list)
    let down = 0; // next[i] == prev[i - k]: content moved down
    for (let i = top; i < end - k; i++) if (next[i] === prev[i + k] && next[i] !== prev[i]) up += next[i].length;
    for (let i = top + k; i < end; i++) if (next[i] === prev[i - k] && next[i] !== prev[i]) down += next[i].length;
    if (up > (best?.gain ?? 0)) best = {top, end, k, dir: 'up', gain: up};
    if (down > (best?.gain ?? 0)) best = {top, end, k, dir: 'down', gain: down};
  }
  return best && best.gain >= MIN_GAIN ? best : undefined;
}

/** The previous lines as they are on the terminal after the shift. */
export function shiftedLines(prev, {top, end, k, dir}) {
  const out = prev.slice();
  if (dir === 'up') {
    for (let i = top; i < end - k; i++) out[i] = prev[i + k];
    for (let i = end - k; i < end; i++) out[i] = '';
  } else {
    for (let i = end - 1; i >= top + k; i--) out[i] = prev[i - k];
    for (let i = top; i < top + k; i++) out[i] = '';
  }
  return out;
}

const up = (n) => (n > 0 ? `${CSI}${n}A` : '');
const down = (n) => (n > 0 ? `${CSI}${n}B` : '');

/** The escape sequence that shifts the block on the terminal; the cursor starts and ends on line `bottom`. */
export function shiftSequence({top, end, k, dir}, bottom) {
  if (dir === 'up') {
    // delete k lines at the top of the block, then re-insert k blank lines where the block ends
    return up(bottom - top) + `${CSI}${k}M` + down(end - k - top) + `${CSI}${k}L` + down(bottom - (end - k)) + '\r';
  }
  // delete k lines at the end of the block, then insert k blank lines at its top
  return up(bottom - (end - k)) + `${CSI}${k}M` + up(end - k - top) + `${CSI}${k}L` + down(bottom - top) + '\r';
}

function createScrolling(stream, options) {
  const inner = original.create(stream, {...options, incremental: true});
  let prevStr = '';
  let cursorEverSet = false;
  const render = (str) => {
    if (prevStr && str !== prevStr && !cursorEverSet && !inner.isCursorDirty()) {
      const prev = prevStr.split('\n');
      const next = str.split('\n');
      const shift = findShift(prev, next);
      if (shift) {
        // Ink leaves the cursor on the last element of `prev` (the line after the frame).
        stream.write(shiftSequence(shift, prev.length - 1));
        inner.sync(shiftedLines(prev, shift).join('\n'));
      }
    }
    const wrote = inner(str);
    prevStr = str;
    return wrote;
  };
  render.clear = () => {
    prevStr = '';
    inner.clear();
  };
  render.done = () => {
    prevStr = '';
    inner.done();
  };
  render.sync = (str) => {
    prevStr = str;
    inner.sync(str);
  };
  render.setCursorPosition = (position) => {
    if (position) cursorEverSet = true;
    inner.setCursorPosition(position);
  };
  render.isCursorDirty = () => inner.isCursorDirty();
  render.willRender = (str) => inner.willRender(str);
  return render;
}

const create = (stream, options = {}) => (options.incremental ? createScrolling(stream, options) : original.create(stream, options));
export default {create};
