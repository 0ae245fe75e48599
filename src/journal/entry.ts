// The shape of one journal line, and how an outcome of a mutation becomes one.
import {ApiError} from '../api/errors.js';

/** Which mutation a line records (decisions.md "Local journal"). */
export type JournalAction = 'issue' | 'revoke' | 'rotate';

/** What came of it. `unknown`: the request may have reached the server (lost answer). */
export type JournalOutcome =
  | 'issued'
  | 'revoked'
  | 'already_revoked'
  | 'consumed'
  | 'requested'
  | 'already_pending'
  | 'failed'
  | 'unknown';

/** Ids the mutation addressed; never a plaintext. */
export type JournalTargets = {
  readonly project_id?: string;
  readonly token_id?: string;
  readonly node_id?: string;
  readonly rotation_id?: string;
};

/** What a caller reports; the journal adds time, server, profile and principal. */
export type JournalRecord = {
  readonly action: JournalAction;
  readonly targets: JournalTargets;
  readonly outcome: JournalOutcome;
  readonly status?: number;
  readonly correlation_id?: string;
  /** Groups the lines of one bulk revoke or fleet rotation. */
  readonly batch?: string;
  /** A short reason for a failure (an error line, already sanitised and redacted). */
  readonly error?: string;
};

/** One JSON line of journal.jsonl. */
export type JournalEntry = JournalRecord & {
  readonly time: string;
  readonly server: string;
  readonly profile: string;
  readonly subject?: string;
};

/** Status and correlation id of a failure, for the line that records it. */
export function failureFields(e: unknown): {status?: number; correlation_id?: string} {
  if (!(e instanceof ApiError)) return {};
  return {
    ...(e.status !== undefined ? {status: e.status} : {}),
    ...(e.correlationId !== undefined ? {correlation_id: e.correlationId} : {}),
  };
}

/** `failed` when the server answered with an error; `unknown` when the answer was lost. */
export function failureOutcome(e: unknown): 'failed' | 'unknown' {
  return e instanceof ApiError && (e.kind === 'http' || e.kind === 'schema') ? 'failed' : 'unknown';
}

const ACTIONS: readonly string[] = ['issue', 'revoke', 'rotate'];

/** A parsed line, or undefined when the line is not a journal entry (a torn or foreign line). */
export function parseEntry(line: string): JournalEntry | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.time !== 'string' || Number.isNaN(Date.parse(o.time))) return undefined;
  if (typeof o.action !== 'string' || !ACTIONS.includes(o.action)) return undefined;
  if (typeof o.outcome !== 'string' || typeof o.targets !== 'object' || o.targets === null) return undefined;
  return o as unknown as JournalEntry;
}
