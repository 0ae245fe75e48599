import {describe, expect, test} from 'vitest';
import {rateLimitedLog} from '../../src/sandbox/log.js';

describe('rateLimitedLog', () => {
  test('one line per kind per window; the dropped ones are counted on the next line', () => {
    const out: string[] = [];
    let t = 0;
    const log = rateLimitedLog((l) => out.push(l), 10_000, () => t);
    for (let i = 0; i < 50; i++) log('aborted', `abort ${i}`);
    log('internal', 'boom');
    expect(out).toEqual(['plexconsole sandbox: abort 0\n', 'plexconsole sandbox: boom\n']);
    t = 9_999;
    log('aborted', 'abort 50');
    expect(out).toHaveLength(2);
    t = 10_000;
    log('aborted', 'abort 51');
    log('aborted', 'abort 52');
    t = 25_000;
    log('aborted', 'abort 53');
    expect(out.slice(2)).toEqual([
      'plexconsole sandbox: abort 51 (50 more since the last such line)\n',
      'plexconsole sandbox: abort 53 (1 more since the last such line)\n',
    ]);
  });

  test('a line never spans lines, whatever the event text holds', () => {
    const out: string[] = [];
    rateLimitedLog((l) => out.push(l))('x', 'first\nsecond\r\nthird');
    expect(out).toEqual(['plexconsole sandbox: first second third\n']);
  });
});
