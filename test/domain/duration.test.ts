import {describe, expect, test} from 'vitest';
import {formatDuration, formatRelative, parseGoDuration, parseTtl} from '../../src/domain/duration.js';

describe('parseGoDuration follows time.ParseDuration', () => {
  const valid: Array<[string, number]> = [
    ['0', 0],
    ['-0', 0],
    ['+0', 0],
    ['5s', 5_000],
    ['90s', 90_000],
    ['5m', 300_000],
    ['24h', 86_400_000],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['.5s', 500],
    ['1.s', 1_000],
    ['300ms', 300],
    ['1500us', 1.5],
    ['1500\u00b5s', 1.5],
    ['1500\u03bcs', 1.5],
    ['1000000ns', 1],
    ['-1h', -3_600_000],
    ['+2m', 120_000],
    ['1h0m0s', 3_600_000],
    ['2h45m30.5s', 9_930_500],
    ['0s', 0],
  ];
  test.each(valid)('%s parses to %d ms', (input, ms) => {
    expect(parseGoDuration(input)).toBe(ms);
  });

  const invalid = ['', '-', '+', '1d', 'h', '1', '10', '.s', '.', '1h 30m', ' 5m', '5m ', '1hm', '1.2.3s', '--1s', '5M', '1e3s', '1constructor', 'abc'];
  test.each(invalid)('%j is rejected', (input) => {
    expect(parseGoDuration(input)).toBeUndefined();
  });

  test('a duration past the int64 nanosecond range is rejected', () => {
    expect(parseGoDuration('9223372036854775808ns')).toBeUndefined();
    expect(parseGoDuration('2562047h')).toBeDefined();
    expect(parseGoDuration('2562047h60m')).toBeUndefined();
  });
});

describe('parseTtl', () => {
  test.each([
    ['5m', 300],
    ['300s', 300],
    ['1h', 3600],
    ['1h30m', 5400],
    ['24h', 86_400],
    ['1439m60s', 86_400],
  ])('%s is accepted as %d seconds', (input, seconds) => {
    expect(parseTtl(input)).toEqual({ok: true, seconds});
  });

  test('4m59s is below the minimum and the message names the range', () => {
    expect(parseTtl('4m59s')).toEqual({ok: false, message: 'TTL must be between 5m and 24h (got 4m59s)'});
  });

  test('1m is rejected with a message naming the range', () => {
    expect(parseTtl('1m')).toEqual({ok: false, message: 'TTL must be between 5m and 24h (got 1m)'});
  });

  test('24h1s is above the maximum', () => {
    expect(parseTtl('24h1s')).toMatchObject({ok: false, message: expect.stringContaining('between 5m and 24h')});
  });

  test('1d is not a Go duration', () => {
    expect(parseTtl('1d')).toMatchObject({ok: false, message: expect.stringContaining('"1d"')});
  });

  test('a negative TTL is out of range', () => {
    expect(parseTtl('-1h').ok).toBe(false);
  });

  test('a fractional second is truncated to whole seconds', () => {
    expect(parseTtl('5m0.9s')).toEqual({ok: true, seconds: 300});
  });
});

describe('formatDuration', () => {
  test.each([
    [0, '0s'],
    [45, '45s'],
    [300, '5m'],
    [5400, '1h30m'],
    [86_400, '24h'],
    [3605, '1h5s'],
    [-90, '-1m30s'],
  ])('%d seconds formats as %s', (s, out) => {
    expect(formatDuration(s)).toBe(out);
  });

  test('formatDuration output parses back to the same duration', () => {
    for (const s of [1, 59, 61, 3599, 3601, 86_399]) expect(parseGoDuration(formatDuration(s))).toBe(s * 1000);
  });
});

describe('formatRelative', () => {
  const now = 1_000_000_000;
  test.each([
    [now + 14 * 60_000, 'in 14m'],
    [now - 3 * 3_600_000, '3h ago'],
    [now + 500, 'in <1m'],
    [now - 59_000, '<1m ago'],
    [now + 45_000, 'in <1m'],
    [now + 60_000, 'in 1m'],
    [now - 2 * 86_400_000, '2d ago'],
  ])('%d relative to now is %s', (target, out) => {
    expect(formatRelative(target, now)).toBe(out);
  });
});
