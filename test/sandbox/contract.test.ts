import {describe, expect, test} from 'vitest';
import {assertConforms, assertSchema, findPathTemplate} from '../support/contract.js';

const problem = {type: 'https://plexsphere.com/errors/x', title: 'Not Found', status: 404, detail: 'd', instance: '/v1/projects/x'};
const project = {
  id: '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0aa',
  domain_id: '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a1',
  name: 'Acme',
  slug: 'acme',
  created_at: '2026-05-02T10:00:00Z',
  updated_at: '2026-05-02T10:00:00Z',
};

describe('assertConforms (the contract checker the sandbox tests rely on)', () => {
  test('matches path templates and ignores the query', () => {
    expect(findPathTemplate(`/v1/projects/${project.id}/bootstrap-tokens?limit=5`)).toBe('/v1/projects/{project_id}/bootstrap-tokens');
    expect(findPathTemplate('/v1/nodes/abc/keys/rotate/preview')).toBe('/v1/nodes/{id}/keys/rotate/preview');
    expect(findPathTemplate('/v1/unknown')).toBeUndefined();
  });

  test('accepts a conforming body, with or without a charset', () => {
    expect(() => assertConforms('GET', `/v1/projects/${project.id}`, 200, 'application/json; charset=utf-8', project)).not.toThrow();
    expect(() => assertConforms('DELETE', `/v1/projects/${project.id}/bootstrap-tokens/${project.id}`, 204, undefined, undefined)).not.toThrow();
  });

  test('rejects an undeclared status, a wrong content type, a missing field and a bad format', () => {
    expect(() => assertConforms('GET', '/v1/projects', 418, 'application/json', {})).toThrow(/status not declared/);
    expect(() => assertConforms('GET', `/v1/projects/${project.id}`, 404, 'application/json', problem)).toThrow(/content type/);
    const {slug: _slug, ...noSlug} = project;
    expect(() => assertConforms('GET', `/v1/projects/${project.id}`, 200, 'application/json', noSlug)).toThrow(/slug/);
    expect(() => assertConforms('GET', `/v1/projects/${project.id}`, 200, 'application/json', {...project, created_at: 'yesterday'})).toThrow(/date-time/);
    expect(() => assertConforms('DELETE', `/v1/projects/${project.id}/bootstrap-tokens/${project.id}`, 204, undefined, {})).toThrow(/no body/);
  });

  test('403 on token routes must be a PermissionDenied; 404 a Problem', () => {
    const path = `/v1/projects/${project.id}/bootstrap-tokens`;
    expect(() => assertConforms('POST', path, 403, 'application/problem+json', {...problem, status: 403})).toThrow(/reason/);
    expect(() => assertConforms('POST', path, 404, 'application/problem+json', problem)).not.toThrow();
    expect(() => assertSchema('Problem', {title: 'x'})).toThrow(/Problem/);
  });
});
