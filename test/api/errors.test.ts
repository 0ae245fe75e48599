import {describe, expect, test} from 'vitest';
import {ApiError, errorFromResponse, formatErrorLine, isPermissionDenied, isProblemCode} from '../../src/api/errors.js';
import {backoffMs, parseRetryAfter} from '../../src/api/retry.js';

describe('formatErrorLine', () => {
  test('an HTTP problem renders status, title, detail, code and correlation id', () => {
    const e = new ApiError({kind: 'http', status: 403, title: 'Permission Denied', detail: 'no', code: 'permission_denied', correlationId: 'c-1'});
    expect(formatErrorLine(e)).toBe('403 Permission Denied: no [permission_denied] (correlation c-1)');
  });

  test('server text is sanitised where it enters: every field, not only the formatted line', () => {
    const body = {title: 'Not\x1b[2J Found', detail: 'evil\x1b]52;c;AAAA\x07node\u202e', code: 'x\x85y', reason: 'r\x1b]0;t\x07', correlation_id: 'c\u200b1', relation_path: ['a\x9b2J']};
    const e = errorFromResponse(403, JSON.stringify(body));
    expect(formatErrorLine(e)).toBe('403 Not Found: evilnode [xy] [r] (relation a) (correlation c1)');
    expect(e).toMatchObject({title: 'Not Found', detail: 'evilnode', code: 'xy', reason: 'r', correlationId: 'c1', relationPath: ['a']});
    // The body stays verbatim for json/yaml output, which escapes it there.
    expect(e.body).toEqual(body);
  });

  test('a PermissionDenied line carries the reason and what was needed, as the seed shows', () => {
    const e = errorFromResponse(403, JSON.stringify({title: 'Forbidden', detail: 'denied', reason: 'insufficient_relation', need: ['project:manage', 'project:deploy'], correlation_id: 'c-9'}));
    expect(formatErrorLine(e)).toBe('403 Forbidden: denied [insufficient_relation] (need project:manage or project:deploy) (correlation c-9)');
  });

  test('a bearer credential is redacted from any error line', () => {
    expect(formatErrorLine(new Error('header Authorization: Bearer abc.def.ghi was rejected'))).toBe('header Authorization: Bearer [redacted] was rejected');
  });

  test('a transport error shows its cause once', () => {
    const e = new ApiError({kind: 'transport', code: 'ECONNREFUSED', title: 'connection failed', detail: 'connect ECONNREFUSED 127.0.0.1:9'});
    expect(formatErrorLine(e)).toBe('connection failed: connect ECONNREFUSED 127.0.0.1:9');
  });

  test('non-errors are stringified', () => {
    expect(formatErrorLine('plain')).toBe('plain');
  });
});

describe('errorFromResponse', () => {
  test('a JSON body without a title gets the status text', () => {
    expect(errorFromResponse(409, '{"detail":"already consumed"}').title).toBe('Conflict');
  });

  test('an empty body has an empty detail', () => {
    expect(errorFromResponse(500, '')).toMatchObject({title: 'Internal Server Error', detail: ''});
  });

  test('a JSON array body is treated as non-problem text', () => {
    expect(errorFromResponse(500, '[1,2]')).toMatchObject({detail: '[1,2]', body: undefined});
  });

  test('isPermissionDenied needs a 403 with reason and isProblemCode matches the code', () => {
    const pd = errorFromResponse(403, '{"title":"Permission Denied","reason":"out_of_scope","correlation_id":"x"}');
    const binding = errorFromResponse(403, '{"title":"Forbidden","code":"cursor_binding_mismatch"}');
    expect(isPermissionDenied(pd)).toBe(true);
    expect(isPermissionDenied(binding)).toBe(false);
    expect(isProblemCode(binding, 'cursor_binding_mismatch')).toBe(true);
    expect(isProblemCode(new Error('x'), 'x')).toBe(false);
  });
});

describe('retry timing', () => {
  const now = Date.parse('2026-05-01T10:00:00Z');
  test('Retry-After accepts delta seconds and HTTP dates and caps long waits', () => {
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter('Fri, 01 May 2026 10:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('Fri, 01 May 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('86400', now)).toBe(30_000);
  });

  test('an absent or invalid Retry-After is undefined', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
  });

  test('backoff grows exponentially with jitter between half and the full ceiling', () => {
    expect(backoffMs(1, () => 0)).toBe(100);
    expect(backoffMs(1, () => 1)).toBe(200);
    expect(backoffMs(2, () => 0.5)).toBe(300);
  });
});

describe('secret redaction in error excerpts', () => {
  test('a token plaintext in a non-JSON error body never reaches the error', () => {
    const e = errorFromResponse(502, 'upstream said psb_prod_aebagbafaydqqbrhibbsa3kqaq_node_abcdefghijklmnopqrstuvwx oops');
    expect(e.detail).not.toContain('abcdefghijklmnopqrstuvwx');
    expect(formatErrorLine(e)).toContain('psb_[redacted]');
  });
});

describe('bearer masking', () => {
  test('masks a credential after Bearer but leaves prose about bearer tokens readable', () => {
    expect(formatErrorLine(new Error('bearer token is not valid for this control plane'))).toBe('bearer token is not valid for this control plane');
    expect(formatErrorLine(new Error('got Bearer pxs_op_4f9a2c'))).toBe('got Bearer [redacted]');
  });
});
