import {useStdout} from 'ink';
import {useCallback, useEffect, useRef} from 'react';
import type {TerminalSize} from './useTerminalSize.js';

// Home + erase the whole screen. Written through Ink's `write`, which then writes the
// last frame again in full, so the screen afterwards is exactly one clean frame.
export const CLEAR = '\u001b[H\u001b[2J';

// Ink renders at most every 1000/maxFps ms (17 ms at 60 fps): the redraw after a resize
// waits past that, so the frame it repaints is the one laid out for the new size.
const AFTER_RESIZE_MS = 80;

/** Clears the terminal and repaints the current frame (`ctrl+l`). */
export function useRedraw(): () => void {
  const {write} = useStdout();
  return useCallback(() => write(CLEAR), [write]);
}

/**
 * After a resize, repaints from a clean screen. Incremental rendering rewrites only the
 * lines it thinks changed, and a terminal that reflowed or cut the old lines leaves debris
 * (old box edges, a second footer) that no later update touches.
 */
export function useRedrawOnResize(size: TerminalSize): void {
  const redraw = useRedraw();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) return void (first.current = false);
    const timer = setTimeout(redraw, AFTER_RESIZE_MS);
    return () => clearTimeout(timer);
  }, [size.columns, size.rows, redraw]);
}
