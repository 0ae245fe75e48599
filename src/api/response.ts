import type {Dispatcher} from 'undici';
import type {z} from 'zod';
import {formatMillis} from '../domain/duration.js';
import {ApiError, redactSecrets} from './errors.js';

/** Undici's header record with array values joined. */
export function flattenHeaders(h: Dispatcher.ResponseData['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Parses a success body as JSON and with `schema`; failures are ApiError kind `schema` naming the field. */
export function parseBody<T>(schema: z.ZodType<T> | undefined, where: string, status: number, text: string): {data: T; raw: unknown} {
  let raw: unknown;
  try {
    raw = text === '' ? undefined : JSON.parse(text);
  } catch {
    if (!schema) return {data: undefined as T, raw: undefined};
    const safe = redactSecrets(text);
    const excerpt = safe.length > 60 ? `${safe.slice(0, 60)}…` : safe;
    throw new ApiError({kind: 'schema', status, code: 'invalid_json', title: 'invalid response body', detail: `not JSON: ${excerpt}`, instance: where});
  }
  if (!schema) return {data: raw as T, raw};
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError({kind: 'schema', status, code: 'schema_mismatch', title: 'invalid response body', detail: describeZodError(parsed.error), instance: where});
  }
  return {data: parsed.data, raw};
}

/** Maps whatever undici or the body stream threw into an ApiError, telling a caller abort from the deadline. */
export function classifyFailure(e: unknown, caller: AbortSignal | undefined, deadline: AbortSignal, timeoutMs: number): ApiError {
  if (e instanceof ApiError) return e;
  if (caller?.aborted) return new ApiError({kind: 'aborted', code: 'aborted', title: 'request cancelled', cause: e});
  if (deadline.aborted) {
    return new ApiError({kind: 'timeout', code: 'timeout', title: `timed out after ${formatMillis(timeoutMs)}`, cause: e});
  }
  const err = e as {code?: unknown; message?: unknown; cause?: {code?: unknown; message?: unknown}};
  const code = typeof err.code === 'string' ? err.code : typeof err.cause?.code === 'string' ? err.cause.code : undefined;
  const message = typeof err.message === 'string' && err.message ? err.message : String(e);
  return new ApiError({kind: 'transport', code, title: 'connection failed', detail: message, cause: e});
}

/** Formats the first zod issue as `items[5].id: Invalid UUID` (plus how many more). */
export function describeZodError(error: z.ZodError): string {
  const [first] = error.issues;
  if (!first) return 'invalid body';
  const path = first.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : '';
  return `${path || '(body)'}: ${first.message}${more}`;
}
