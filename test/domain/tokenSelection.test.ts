import {describe, expect, it} from 'vitest';
import {countByState, describeBulkRevoke, selectTokens} from '../../src/domain/tokenSelection.js';

const NOW = Date.parse('2026-05-01T12:00:00Z');
const tok = (id: string, extra: Record<string, unknown> = {}) => ({
  id, kind: 'node', env_prefix: 'prod', issued_at: '2026-05-01T10:00:00Z', expires_at: '2026-05-01T13:00:00Z', ...extra,
});
const live = tok('live');
const bridge = tok('bridge', {kind: 'bridge'});
const staging = tok('staging', {env_prefix: 'staging'});
const early = tok('early', {issued_at: '2026-05-01T08:00:00Z'});
const expired = tok('expired', {expires_at: '2026-05-01T11:00:00Z'});
const consumed = tok('consumed', {consumed_at: '2026-05-01T10:30:00Z', revoked_at: null});
const revoked = tok('revoked', {revoked_at: '2026-05-01T10:40:00Z'});
const all = [live, bridge, staging, early, expired, consumed, revoked];
const ids = (xs: {id: string}[]) => xs.map((x) => x.id);

describe('selectTokens', () => {
  it('with no selectors selects everything, in order', () => {
    expect(ids(selectTokens(all, {}, NOW))).toEqual(ids(all));
  });
  it('by derived state', () => {
    expect(ids(selectTokens(all, {state: 'live'}, NOW))).toEqual(['live', 'bridge', 'staging', 'early']);
    expect(ids(selectTokens(all, {state: 'consumed'}, NOW))).toEqual(['consumed']);
  });
  it('by env prefix and kind together', () => {
    expect(ids(selectTokens(all, {envPrefix: 'prod', kind: 'bridge'}, NOW))).toEqual(['bridge']);
    expect(ids(selectTokens(all, {envPrefix: 'staging'}, NOW))).toEqual(['staging']);
  });
  it('issued before is exclusive, issued after inclusive', () => {
    const ten = Date.parse('2026-05-01T10:00:00Z');
    expect(ids(selectTokens(all, {issuedBefore: ten}, NOW))).toEqual(['early']);
    expect(ids(selectTokens(all, {issuedAfter: ten, state: 'live'}, NOW))).toEqual(['live', 'bridge', 'staging']);
    expect(selectTokens(all, {issuedAfter: ten, issuedBefore: ten}, NOW)).toEqual([]);
  });
});

describe('bulk revoke breakdown', () => {
  it('counts by state and says what is skipped', () => {
    const counts = countByState(all, NOW);
    expect(counts).toEqual({live: 4, expired: 1, consumed: 1, revoked: 1});
    expect(describeBulkRevoke(counts)).toBe('revoke 4 live · skip 1 expired, 1 consumed, 1 revoked');
    expect(describeBulkRevoke(countByState([live], NOW))).toBe('revoke 1 live');
  });
});
