import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {forbid, run} from './fixtures/harness.js';
import {startTestServer, type TestServer} from './fixtures/testServer.js';

const TOKEN = 'pst_validation_secret_6b1f0c2e9a';
const P = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a0';
const T = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a1';
const N = '0190a8b8-b1c1-7b1b-8b1b-b1b1b1b1b1b1';

let server: TestServer;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  forbid(TOKEN);
  // Any request at all is a failure of this file: answer 500 so it also shows in the exit code.
  server = await startTestServer(() => ({status: 500, json: {title: 'should not be called'}}));
  env = {PLEXSPHERE_URL: server.url, PLEXSPHERE_TOKEN: TOKEN};
});
afterAll(() => server.close());

const issue = ['bootstrap-token', 'issue', '--project', P, '--kind', 'node', '--env-prefix', 'prod', '--ttl', '1h'];
const without = (args: string[], flag: string): string[] => {
  const i = args.indexOf(flag);
  return [...args.slice(0, i), ...args.slice(i + 2)];
};
const withValue = (args: string[], flag: string, value: string): string[] =>
  args.map((a, i) => (args[i - 1] === flag ? value : a));

// [name, argv, a fragment the one-line error must contain]
const cases: [string, string[], string][] = [
  ['TTL below 5m', withValue(issue, '--ttl', '4m59s'), 'between 5m and 24h'],
  ['TTL above 24h', withValue(issue, '--ttl', '24h1s'), 'between 5m and 24h'],
  ['unparsable TTL', withValue(issue, '--ttl', 'an hour'), 'duration'],
  ['bare-number TTL', withValue(issue, '--ttl', '3600'), 'duration'],
  ['env prefix with digits', withValue(issue, '--env-prefix', 'prod1'), '^[a-z]+$'],
  ['env prefix in capitals', withValue(issue, '--env-prefix', 'Prod'), '^[a-z]+$'],
  ['env prefix too long', withValue(issue, '--env-prefix', 'a'.repeat(33)), '^[a-z]+$'],
  ['unknown kind', withValue(issue, '--kind', 'vm'), '--kind must be node or bridge'],
  ['malformed project UUID', withValue(issue, '--project', 'not-a-uuid'), 'is not a UUID'],
  ['missing --ttl', without(issue, '--ttl'), '--ttl'],
  ['missing several flags', ['bootstrap-token', 'issue', '--project', P], '--kind, --env-prefix, --ttl'],
  ['unknown flag', [...issue, '--colour'], 'unknown flag --colour'],
  ['stray positional', [...issue, 'extra'], 'unexpected argument "extra"'],
  ['flag without value', ['bootstrap-token', 'list', '--project'], '--project needs a value'],
  ['bad output mode', ['bootstrap-token', 'list', '--project', P, '--output', 'xml'], '--output must be text, json or yaml'],
  ['--all with --cursor', ['bootstrap-token', 'list', '--project', P, '--all', '--cursor', 'abc'], '--all cannot be combined with --cursor'],
  ['limit above 200', ['bootstrap-token', 'list', '--project', P, '--limit', '201'], '--limit'],
  ['negative limit', ['bootstrap-token', 'list', '--project', P, '--limit=-1'], '--limit'],
  ['non-integer limit', ['bootstrap-token', 'list', '--project', P, '--limit', '2.5'], '--limit'],
  ['get with malformed token id', ['bootstrap-token', 'get', '--project', P, '--token-id', '1234'], 'is not a UUID'],
  ['get without --project', ['bootstrap-token', 'get', '--token-id', T], '--project'],
  ['revoke without --yes off a terminal', ['bootstrap-token', 'revoke', '--project', P, '--token-id', T], '--yes'],
  ['revoke with malformed id', ['bootstrap-token', 'revoke', '--project', P, '--token-id', 'x', '--yes'], 'is not a UUID'],
  ['key rotate with malformed node', ['key', 'rotate', '--node', 'node-1'], 'is not a UUID'],
  ['key rotate without --node', ['key', 'rotate', '--dry-run'], '--node'],
  ['bad timeout', ['whoami', '--timeout', 'soon'], '--timeout'],
  ['plain http to a non-loopback host', ['whoami', '--server', 'http://192.0.2.1:8080'], '--allow-insecure-http'],
  ['malformed --server', ['whoami', '--server', 'not a url'], 'invalid server URL'],
  ['unreadable --ca-file', ['whoami', '--ca-file', '/nonexistent/ca.pem'], '--ca-file'],
  ['unknown subcommand', ['bootstrap-token', 'mint'], 'unknown command'],
  ['group without subcommand', ['key'], 'rotate'],
];

describe('invalid input exits 2 and never reaches the server', () => {
  it.each(cases)('%s', async (_name, argv, fragment) => {
    const r = await run(argv, {env});
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(fragment);
    expect(r.stderr.trimEnd().split('\n').length, r.stderr).toBeLessThanOrEqual(argv.length <= 1 ? 20 : 1);
    expect(server.requests).toEqual([]);
  });

  it('an unknown profile exits 2 listing the known ones', async () => {
    const home = mkdtempSync(join(tmpdir(), 'plexconsole-profile-'));
    mkdirSync(join(home, '.config', 'plexctl'), {recursive: true});
    const profiles = {default: 'prod', profiles: {prod: {server: server.url, token: TOKEN}}};
    writeFileSync(join(home, '.config', 'plexctl', 'config.json'), JSON.stringify(profiles), {mode: 0o600});
    const r = await run(['whoami', '--profile', 'nope'], {env: {}, homeDir: home});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope');
    expect(r.stderr).toContain('prod');
    expect(server.requests).toEqual([]);
  });

  it('flag errors name the verb whose --help explains them', async () => {
    const r = await run(['bootstrap-token', 'list', '--project', P, '--limit', 'x'], {env});
    expect(r.stderr).toMatch(/^plexconsole: .*\(see 'plexconsole bootstrap-token list --help'\)\n$/);
  });

  it('accepts --flag=value and --flag value alike', async () => {
    const a = await run(['key', 'rotate', '--node=bad'], {env});
    const b = await run(['key', 'rotate', '--node', 'bad'], {env});
    expect(a).toEqual(b);
    expect(a.code).toBe(2);
  });
});
