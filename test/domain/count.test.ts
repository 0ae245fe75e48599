import {describe, expect, it} from 'vitest';
import {formatCount} from '../../src/domain/count.js';

describe('formatCount', () => {
  it('groups digits in threes with commas, as en-US does', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(100_000)).toBe('100,000');
    expect(formatCount(1_234_567)).toBe('1,234,567');
    for (let n = 0; n < 2_000_000; n += 7919) expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
  });
});
