import {describe, expect, it} from 'vitest';
import {BootstrapTokenSchema} from '../../src/api/schemas.js';
import {utc} from '../../src/domain/time.js';
import {createInterner} from '../../src/hooks/intern.js';
import {rowToken, sameRow, stateAt, toRow, tokenReason} from '../../src/hooks/tokenRoster.js';

// Tokens as the API layer hands them over: parsed (and sanitised) by the schema.
const parse = (extra: Record<string, unknown> = {}) =>
  BootstrapTokenSchema.parse({
    id: '01a00000-0000-7000-8000-000000000001',
    project_id: '01a00000-0000-7000-8000-ffffffffffff',
    kind: 'node',
    env_prefix: 'prod',
    issued_at: '2026-11-29T10:00:00Z',
    expires_at: '2026-11-29T11:00:00.250+02:00',
    issued_by_user_id: '01a00000-0000-7000-8000-eeeeeeeeeeee',
    ...extra,
  });

describe('toRow / rowToken (a roster row holds the token compactly)', () => {
  it('gives back every field the screens show, as the same instants', () => {
    const t = parse({consumed_at: '2026-11-29T10:30:00.123456Z', revoked_at: null});
    const back = rowToken(toRow(t));
    expect({...back, issued_at: undefined, expires_at: undefined, consumed_at: undefined}).toEqual({
      ...t,
      issued_at: undefined,
      expires_at: undefined,
      consumed_at: undefined,
      revoked_at: null,
    });
    for (const k of ['issued_at', 'expires_at', 'consumed_at'] as const) expect(utc(back[k]!)).toBe(utc(t[k]!));
    expect(back.expires_at).toBe('2026-11-29T09:00:00.250Z');
  });

  it('keeps an unknown kind and sanitised text as received', () => {
    const row = toRow(parse({kind: 'edge-relay', env_prefix: 'pr\u001b[31mod\u202e'}));
    expect(row.kind).toBe('edge-relay');
    expect(row.env_prefix).toBe('prod');
    expect(rowToken(row).kind).toBe('edge-relay');
  });

  it('derives STATE and its reason from the parsed times', () => {
    const now = Date.parse('2026-11-29T10:45:00Z');
    const consumed = toRow(parse({consumed_at: '2026-11-29T10:31:00Z'}));
    expect(stateAt(consumed, now)).toBe('consumed');
    expect(tokenReason(consumed, now)).toBe('consumed at 2026-11-29 10:31:00Z');
    // Both set (a data anomaly): the earlier event wins, and the reason names its time.
    const both = toRow(parse({consumed_at: '2026-11-29T10:40:00Z', revoked_at: '2026-11-29T10:20:00Z'}));
    expect(tokenReason(both, now)).toBe('revoked at 2026-11-29 10:20:00Z');
    expect(stateAt(toRow(parse()), Date.parse('2026-11-29T09:00:00.250Z'))).toBe('expired');
  });
});

describe('sameRow', () => {
  it('treats null and absent timestamps, and one instant in two notations, as the same', () => {
    expect(sameRow(toRow(parse({consumed_at: null})), toRow(parse()))).toBe(true);
    expect(sameRow(toRow(parse({issued_at: '2026-11-29T12:00:00+02:00'})), toRow(parse()))).toBe(true);
  });

  it('sees any field that changed', () => {
    const row = toRow(parse());
    for (const extra of [
      {revoked_at: '2026-11-29T10:30:00Z'},
      {consumed_at: '2026-11-29T10:30:00Z'},
      {expires_at: '2026-11-29T11:00:00Z'},
      {issued_at: '2026-11-29T10:00:01Z'},
      {kind: 'bridge'},
      {env_prefix: 'staging'},
      {issued_by_user_id: '01a00000-0000-7000-8000-dddddddddddd'},
      {project_id: '01a00000-0000-7000-8000-cccccccccccc'},
      {id: '01a00000-0000-7000-8000-000000000009'},
    ]) {
      expect(sameRow(row, toRow(parse(extra))), JSON.stringify(extra)).toBe(false);
    }
  });
});

describe('createInterner', () => {
  it('answers every string with an equal one', () => {
    const {intern} = createInterner(8);
    for (const v of ['node', 'bridge', 'node', 'prod', '']) expect(intern(v)).toBe(v);
  });

  it('stays bounded: a new value per call never holds more than max strings', () => {
    const t = createInterner(16);
    for (let i = 0; i < 100; i++) {
      expect(t.intern(`value-${i}`)).toBe(`value-${i}`);
      expect(t.size()).toBeLessThanOrEqual(16);
    }
    t.intern('value-99');
    expect(t.size()).toBe(100 % 16 || 16);
  });
});
