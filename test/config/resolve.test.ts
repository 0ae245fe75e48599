import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {createClient} from '../../src/api/client.js';
import {ConfigError, resolveClientOptions, resolveConnection, type ConnectionFlags} from '../../src/config/resolve.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'plexconsole-config-'));
});
afterEach(() => rmSync(home, {recursive: true, force: true}));

const configPath = (base = join(home, '.config')): string => join(base, 'plexctl', 'config.json');
function writeProfiles(doc: unknown, mode = 0o600, path = configPath()): string {
  mkdirSync(join(path, '..'), {recursive: true});
  writeFileSync(path, JSON.stringify(doc));
  chmodSync(path, mode);
  return path;
}
function writeToken(content: string, mode = 0o600): string {
  const path = join(home, `token-${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}
// Group-only and others-only bits each on their own, read and write alike.
const LOOSE = [0o644, 0o640, 0o604, 0o620, 0o602, 0o610, 0o601].map((m) => [m.toString(8), m] as const);
const resolve = (flags: ConnectionFlags = {}, env: NodeJS.ProcessEnv = {}) => resolveConnection({flags, env, homeDir: home});
function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

const PROFILES = {
  default: 'prod',
  profiles: {
    prod: {server: 'https://prod.example.com', token: 'tok-prod'},
    staging: {url: 'https://staging.example.com', token: 'tok-staging'},
    lab: {server_url: 'https://lab.example.com', token: 'tok-lab'},
  },
};

describe('precedence: flag > env > profile', () => {
  test.each([
    ['flags win over env and profile', true, true, 'https://flag.example.com', 'tok-file', 'flags'],
    ['env wins over profile', false, true, 'https://env.example.com', 'tok-env', 'env'],
    ['profile is the fallback', false, false, 'https://prod.example.com', 'tok-prod', 'profile'],
  ] as const)('%s', (_name, useFlags, useEnv, server, token, source) => {
    writeProfiles(PROFILES);
    const flags = useFlags ? {server: 'https://flag.example.com', tokenFile: writeToken('tok-file\n')} : {};
    const env = useEnv ? {PLEXSPHERE_URL: 'https://env.example.com', PLEXSPHERE_TOKEN: 'tok-env'} : {};
    expect(resolve(flags, env)).toMatchObject({server, token, source});
  });

  test('server and token may come from different sources', () => {
    writeProfiles(PROFILES);
    const r = resolve({server: 'https://flag.example.com'}, {PLEXSPHERE_TOKEN: 'tok-env'});
    expect(r).toMatchObject({server: 'https://flag.example.com', token: 'tok-env', serverSource: 'flags', tokenSource: 'env', profileLabel: 'env'});
  });

  test('environment only works without any profile file', () => {
    expect(resolve({}, {PLEXSPHERE_URL: 'https://env.example.com', PLEXSPHERE_TOKEN: 'tok-env'})).toMatchObject({
      server: 'https://env.example.com',
      token: 'tok-env',
      profileLabel: 'env',
      profileName: undefined,
    });
  });

  test('flags only are labelled flags', () => {
    expect(resolve({server: 'https://f.example.com', tokenFile: writeToken('t')}).profileLabel).toBe('flags');
  });

  test('an empty PLEXSPHERE_TOKEN counts as unset', () => {
    writeProfiles(PROFILES);
    expect(resolve({}, {PLEXSPHERE_TOKEN: ''}).token).toBe('tok-prod');
  });
});

describe('profiles', () => {
  test('the default pointer picks the profile and labels the header', () => {
    writeProfiles(PROFILES);
    expect(resolve()).toMatchObject({profileName: 'prod', profileLabel: 'prod'});
  });

  test.each([
    ['staging', 'https://staging.example.com'],
    ['lab', 'https://lab.example.com'],
  ])('--profile %s reads the server under its alias', (name, server) => {
    writeProfiles(PROFILES);
    expect(resolve({profile: name})).toMatchObject({server, profileName: name});
  });

  test('an unknown --profile is exit 2 listing the known names', () => {
    writeProfiles(PROFILES);
    const e = configError(() => resolve({profile: 'qa'}));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('unknown profile "qa"');
    expect(e.message).toContain('prod, staging, lab');
  });

  test('an unknown --profile is exit 2 even when flags supply everything', () => {
    const e = configError(() => resolve({profile: 'qa', server: 'https://f.example.com', tokenFile: writeToken('t')}));
    expect(e.exitCode).toBe(2);
  });

  test('XDG_CONFIG_HOME moves the profile file', () => {
    const xdg = join(home, 'xdg');
    writeProfiles({default: 'x', profiles: {x: {server: 'https://xdg.example.com', token: 't'}}}, 0o600, configPath(xdg));
    expect(resolve({}, {XDG_CONFIG_HOME: xdg}).server).toBe('https://xdg.example.com');
  });

  // Group-only and others-only bits each on their own: a check of one class alone
  // (`mode & 0o004`, `mode & 0o040`) passes 0644 but not both of these.
  test.each(LOOSE)('a profile file with mode %s is refused when its token is used', (_octal, mode) => {
    const path = writeProfiles(PROFILES, mode);
    const e = configError(() => resolve());
    expect(e.exitCode).toBe(3);
    expect(e.message).toBe(`insecure credentials: chmod 600 ${path}`);
  });

  test('a loose profile file is fine when only its server is used', () => {
    writeProfiles(PROFILES, 0o644);
    expect(resolve({}, {PLEXSPHERE_TOKEN: 'tok-env'}).server).toBe('https://prod.example.com');
  });

  test('a malformed profile file is exit 2 when it is needed', () => {
    mkdirSync(join(configPath(), '..'), {recursive: true});
    writeFileSync(configPath(), '{not json', {mode: 0o600});
    expect(configError(() => resolve()).exitCode).toBe(2);
    expect(resolve({}, {PLEXSPHERE_URL: 'https://e.example.com', PLEXSPHERE_TOKEN: 't'}).server).toBe('https://e.example.com');
  });
});

describe('missing and insecure credentials', () => {
  test('no server anywhere is exit 2 naming --server, PLEXSPHERE_URL and the profile', () => {
    const e = configError(() => resolve({}, {PLEXSPHERE_TOKEN: 't'}));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('--server');
    expect(e.message).toContain('PLEXSPHERE_URL');
    expect(e.message).toContain(configPath());
  });

  test('a profile without a server is named in the exit 2 message', () => {
    writeProfiles({default: 'p', profiles: {p: {token: 't'}}});
    expect(configError(() => resolve()).message).toContain('profile "p"');
  });

  test('no token anywhere is exit 3', () => {
    const e = configError(() => resolve({server: 'https://f.example.com'}));
    expect(e.exitCode).toBe(3);
    expect(e.message).toContain('PLEXSPHERE_TOKEN');
  });

  test.each(LOOSE)('a token file with mode %s is exit 3 asking for chmod 600', (_octal, mode) => {
    const path = writeToken('t', mode);
    const e = configError(() => resolve({server: 'https://f.example.com', tokenFile: path}));
    expect(e.exitCode).toBe(3);
    expect(e.message).toBe(`insecure credentials: chmod 600 ${path}`);
  });

  test.each([0o600, 0o400].map((m) => [m.toString(8), m] as const))('a token file with mode %s is accepted', (_octal, mode) => {
    expect(resolve({server: 'https://f.example.com', tokenFile: writeToken('tok-private', mode)}).token).toBe('tok-private');
  });

  test('a token file with mode 0600 is read with its trailing newline trimmed', () => {
    expect(resolve({server: 'https://f.example.com', tokenFile: writeToken('tok-file\n')}).token).toBe('tok-file');
  });

  test('a missing or empty token file is exit 3', () => {
    expect(configError(() => resolve({server: 'https://f.example.com', tokenFile: join(home, 'nope')})).exitCode).toBe(3);
    expect(configError(() => resolve({server: 'https://f.example.com', tokenFile: writeToken('\n')})).exitCode).toBe(3);
  });

  test('no error message ever contains the token', () => {
    writeProfiles({default: 'p', profiles: {p: {token: 'tok-secret-value'}}}, 0o644);
    expect(configError(() => resolve()).message).not.toContain('tok-secret-value');
  });
});

describe('resolveClientOptions', () => {
  const env = {PLEXSPHERE_TOKEN: 't'};
  const opts = (flags: Parameters<typeof resolveClientOptions>[0]['flags'], onWarning?: (m: string) => void) =>
    resolveClientOptions({flags, env, homeDir: home, onWarning});

  test('--timeout takes a Go duration', () => {
    expect(opts({server: 'https://f.example.com', timeout: '1m30s'}).options.timeoutMs).toBe(90_000);
  });

  test.each(['10', '1d', '0s', '-5s'])('--timeout %s is exit 2', (timeout) => {
    expect(configError(() => opts({server: 'https://f.example.com', timeout})).exitCode).toBe(2);
  });

  test('plain http to a remote host is exit 2 without --allow-insecure-http', () => {
    const e = configError(() => opts({server: 'http://cp.example.com'}));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('--allow-insecure-http');
  });

  test.each(['http://127.0.0.1:8080', 'http://[::1]:8080', 'http://localhost:8080'])('plain http to loopback %s is allowed', (server) => {
    expect(opts({server}).options.server).toBe(server);
  });

  test('--allow-insecure-http allows remote http and the client warns once', async () => {
    const warnings: string[] = [];
    const {options} = opts({server: 'http://cp.example.com', allowInsecureHttp: true}, (w) => warnings.push(w));
    const client = createClient(options);
    await client.close();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/clear text/);
  });

  test('an unreadable --ca-file is exit 2', () => {
    expect(configError(() => opts({server: 'https://f.example.com', caFile: join(home, 'missing.pem')})).exitCode).toBe(2);
  });

  test('an invalid server URL is exit 2', () => {
    expect(configError(() => opts({server: 'cp.example.com'})).exitCode).toBe(2);
  });
});
