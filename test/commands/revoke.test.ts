// bootstrap-token revoke: confirmation, idempotency and the consumed case, against the sandbox.
import {describe, expect, it} from 'vitest';
import {run} from './fixtures/harness.js';
import {useCommandSandbox} from './fixtures/sandbox.js';

const ctx = useCommandSandbox();
const demo = () => ctx.sb.demo as NonNullable<typeof ctx.sb.demo>;
const P = (): string => demo().tokenProjectId;

/** A fresh live token to revoke. */
async function liveToken(): Promise<string> {
  const r = await ctx.op(['bootstrap-token', 'issue', '--project', P(), '--kind', 'node', '--env-prefix', 'ci', '--ttl', '10m', '--output', 'json']);
  return (JSON.parse(r.stdout) as {token_id: string}).token_id;
}
async function stateOf(id: string): Promise<string | undefined> {
  const r = await ctx.op(['bootstrap-token', 'get', '--project', P(), '--token-id', id]);
  return /\nstate: (\w+)\n$/.exec(r.stdout)?.[1];
}
const revoke = (id: string): string[] => ['bootstrap-token', 'revoke', '--project', P(), '--token-id', id];

describe('bootstrap-token revoke --yes', () => {
  it('text confirms on stdout and the token is revoked', async () => {
    const id = await liveToken();
    expect(await ctx.op([...revoke(id), '--yes'])).toEqual({code: 0, stdout: `Token ${id} revoked\n`, stderr: ''});
    expect(await stateOf(id)).toBe('revoked');
  });

  it.each(['json', 'yaml'])('%s prints nothing (the API has no body) and exits 0', async (mode) => {
    const id = await liveToken();
    expect(await ctx.op([...revoke(id), '--yes', '--output', mode])).toEqual({code: 0, stdout: '', stderr: ''});
    expect(await stateOf(id)).toBe('revoked');
  });

  it.each(['text', 'json', 'yaml'])('an already revoked token is an idempotent no-op in %s: exit 0, note on stderr', async (mode) => {
    const r = await ctx.op([...revoke(demo().tokens.revoked), '--yes', '--output', mode]);
    expect(r).toMatchObject({code: 0, stdout: ''});
    expect(r.stderr).toMatch(new RegExp(`^plexconsole: token ${demo().tokens.revoked} was already revoked at \\S+Z; nothing changed\\n$`));
  });

  it.each(['text', 'json', 'yaml'])('a consumed token exits 1 in %s and says when a redeemer used it', async (mode) => {
    const meta = await ctx.op(['bootstrap-token', 'get', '--project', P(), '--token-id', demo().tokens.consumed]);
    const consumedAt = /consumed_at: (\S+)/.exec(meta.stdout)?.[1];
    const r = await ctx.op([...revoke(demo().tokens.consumed), '--yes', '--output', mode]);
    expect(r).toEqual({code: 1, stdout: '', stderr: `plexconsole: a redeemer used this token at ${consumedAt}; revoking had no effect\n`});
    expect(await stateOf(demo().tokens.consumed)).toBe('consumed');
  });

  it('the viewer gets 403 → exit 4 and the token stays live', async () => {
    const id = await liveToken();
    const r = await ctx.viewer([...revoke(id), '--yes']);
    expect(r).toMatchObject({code: 4, stdout: ''});
    expect(await stateOf(id)).toBe('live');
  });

  it('an unknown token is 404 → exit 4; a wrong bearer exits 3', async () => {
    const missing = await ctx.op([...revoke('0190a8b8-0000-7000-8000-0000000000aa'), '--yes']);
    expect(missing).toMatchObject({code: 4, stdout: ''});
    const env = {PLEXSPHERE_URL: ctx.sb.url, PLEXSPHERE_TOKEN: 'psat_wrong'};
    expect((await run([...revoke(demo().tokens.live), '--yes'], {env})).code).toBe(3);
  });
});

describe('bootstrap-token revoke without --yes', () => {
  it('off a terminal it refuses with exit 2 and sends nothing', async () => {
    const id = await liveToken();
    const r = await ctx.op(revoke(id), {isTTY: false, stdin: 'y\n'});
    expect(r).toMatchObject({code: 2, stdout: ''});
    expect(r.stderr).toContain('--yes');
    expect(await stateOf(id)).toBe('live');
  });

  it.each(['y\n', 'YES\n', ' yes \n'])('on a terminal, answering %j revokes', async (answer) => {
    const id = await liveToken();
    const r = await ctx.op(revoke(id), {isTTY: true, stdin: answer});
    expect(r).toEqual({code: 0, stdout: `Token ${id} revoked\n`, stderr: `Revoke token ${id}? [y/N] `});
    expect(await stateOf(id)).toBe('revoked');
  });

  it.each(['n\n', '\n', 'yep\n', ''])('on a terminal, answering %j aborts with exit 1 and sends nothing', async (answer) => {
    const id = await liveToken();
    const r = await ctx.op(revoke(id), {isTTY: true, stdin: answer});
    expect(r).toEqual({code: 1, stdout: '', stderr: `Revoke token ${id}? [y/N] Aborted.\n`});
    expect(await stateOf(id)).toBe('live');
  });
});
