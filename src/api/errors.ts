import {STATUS_CODES} from 'node:http';
import {sanitize} from '../domain/sanitize.js';

/** What went wrong: an HTTP error status, the transport, the deadline, the caller, the body shape or size. */
export type ApiErrorKind = 'http' | 'transport' | 'timeout' | 'aborted' | 'schema' | 'too_large';

/** Fields of an ApiError; server strings are stored raw and sanitised when rendered. */
export type ApiErrorInit = {
  kind: ApiErrorKind;
  status?: number;
  code?: string;
  title: string;
  detail?: string;
  instance?: string;
  reason?: string;
  relationPath?: string[];
  correlationId?: string;
  retryAfterMs?: number;
  body?: unknown;
  cause?: unknown;
};

/** The one error type every API failure becomes. Never carries the bearer token. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly title: string;
  readonly detail: string;
  readonly instance?: string;
  readonly reason?: string;
  readonly relationPath?: string[];
  readonly correlationId?: string;
  readonly retryAfterMs?: number;
  readonly body?: unknown;

  constructor(init: ApiErrorInit) {
    super('', init.cause === undefined ? undefined : {cause: init.cause});
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail ?? '';
    this.instance = init.instance;
    this.reason = init.reason;
    this.relationPath = init.relationPath;
    this.correlationId = init.correlationId;
    this.retryAfterMs = init.retryAfterMs;
    this.body = init.body;
    // The message is what crash reports print, so it is the sanitised one-liner.
    this.message = formatErrorLine(this);
  }
}

/** True for a 403 ReBAC denial (a PermissionDenied body, which carries `reason`). */
export function isPermissionDenied(e: unknown): e is ApiError {
  return e instanceof ApiError && e.status === 403 && e.reason !== undefined;
}

/** True when `e` is an ApiError whose Problem `code` equals `code`. */
export function isProblemCode(e: unknown, code: string): e is ApiError {
  return e instanceof ApiError && e.code === code;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const EXCERPT_CHARS = 200;
// A bootstrap-token plaintext (psb_…) must never travel in an error: a body that
// fails to parse may be a 201 issue response, and errors reach logs and screens.
const SECRET = /psb_[A-Za-z0-9_]+/g;

/** Replaces anything shaped like a token plaintext in a body excerpt. */
export function redactSecrets(text: string): string {
  return text.replace(SECRET, 'psb_[redacted]');
}

/** Builds the ApiError for an unexpected status from its (possibly non-JSON) body text. */
export function errorFromResponse(status: number, bodyText: string, retryAfterMs?: number): ApiError {
  const statusText = STATUS_CODES[status] ?? `HTTP ${status}`;
  let parsed: unknown;
  try {
    parsed = bodyText === '' ? undefined : JSON.parse(bodyText);
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const excerpt = redactSecrets(sanitize(bodyText)).trim();
    return new ApiError({
      kind: 'http',
      status,
      title: statusText,
      detail: excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS)}…` : excerpt,
      retryAfterMs,
    });
  }
  const p = parsed as Record<string, unknown>;
  const path = Array.isArray(p.relation_path) ? p.relation_path.filter((x): x is string => typeof x === 'string') : undefined;
  return new ApiError({
    kind: 'http',
    status,
    code: str(p.code),
    title: str(p.title) || statusText,
    detail: str(p.detail),
    instance: str(p.instance),
    reason: str(p.reason),
    relationPath: path,
    correlationId: str(p.correlation_id),
    retryAfterMs,
    body: parsed,
  });
}

// Belt and braces: no error line may ever show a bearer credential, whatever produced it.
// A credential after `Bearer` is an opaque word with digits or token punctuation (JWT,
// psk-style, base64); prose like "bearer token is not valid" must stay readable.
const BEARER = /\bBearer\s+(?=\S*[0-9._~+/=-])\S+/gi;

/** One line for stderr or a status bar: `<status> <title>: <detail> [code] (correlation <id>)`, sanitised. */
export function formatErrorLine(e: unknown): string {
  if (e instanceof ApiError) {
    const head = e.kind === 'http' && e.status !== undefined ? `${e.status} ${e.title}` : e.title;
    let line = e.detail ? `${head}: ${e.detail}` : head;
    // The code matters for HTTP (taxonomy) and transport (errno); for the other kinds the title says it all.
    const showCode = e.kind === 'http' || (e.kind === 'transport' && !e.detail.includes(e.code ?? ''));
    if (e.code && showCode) line += ` [${e.code}]`;
    if (e.correlationId) line += ` (correlation ${e.correlationId})`;
    return sanitize(line).replace(BEARER, 'Bearer [redacted]');
  }
  const text = e instanceof Error ? e.message : String(e);
  return sanitize(text).replace(BEARER, 'Bearer [redacted]');
}
