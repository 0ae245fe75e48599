import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import type {z} from 'zod';
import * as S from '../../src/api/schemas.js';
import {describeZodError} from '../../src/api/response.js';

type JsonSchema = {required?: string[]; example?: unknown; properties?: Record<string, unknown>};
type Contract = {
  paths: Record<string, Record<string, {responses?: Record<string, {content?: Record<string, {schema?: {$ref?: string}; example?: unknown}>}>}>>;
  components: {schemas: Record<string, JsonSchema>};
};
const contract = JSON.parse(readFileSync(new URL('../contract/plexsphere-v1.json', import.meta.url), 'utf8')) as Contract;

// Contract schema name → the zod schema that mirrors it.
const MIRRORS: Record<string, z.ZodType> = {
  HealthStatus: S.HealthSchema,
  VersionInfo: S.VersionSchema,
  Whoami: S.WhoamiSchema,
  Problem: S.ProblemSchema,
  PermissionDenied: S.PermissionDeniedSchema,
  ProjectResponse: S.ProjectSchema,
  ProjectList: S.ProjectListSchema,
  NodeSummary: S.NodeSummarySchema,
  NodeList: S.NodeListSchema,
  BootstrapTokenMetadata: S.BootstrapTokenSchema,
  BootstrapTokenList: S.BootstrapTokenListSchema,
  BootstrapTokenIssueResponse: S.IssuedTokenSchema,
  RotationImpactEdge: S.RotationEdgeSchema,
  RotationImpactPreview: S.RotationPreviewSchema,
  RotationTriggerResponse: S.RotationHandleSchema,
};

const examples: Array<[string, string, unknown]> = [];
for (const [name, schema] of Object.entries(contract.components.schemas)) {
  if (MIRRORS[name] && schema.example !== undefined) examples.push([`components.${name}`, name, schema.example]);
}
for (const [path, ops] of Object.entries(contract.paths)) {
  for (const [method, op] of Object.entries(ops)) {
    for (const [status, r] of Object.entries(op.responses ?? {})) {
      for (const media of Object.values(r.content ?? {})) {
        const name = media.schema?.$ref?.split('/').pop();
        if (name && MIRRORS[name] && media.example !== undefined) examples.push([`${method.toUpperCase()} ${path} ${status}`, name, media.example]);
      }
    }
  }
}

describe('zod schemas mirror the contract', () => {
  test('every contract response schema the console reads has a zod mirror', () => {
    const used = new Set<string>();
    for (const ops of Object.values(contract.paths))
      for (const op of Object.values(ops))
        for (const r of Object.values(op.responses ?? {}))
          for (const m of Object.values(r.content ?? {})) if (m.schema?.$ref) used.add(m.schema.$ref.split('/').pop() ?? '');
    used.delete('RegisterResponse'); // the node-side redemption; the console never calls it
    expect([...used].filter((n) => !MIRRORS[n])).toEqual([]);
  });

  test('there are examples to check', () => {
    expect(examples.length).toBeGreaterThan(15);
  });

  test.each(examples)('%s example parses as %s', (_where, name, example) => {
    const r = (MIRRORS[name] as z.ZodType).safeParse(example);
    expect(r.success ? 'ok' : describeZodError(r.error)).toBe('ok');
  });

  const withExample = Object.entries(contract.components.schemas).filter(([n, s]) => MIRRORS[n] && s.example && s.required);
  test.each(withExample)('%s rejects its example without each required field', (name, schema) => {
    for (const field of schema.required ?? []) {
      const copy = {...(schema.example as Record<string, unknown>)};
      delete copy[field];
      // The trigger handle also accepts the plexctl-docs shape, where peer_id/already_pending are absent.
      if (name === 'RotationTriggerResponse' && field !== 'rotation_id') continue;
      expect((MIRRORS[name] as z.ZodType).safeParse(copy).success, `${name} without ${field}`).toBe(false);
    }
  });

  test('optional timestamps accept absent and null alike', () => {
    const example = contract.components.schemas.BootstrapTokenMetadata?.example as Record<string, unknown>;
    expect(S.BootstrapTokenSchema.safeParse({...example, consumed_at: null, revoked_at: null}).success).toBe(true);
    expect(S.BootstrapTokenSchema.safeParse({...example, consumed_at: 'yesterday'}).success).toBe(false);
  });

  test('a Whoami with only the required fields parses', () => {
    expect(S.WhoamiSchema.safeParse({principal_type: 'service', subject: '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a0'}).success).toBe(true);
  });
});
