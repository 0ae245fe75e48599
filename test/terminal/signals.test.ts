import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {installTerminalGuards} from '../../src/terminal/signals.js';

describe('terminal guards', () => {
  it('reports SIGHUP, SIGTERM and SIGINT, and crashes, until removed', () => {
    const target = new EventEmitter();
    const seen: string[] = [];
    const remove = installTerminalGuards((s) => seen.push(s), (e) => seen.push(`crash:${(e as Error).message}`), target as never);
    target.emit('SIGHUP');
    target.emit('SIGTERM');
    target.emit('SIGINT');
    target.emit('uncaughtException', new Error('boom'));
    remove();
    target.emit('SIGHUP');
    expect(seen).toEqual(['SIGHUP', 'SIGTERM', 'SIGINT', 'crash:boom']);
    expect(target.listenerCount('SIGHUP')).toBe(0);
  });
});
