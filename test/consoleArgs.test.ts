import {describe, expect, it} from 'vitest';
import {parseConsoleArgs, parseRefresh} from '../src/consoleArgs.js';

describe('--refresh', () => {
  it('defaults to 5s and takes a Go duration; 0 turns it off', () => {
    expect(parseConsoleArgs([]).refreshMs).toBe(5000);
    expect(parseConsoleArgs(['--refresh', '30s']).refreshMs).toBe(30_000);
    expect(parseConsoleArgs(['--refresh', '0']).refreshMs).toBe(0);
    expect(parseRefresh('1m')).toBe(60_000);
  });

  it('refuses what is not a duration, or faster than once a second, saying why', () => {
    expect(() => parseRefresh('soon')).toThrow('--refresh: "soon" is not a duration');
    expect(() => parseRefresh('200ms')).toThrow('too often; use 1s or more');
  });
});
