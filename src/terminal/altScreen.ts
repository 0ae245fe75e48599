import type {Writable} from 'node:stream';

// Ink 6 has no alternate-screen option (it arrives in Ink 7), so we switch by hand.
// The trailing `ESC[H` matters: without it Ink's first frame starts wherever the
// cursor was on the main screen and the top line stays blank.
const ENTER = '\x1b[?1049h\x1b[H';
// Home + erase display before leaving: tmux keeps the alternate screen's lines that are
// wider than the pane's starting width (pane widened while the console ran) and shows
// them on the shell screen after `?1049l`: a plaintext in the modal would stay there.
const ERASE = '\x1b[H\x1b[2J';
// Erase scrollback too: a terminal that ignored `?1049h` (GNU screen with altscreen off,
// a bare serial console) drew the session on the main screen, where lines can scroll
// into history. It wipes the operator's own history, so only after a plaintext was shown.
const ERASE_SCROLLBACK = '\x1b[3J';
// Show the cursor Ink hid, then leave the alt screen.
const LEAVE = '\x1b[?25h\x1b[?1049l';

export type LeaveAltScreen = (opts?: {readonly scrollback?: boolean}) => void;

/** The bytes that clear and leave the alternate screen. */
export function leaveSequence(scrollback: boolean): string {
  return ERASE + (scrollback ? ERASE_SCROLLBACK : '') + LEAVE;
}

/** Switches `out` to the alternate screen; returns an idempotent restore that clears it first. */
export function enterAltScreen(out: Writable): LeaveAltScreen {
  out.write(ENTER);
  let restored = false;
  return (opts) => {
    if (restored) return;
    restored = true;
    out.write(leaveSequence(opts?.scrollback ?? false));
  };
}
