import {describe, expect, test} from 'vitest';
import {deriveState, nextExpiryChange, parseStateFilter, stateReason, TOKEN_STATES} from '../../src/domain/tokenState.js';

const EXPIRES = '2026-05-01T12:00:00Z';
const expiresMs = Date.parse(EXPIRES);

describe('deriveState', () => {
  test('a token is expired at the exact instant of expires_at', () => {
    expect(deriveState({expires_at: EXPIRES}, expiresMs)).toBe('expired');
  });

  test('a token is live one millisecond before expires_at', () => {
    expect(deriveState({expires_at: EXPIRES}, expiresMs - 1)).toBe('live');
  });

  test('null and absent terminal timestamps both mean not set', () => {
    expect(deriveState({expires_at: EXPIRES, consumed_at: null, revoked_at: null}, expiresMs - 1)).toBe('live');
    expect(deriveState({expires_at: EXPIRES}, expiresMs - 1)).toBe('live');
  });

  test('a consumed token stays consumed after its expiry passes', () => {
    expect(deriveState({expires_at: EXPIRES, consumed_at: '2026-05-01T11:00:00Z'}, expiresMs + 3_600_000)).toBe('consumed');
  });

  test('a revoked token stays revoked after its expiry passes', () => {
    expect(deriveState({expires_at: EXPIRES, revoked_at: '2026-05-01T11:00:00Z', consumed_at: null}, expiresMs + 1)).toBe('revoked');
  });

  test('when both consumed and revoked are set the earlier consumption wins', () => {
    const t = {expires_at: EXPIRES, consumed_at: '2026-05-01T10:00:00Z', revoked_at: '2026-05-01T11:00:00Z'};
    expect(deriveState(t, 0)).toBe('consumed');
  });

  test('when both consumed and revoked are set the earlier revocation wins', () => {
    const t = {expires_at: EXPIRES, consumed_at: '2026-05-01T11:00:00Z', revoked_at: '2026-05-01T10:00:00.500+00:00'};
    expect(deriveState(t, 0)).toBe('revoked');
  });

  test('timestamps with offsets compare by instant, not by text', () => {
    // 13:00+02:00 is 11:00Z, before the 11:30Z revocation.
    const t = {expires_at: EXPIRES, consumed_at: '2026-05-01T13:00:00+02:00', revoked_at: '2026-05-01T11:30:00Z'};
    expect(deriveState(t, 0)).toBe('consumed');
  });
});

describe('stateReason', () => {
  test('a consumed token names when it was consumed', () => {
    expect(stateReason({expires_at: EXPIRES, consumed_at: '2026-05-01T10:31:00Z'}, 0)).toBe('consumed at 2026-05-01T10:31:00Z');
  });

  test('a live token says when it expires', () => {
    expect(stateReason({expires_at: EXPIRES}, expiresMs - 14 * 60_000)).toBe('expires in 14m');
  });

  test('an expired token says how long ago it expired', () => {
    expect(stateReason({expires_at: EXPIRES}, expiresMs + 3 * 3_600_000)).toBe('expired 3h ago');
  });
});

describe('parseStateFilter', () => {
  test('active and issued are aliases of live', () => {
    expect(parseStateFilter('active')).toBe('live');
    expect(parseStateFilter('ISSUED')).toBe('live');
  });

  test('every STATE parses as itself', () => {
    for (const s of TOKEN_STATES) expect(parseStateFilter(s)).toBe(s);
  });

  test('an unknown filter value is undefined', () => {
    expect(parseStateFilter('pending')).toBeUndefined();
    expect(parseStateFilter('constructor')).toBeUndefined();
  });
});

describe('nextExpiryChange', () => {
  test('returns the earliest future expiry among live tokens only', () => {
    const now = Date.parse('2026-05-01T09:00:00Z');
    const tokens = [
      {expires_at: '2026-05-01T09:30:00Z', revoked_at: '2026-05-01T08:00:00Z'},
      {expires_at: '2026-05-01T08:59:00Z'},
      {expires_at: '2026-05-01T10:00:00Z'},
      {expires_at: '2026-05-01T09:45:00Z', consumed_at: null},
    ];
    expect(nextExpiryChange(tokens, now)).toBe(Date.parse('2026-05-01T09:45:00Z'));
  });

  test('is undefined when no live token remains', () => {
    expect(nextExpiryChange([{expires_at: EXPIRES}], expiresMs)).toBeUndefined();
  });
});
