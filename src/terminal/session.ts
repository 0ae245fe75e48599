import {sanitize} from '../domain/sanitize.js';
import {copyToClipboard, type CopyResult} from './osc52.js';

/** A token whose plaintext this run put on the screen. Ids only: never the plaintext. */
export type ShownPlaintext = {readonly tokenId: string; readonly projectId: string; readonly expiresAt: string};

/**
 * What one console run did to the operator's terminal that the exit path must undo or
 * report: where clipboard sequences go, and which plaintexts were shown and not closed
 * by the operator (quitting from the modal throws the only copy away).
 */
export class TerminalSession {
  private readonly open = new Map<string, ShownPlaintext>();
  /** Projects with an issue request in flight: quitting now may leave a token nobody saw. */
  private readonly issuing = new Map<number, string>();
  private issues = 0;
  private shown = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    /** The controlling terminal; tests point it at a file to read the bytes back. */
    readonly ttyPath = '/dev/tty',
  ) {}

  /** Sends `text` to the clipboard (OSC 52 on the controlling terminal). */
  copy(text: string): CopyResult {
    return copyToClipboard(text, this.env, this.ttyPath);
  }

  /** An issue POST left; call the returned function when it settles, whatever the outcome. */
  issueStarted(projectId: string): () => void {
    const n = ++this.issues;
    this.issuing.set(n, projectId);
    return () => void this.issuing.delete(n);
  }

  plaintextShown(t: ShownPlaintext): void {
    this.shown = true;
    this.open.set(t.tokenId, t);
  }

  /** The operator closed the modal with its confirmation: they had their chance to save it. */
  plaintextClosed(tokenId: string): void {
    this.open.delete(tokenId);
  }

  /** A plaintext was on screen at some point: the exit path also erases the scrollback. */
  get anyPlaintextShown(): boolean {
    return this.shown;
  }

  /** Lines for stderr, after the terminal is restored: live tokens whose modal was quit, not closed. */
  exitNotices(nowMs: number): string[] {
    const inFlight = [...this.issuing.values()].map(
      (project) =>
        `plexconsole: an issue request was still in flight when the console quit: a live token may have been ` +
        `issued in project ${sanitize(project)} whose plaintext nobody saw. Check the roster and revoke it.\n`,
    );
    return inFlight.concat([...this.open.values()]
      .filter((t) => !(Date.parse(t.expiresAt) <= nowMs))
      .map((t) => {
        const [id, project, expires] = [sanitize(t.tokenId), sanitize(t.projectId), sanitize(t.expiresAt)];
        return (
          `plexconsole: a live bootstrap token was issued and its plaintext was not closed before quitting: ` +
          `token id ${id} (project ${project}, expires ${expires}).\n` +
          `plexconsole: if the plaintext was not saved, revoke it: ` +
          `plexconsole bootstrap-token revoke --project ${project} --token-id ${id}\n`
        );
      }));
  }
}
