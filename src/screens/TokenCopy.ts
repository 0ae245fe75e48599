import type {ShowStatus} from '../hooks/useStatus.js';
import {copyToClipboard} from '../terminal/osc52.js';

/**
 * Sends `text` to the terminal clipboard (OSC 52) and says so on the status line. The status
 * names only `what` — never the text, which may be a plaintext. "Sent", not "copied": the
 * terminal may ignore OSC 52 and we cannot know.
 */
export function copyWithStatus(show: ShowStatus, text: string, what: string): void {
  const result = copyToClipboard(text);
  if (result.ok) show(`${what} sent to terminal clipboard (${result.via})`, 'ok');
  else show(`could not copy ${what}: ${result.why}`, 'warn');
}
