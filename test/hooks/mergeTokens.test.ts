import {describe, expect, it} from 'vitest';
import type {BootstrapToken} from '../../src/hooks/types.js';
import {mergeTokens, toRow} from '../../src/hooks/tokenRoster.js';

const token = (n: number, extra: Partial<BootstrapToken> = {}): BootstrapToken =>
  ({
    id: `01a00000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    project_id: '01a00000-0000-7000-8000-ffffffffffff',
    env_prefix: 'prod',
    kind: 'node',
    issued_at: '2026-11-29T10:00:00Z',
    expires_at: '2026-11-29T11:00:00Z',
    issued_by_user_id: '01a00000-0000-7000-8000-eeeeeeeeeeee',
    ...extra,
  }) as BootstrapToken;

describe('mergeTokens (a live refresh merged into the roster)', () => {
  const rows = [token(1), token(2), token(3)].map(toRow);

  it('returns the same array when nothing changed, so an unchanged roster renders nothing', () => {
    expect(mergeTokens(rows, [token(2), token(3)])).toBe(rows);
  });

  it('replaces a changed token in place and appends a new one', () => {
    const merged = mergeTokens(rows, [token(2, {revoked_at: '2026-11-29T10:30:00Z'}), token(4)]);
    expect(merged.map((r) => r.id)).toEqual([token(1), token(2), token(3), token(4)].map((t) => t.id));
    expect(merged[1]!.revokedMs).toBe(Date.parse('2026-11-29T10:30:00Z'));
    expect(merged[0]).toBe(rows[0]);
  });

  it('takes a token read twice (newest page and by id) once', () => {
    const merged = mergeTokens(rows, [token(5), token(5)]);
    expect(merged.map((r) => r.id).filter((id) => id === token(5).id)).toHaveLength(1);
  });
});
