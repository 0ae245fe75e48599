import type {Writable} from 'node:stream';

// Ink 6 has no alternate-screen option (it arrives in Ink 7), so we switch by hand.
// The trailing `ESC[H` matters: without it Ink's first frame starts wherever the
// cursor was on the main screen and the top line stays blank.
const ENTER = '\x1b[?1049h\x1b[H';
// Leave the alt screen and show the cursor Ink hid; a plaintext shown in the modal
// lived only on the alt screen, so it never reaches the scrollback.
const LEAVE = '\x1b[?25h\x1b[?1049l';

/** Switches `out` to the alternate screen; returns an idempotent restore. */
export function enterAltScreen(out: Writable): () => void {
  out.write(ENTER);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    out.write(LEAVE);
  };
}
