import {describe, expect, test} from 'vitest';
import {isEnvPrefix, isKind, isUuid} from '../../src/domain/validate.js';

describe('validate', () => {
  test('isUuid accepts UUIDv7 and contract example ids regardless of version bits', () => {
    expect(isUuid('0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a1')).toBe(true);
    expect(isUuid('01890A8B-A0C0-7A0A-8A0A-A0A0A0A0A0A1')).toBe(true);
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
  });

  test('isUuid rejects other shapes', () => {
    for (const s of ['', 'nope', '0190a8b8a0c07a0a8a0aa0a0a0a0a0a1', '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a', '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0ag', ' 0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a1', 42]) {
      expect(isUuid(s)).toBe(false);
    }
  });

  test('isEnvPrefix allows 1 to 32 lowercase letters only', () => {
    expect(isEnvPrefix('prod')).toBe(true);
    expect(isEnvPrefix('a'.repeat(32))).toBe(true);
    for (const s of ['', 'a'.repeat(33), 'Prod', 'prod1', 'pr-od', 'prod\n']) expect(isEnvPrefix(s)).toBe(false);
  });

  test('isKind allows node and bridge only', () => {
    expect(isKind('node')).toBe(true);
    expect(isKind('bridge')).toBe(true);
    expect(isKind('vm')).toBe(false);
    expect(isKind('Node')).toBe(false);
  });
});
