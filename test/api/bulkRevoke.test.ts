// revokeMany against the sandbox: one outcome per token, nothing ambiguous when stopped.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {listAllBootstrapTokens} from '../../src/api/bootstrapTokens.js';
import {countOutcomes, revokeMany} from '../../src/api/bulkRevoke.js';
import {createClient, type ApiClient} from '../../src/api/client.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox({seed: 'empty'});
let c: ApiClient;
beforeAll(() => {
  c = createClient({server: sandbox().url, token: sandbox().operatorToken});
});
afterAll(() => c.close());

async function project(count: number, state: 'live' | 'mixed') {
  const {id} = await sandbox().addProject({slug: `rm-${Date.now()}-${count}`, name: 'RM'});
  await sandbox().seedTokens(id, count, {state});
  return {id, tokens: (await listAllBootstrapTokens(c, id)).items};
}

describe('revokeMany', () => {
  it('tokens already revoked or consumed in the roster are reported without a request', async () => {
    const p = await project(8, 'mixed');
    const results = await revokeMany(c, p.id, p.tokens);
    expect(countOutcomes(results)).toEqual({revoked: 4, already_revoked: 2, consumed: 2, failed: 0, not_attempted: 0});
    expect(results.filter((r) => r.kind === 'already_revoked' || r.kind === 'consumed').every((r) => !r.sent)).toBe(true);
    expect(results.map((r) => r.token.id)).toEqual(p.tokens.map((t) => t.id));
  });

  it('stopped midway: in-flight requests finish, the rest are not attempted and unchanged', async () => {
    const p = await project(20, 'live');
    const ac = new AbortController();
    const results = await revokeMany(c, p.id, p.tokens, {concurrency: 2, signal: ac.signal, onResult: () => ac.abort()});
    const n = countOutcomes(results);
    expect(n.revoked).toBeGreaterThanOrEqual(1);
    expect(n.revoked).toBeLessThanOrEqual(2);
    expect(n.revoked + n.not_attempted).toBe(20);
    const after = new Map((await listAllBootstrapTokens(c, p.id)).items.map((t) => [t.id, t]));
    for (const r of results) expect(Boolean(after.get(r.token.id)?.revoked_at)).toBe(r.kind === 'revoked');
  });
});
