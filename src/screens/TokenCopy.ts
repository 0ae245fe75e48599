import {useMemo} from 'react';
import {plaintextProblem} from '../domain/plaintext.js';
import {sanitize} from '../domain/sanitize.js';
import {isUuid} from '../domain/validate.js';
import {useStatus, type ShowStatus} from '../hooks/useStatus.js';
import {useTerminalSession} from '../hooks/terminalSession.js';
import type {CopyResult} from '../terminal/osc52.js';

export type Copy = {
  /** Copies a token id; refuses one that is not a UUID (it came from the server). */
  tokenId(id: string): void;
  /** Copies the one-time plaintext; refuses one that does not match the contract's pattern. */
  plaintext(plaintext: string): void;
};

/**
 * Clipboard actions for screens. Only validated text is copied: the screen shows sanitised
 * server text, so copying the raw string could paste bytes (CR/LF, escapes) the operator
 * never saw. The status names only what was copied, never a plaintext, and says "sent",
 * not "copied": the terminal may ignore OSC 52 and we cannot know.
 */
export function useCopy(): Copy {
  const show = useStatus();
  const session = useTerminalSession();
  return useMemo(
    () => ({
      tokenId(id) {
        if (!isUuid(id)) return show(`token id not copied: "${sanitize(id)}" is not a UUID`, 'warn');
        report(show, session.copy(id), `token id ${id}`);
      },
      plaintext(plaintext) {
        const problem = plaintextProblem(plaintext);
        if (problem) return show(`plaintext not copied: ${problem}; select it by hand only if you trust it`, 'warn');
        report(show, session.copy(plaintext), 'plaintext');
      },
    }),
    [show, session],
  );
}

function report(show: ShowStatus, result: CopyResult, what: string): void {
  if (result.ok) show(`${what} sent to terminal clipboard (${result.via})`, 'ok');
  else show(`could not copy ${what}: ${result.why}`, 'warn');
}
