// Every string field of every response schema in the contract, filled with hostile text:
// what the client hands to screens and verbs must be safe to print, whatever the field.
// Driven by the vendored contract, so a new field or operation is covered automatically
// (a new operation fails here until it is mapped to the schema that reads it).
import {describe, expect, test} from 'vitest';
import type {z} from 'zod';
import {errorFromResponse, formatErrorLine} from '../../src/api/errors.js';
import * as S from '../../src/api/schemas.js';
import {contractResponses, firstUnsafe, HOSTILE_LONG, hostileInstance, stringPaths} from '../support/hostile.js';

/** The zod schema that reads each operation's success body (null: it has none, only Problems). */
const READERS: Record<string, z.ZodType | null> = {
  RevokeBootstrapToken: null,
  GetHealth: S.HealthSchema,
  GetVersion: S.VersionSchema,
  GetAuthWhoami: S.WhoamiSchema,
  ListNodes: S.NodeListSchema,
  PostNodeKeysRotate: S.RotationHandleSchema,
  GetNodeKeysRotatePreview: S.RotationPreviewSchema,
  IssueBootstrapToken: S.IssuedTokenSchema,
  ListBootstrapTokens: S.BootstrapTokenListSchema,
  GetBootstrapTokenMetadata: S.BootstrapTokenSchema,
  ListProjects: S.ProjectListSchema,
  GetProject: S.ProjectSchema,
};
/** Operations the client never calls, and why. */
const NOT_CALLED: Record<string, string> = {PostRegister: 'node enrolment: only a redeeming node calls it, never the console or the verbs'};
// Raw strings the client keeps on purpose: the plaintext, which the copy key validates
// against the contract's pattern and every view sanitises (schemas.ts, IssuedTokenSchema);
// and cursors, which go back to the server byte for byte (list's stderr note sanitises them).
const RAW_BY_DESIGN = new Set(['IssueBootstrapToken token', 'ListBootstrapTokens next_cursor', 'ListNodes next_cursor', 'ListProjects next_cursor']);

/** Every string in a parsed value, with its path. */
function strings(v: unknown, at = ''): [string, string][] {
  if (typeof v === 'string') return [[at, v]];
  if (Array.isArray(v)) return v.flatMap((x) => strings(x, `${at}[]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, at ? `${at}.${k}` : k));
  return [];
}

const responses = contractResponses();

test('every operation in the contract is read by a mapped schema or named as never called', () => {
  const unmapped = [...new Set(responses.map((r) => r.operationId))].filter((id) => !(id in READERS) && !(id in NOT_CALLED));
  expect(unmapped).toEqual([]);
});

describe.each(responses.filter((r) => READERS[r.operationId] && r.media === 'application/json'))('$operationId $status', (r) => {
  const reader = READERS[r.operationId] as z.ZodType;

  test.each([['hostile', undefined], ['very long', HOSTILE_LONG]])('every free string and display-only enum %s: read, and safe', (_n, text) => {
    const body = hostileInstance(r.schema, {text});
    const parsed = reader.safeParse(body);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
    const found = strings(parsed.data).filter(([path]) => !RAW_BY_DESIGN.has(`${r.operationId} ${path}`));
    // The text reached the parsed value (shown as received), only without its hostile bytes.
    if (JSON.stringify(body).includes('HOSTILE')) expect(strings(parsed.data).some(([, s]) => s.startsWith('HOSTILE'))).toBe(true);
    for (const [path, s] of found) expect(firstUnsafe(s), `${r.operationId} ${path}`).toBeUndefined();
  });

  test.each(stringPaths(r.schema))('a hostile %s is read safely or refused with a safe error', (field) => {
    const parsed = reader.safeParse(hostileInstance(r.schema, {field}));
    if (parsed.success) {
      for (const [path, s] of strings(parsed.data)) {
        if (!RAW_BY_DESIGN.has(`${r.operationId} ${path}`)) expect(firstUnsafe(s), `${r.operationId} ${path}`).toBeUndefined();
      }
      // A list reader skips an unreadable item and says why, without echoing the value.
      for (const skipped of (parsed.data as {skipped?: {reason: string}[]}).skipped ?? []) expect(firstUnsafe(skipped.reason)).toBeUndefined();
    }
  });
});

describe.each(responses.filter((r) => r.media === 'application/problem+json'))('$operationId $status problem', (r) => {
  test('every field of the Problem body, hostile, gives a safe error and a safe line', () => {
    const body = hostileInstance(r.schema);
    const e = errorFromResponse(r.status, JSON.stringify(body));
    const fields = {title: e.title, detail: e.detail, code: e.code, instance: e.instance, reason: e.reason, correlationId: e.correlationId, path: e.relationPath?.join(' ')};
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) expect(firstUnsafe(v), k).toBeUndefined();
    expect(firstUnsafe(formatErrorLine(e))).toBeUndefined();
    expect(formatErrorLine(e)).toContain('HOSTILE');
  });
});
