import {describe, expect, it} from 'vitest';
import {parse as parseYaml} from 'yaml';
import {ApiError} from '../../src/api/errors.js';
import {ConfigError} from '../../src/config/errors.js';
import {exitCodeFor, UsageError} from '../../src/commands/exitCodes.js';
import {formatKeyValues, formatPayload, formatTable, formatTimestamp} from '../../src/commands/output.js';
import {TOKEN_COLUMNS} from '../../src/commands/bootstrapTokenList.js';

// The seed's `bootstrap-token list` example, whitespace-collapsed as the docs render it.
const SEED = `ID PROJECT ENV KIND ISSUED_AT EXPIRES_AT STATE
0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a1 0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a0 prod node 2026-05-01T10:00:00Z 2026-05-01T11:00:00Z live
0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a2 0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a0 staging bridge 2026-05-01T10:00:00Z 2026-05-01T10:15:00Z consumed`;

describe('formatTable', () => {
  const rows = SEED.split('\n').slice(1).map((l) => l.split(' '));
  const table = formatTable(TOKEN_COLUMNS, rows);
  const lines = table.trimEnd().split('\n');

  it('reproduces the seed example word for word', () => {
    expect(lines.map((l) => l.split(/ +/).join(' ')).join('\n')).toBe(SEED);
  });

  it('aligns every column like tabwriter, with no trailing blanks', () => {
    const starts = (l: string): number[] => [...l.matchAll(/(?:^| )(\S)/g)].map((m) => (m.index ?? 0) + (m[0].length - 1));
    const first = starts(lines[0] ?? '');
    for (const l of lines) {
      expect(starts(l)).toEqual(first);
      expect(l).toBe(l.trimEnd());
    }
    expect(lines[0]).toMatch(/^ID {37}PROJECT {32}ENV {7}KIND {5}ISSUED_AT {14}EXPIRES_AT {13}STATE$/);
  });

  it('strips escape sequences from cells', () => {
    expect(formatTable(['A', 'B'], [['x\u001b]52;c;ZXZpbA==\u0007y', 'z\u001b[2J']])).toBe('A     B\nxy    z\n');
  });
});

describe('formatTimestamp', () => {
  it('normalises to UTC whole seconds', () => {
    expect(formatTimestamp('2026-05-01T12:00:00.123456+02:00')).toBe('2026-05-01T10:00:00Z');
    expect(formatTimestamp('2026-05-01T10:00:00Z')).toBe('2026-05-01T10:00:00Z');
    expect(formatTimestamp('yesterday\u001b[2J')).toBe('yesterday');
  });
});

describe('formatKeyValues and formatPayload', () => {
  it('leaves absent values out and joins lists', () => {
    expect(formatKeyValues([['a', 'x'], ['b', undefined], ['c', null], ['amr', ['pwd', 'mfa']], ['n', 0], ['f', false]])).toBe(
      'a: x\namr: pwd,mfa\nn: 0\nf: false\n',
    );
  });

  it('prints json with 2-space indent and yaml that round-trips', () => {
    expect(formatPayload('json', {a: [1]})).toBe('{\n  "a": [\n    1\n  ]\n}\n');
    expect(formatPayload('yaml', {a: [1], b: 'x'})).toBe('a:\n  - 1\nb: x\n');
  });

  it('escapes control characters in json and yaml instead of emitting them', () => {
    for (const mode of ['json', 'yaml'] as const) expect(formatPayload(mode, {n: 'e\u001b]52;c;x\u0007'})).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe('exitCodeFor', () => {
  const http = (status: number, extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}): ApiError =>
    new ApiError({kind: 'http', status, title: 'x', ...extra});
  const cases: [string, unknown, 'bootstrap-token' | 'key' | 'other', number][] = [
    ['usage error', new UsageError('bad'), 'other', 2],
    ['401', http(401), 'bootstrap-token', 3],
    ['403 on bootstrap-token', http(403, {reason: 'insufficient_relation'}), 'bootstrap-token', 4],
    ['404 on bootstrap-token', http(404, {code: 'project_not_found'}), 'bootstrap-token', 4],
    ['404 node_not_found on key', http(404, {code: 'node_not_found'}), 'key', 4],
    ['403 PermissionDenied on key', http(403, {reason: 'insufficient_relation'}), 'key', 77],
    ['403 rebac_denied on key', http(403, {code: 'rebac_denied'}), 'key', 77],
    ['403 csrf on key (not ReBAC)', http(403, {code: 'csrf_origin_mismatch'}), 'key', 4],
    ['501', http(501, {code: 'node_keys_rotate_not_provisioned'}), 'key', 64],
    ['500', http(500), 'bootstrap-token', 1],
    ['503', http(503, {code: 'authz_unavailable'}), 'key', 1],
    ['409 elsewhere', http(409), 'bootstrap-token', 1],
    ['timeout', new ApiError({kind: 'timeout', title: 'timed out after 15s'}), 'key', 1],
    ['transport', new ApiError({kind: 'transport', title: 'connection failed', code: 'ECONNREFUSED'}), 'other', 1],
    ['insecure http', new ApiError({kind: 'transport', title: 'insecure', code: 'insecure_http'}), 'other', 2],
    ['schema', new ApiError({kind: 'schema', title: 'invalid response body'}), 'bootstrap-token', 1],
    ['anything else', new Error('boom'), 'other', 1],
  ];
  it.each(cases)('%s', (_n, error, family, code) => {
    expect(exitCodeFor(error, family)).toBe(code);
  });

  it('ConfigError carries its own code', () => {
    expect(exitCodeFor(new ConfigError(3, 'no credentials'), 'key')).toBe(3);
    expect(exitCodeFor(new ConfigError(2, 'no server configured'), 'bootstrap-token')).toBe(2);
  });
});

describe('formatPayload keeps hostile server text valid and inert', () => {
  // C1 CSI, DEL, a bidi override, a zero-width space, a tag character, NEL inside a
  // multi-line value, and C0 escapes: every one must be escaped, none printed raw.
  const hostile = {
    a: 'x\u009b31m\u007f\u202e\x1b]52;c;\x07 end',
    list: ['\u200b', 'plain'],
    'key\u009b': 1,
    tag: 'a\u{e0041}b',
    multi: 'a\nb\u0085c',
    n: 5,
    none: null,
  };
  const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u200b\u202e\u{e0041}]/u;

  it('json escapes C1, DEL, bidi and zero-width characters and still parses to the same value', () => {
    const out = formatPayload('json', hostile);
    expect(out).not.toMatch(RAW);
    expect(out).toContain('\\u009b');
    expect(out).toContain('\\u007f');
    expect(JSON.parse(out)).toEqual(hostile);
  });

  it('yaml double-quotes and escapes them and still parses to the same value', () => {
    const out = formatPayload('yaml', hostile);
    expect(out).not.toMatch(RAW);
    expect(out).toContain('\\x9b');
    expect(parseYaml(out)).toEqual(hostile);
  });
});
