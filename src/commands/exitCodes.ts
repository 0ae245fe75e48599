// The one place that turns a failure into a process exit code (decisions.md, "Exit codes").
import {ApiError, isPermissionDenied, isProblemCode} from '../api/errors.js';
import {ConfigError} from '../config/errors.js';

/** Exit codes scripts written for plexctl rely on. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  credentials: 3,
  forbidden: 4,
  notProvisioned: 64,
  rebacDenied: 77,
} as const;

/** Which verb family failed: 403 means something different in each (decisions.md). */
export type Family = 'bootstrap-token' | 'key' | 'other';

/** Bad flags or input, found before anything is resolved or sent. Always exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = EXIT.usage;
  /** The verb whose `--help` the error line points at, e.g. `bootstrap-token list`. */
  readonly helpFor: string | undefined;
  constructor(message: string, helpFor?: string) {
    super(message);
    this.helpFor = helpFor;
  }
}

/** A runtime outcome the verb already explained on stderr; carries only its exit code. */
export class ReportedFailure extends Error {
  override readonly name = 'ReportedFailure';
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/** ReBAC denial as plexctl's exitCodeFor sees it: the docs' `rebac_denied` code, or the
 * contract's PermissionDenied body (it always carries `reason`). */
function isRebacDenial(e: ApiError): boolean {
  return isProblemCode(e, 'rebac_denied') || isPermissionDenied(e);
}

/** Map any error a verb throws to its exit code. */
export function exitCodeFor(error: unknown, family: Family): number {
  if (error instanceof UsageError || error instanceof ReportedFailure) return error.exitCode;
  if (error instanceof ConfigError) return error.exitCode;
  if (!(error instanceof ApiError)) return EXIT.failure;
  // A malformed server URL, or http:// to a non-loopback host, is refused before sending;
  // the fix is a flag (`--server https://…` or `--allow-insecure-http`), so it is a usage
  // error, not a credential one: the token itself is fine.
  if (error.kind === 'transport' && (error.code === 'insecure_http' || error.code === 'invalid_server')) {
    return EXIT.usage;
  }
  if (error.kind !== 'http') return EXIT.failure;
  switch (error.status) {
    case 401:
      return EXIT.credentials;
    case 404:
      return EXIT.forbidden;
    case 501:
      return EXIT.notProvisioned;
    case 403:
      // A 403 that is not a ReBAC decision on the key family (a CSRF or proxy 403) falls
      // back to plexctl's base taxonomy, where 403 is 4; 77 only refines ReBAC denials.
      if (family === 'key' && isRebacDenial(error)) return EXIT.rebacDenied;
      return EXIT.forbidden;
    default:
      return EXIT.failure;
  }
}
