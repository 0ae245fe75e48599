import {describe, expect, it} from 'vitest';
import {parseInstant} from '../../src/domain/instant.js';

const NOW = Date.parse('2026-05-01T12:00:00Z');

describe('parseInstant', () => {
  it('reads RFC 3339 with Z, an offset and fractional seconds', () => {
    expect(parseInstant('2026-05-01T10:00:00Z', NOW)).toBe(Date.parse('2026-05-01T10:00:00Z'));
    expect(parseInstant('2026-05-01T12:00:00+02:00', NOW)).toBe(Date.parse('2026-05-01T10:00:00Z'));
    expect(parseInstant('2026-05-01T10:00:00.250Z', NOW)).toBe(Date.parse('2026-05-01T10:00:00.250Z'));
  });
  it('reads a Go duration as that long before now', () => {
    expect(parseInstant('1h', NOW)).toBe(NOW - 3_600_000);
    expect(parseInstant('1h30m', NOW)).toBe(NOW - 5_400_000);
    expect(parseInstant('0', NOW)).toBe(NOW);
  });
  it.each(['', 'yesterday', '2026-05-01', '2026-05-01T10:00:00', '-1h', '2026-13-45T99:00:00Z', '1d'])('rejects %j', (s) => {
    expect(parseInstant(s, NOW)).toBeUndefined();
  });
});
