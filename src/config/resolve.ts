import {accessSync, constants, readFileSync} from 'node:fs';
import type {ClientOptions} from '../api/client.js';
import {ApiError} from '../api/errors.js';
import {checkServerUrl} from '../api/transport.js';
import {parseGoDuration} from '../domain/duration.js';
import {ConfigError} from './errors.js';
import {assertPrivate, profileFilePath, readProfileFile, type Profile, type ProfileFile} from './profiles.js';

export {ConfigError, isConfigError} from './errors.js';

/** Where a setting came from. */
export type Source = 'flags' | 'env' | 'profile';

/** The connection flags shared by every verb and the console. */
export type ConnectionFlags = {server?: string; profile?: string; tokenFile?: string};

/** What resolveConnection reads: flags, the environment and the home directory (all injected). */
export type ResolveInput = {flags: ConnectionFlags; env: NodeJS.ProcessEnv; homeDir: string};

/** The server and bearer token to use; `source` is where the token came from, `profileLabel` is for the console header. */
export type ResolvedConnection = {
  server: string;
  token: string;
  profileName?: string;
  source: Source;
  serverSource: Source;
  tokenSource: Source;
  profileLabel: string;
};

const nonEmpty = (v: string | undefined): string | undefined => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);

function readTokenFile(path: string): string {
  assertPrivate(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(3, `cannot read token file ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  // `echo "$TOKEN" > file` leaves a newline; a bearer token never contains whitespace.
  const token = text.trim();
  if (token === '') throw new ConfigError(3, `token file ${path} is empty`);
  return token;
}

const known = (f: ProfileFile | undefined): string =>
  f && f.profiles.size > 0 ? `known: ${[...f.profiles.keys()].join(', ')}` : 'no profiles defined';

/** Resolves server and token per decisions.md: flag > env > profile; throws ConfigError (2 input, 3 credentials). */
export function resolveConnection(input: ResolveInput): ResolvedConnection {
  const {flags, env} = input;
  const path = profileFilePath(env, input.homeDir);
  // The profile file is read only when a setting falls through to it (or --profile names one),
  // so a broken or loose-mode file never blocks flags/env users.
  let loaded: {file: ProfileFile | undefined} | undefined;
  const file = (): ProfileFile | undefined => (loaded ??= {file: readProfileFile(path)}).file;
  let chosen: {name: string; profile: Profile} | undefined | null = null;
  const select = (): {name: string; profile: Profile} | undefined => {
    if (chosen !== null) return chosen;
    const f = file();
    const name = flags.profile ?? f?.defaultName ?? (f?.profiles.has('default') ? 'default' : f?.profiles.size === 1 ? [...f.profiles.keys()][0] : undefined);
    if (name === undefined) return (chosen = undefined);
    const profile = f?.profiles.get(name);
    if (!profile) {
      const what = flags.profile !== undefined ? 'unknown profile' : 'default profile not found:';
      throw new ConfigError(2, `${what} "${name}" in ${path} (${known(f)})`);
    }
    return (chosen = {name, profile});
  };
  if (flags.profile !== undefined) select();
  // The profile already selected, if any (a function, so TS does not narrow the closure variable).
  const picked = (): {name: string; profile: Profile} | undefined => chosen ?? undefined;

  let server = nonEmpty(flags.server);
  let serverSource: Source = 'flags';
  if (server === undefined && (server = nonEmpty(env.PLEXSPHERE_URL)) !== undefined) serverSource = 'env';
  if (server === undefined && (server = select()?.profile.server) !== undefined) serverSource = 'profile';
  if (server === undefined) {
    const where = picked() ? `set "server" in profile "${picked()?.name}" of ${path}` : `add a profile to ${path} (plexctl login)`;
    throw new ConfigError(2, `no server configured: pass --server, set PLEXSPHERE_URL, or ${where}`);
  }

  let token: string | undefined;
  let tokenSource: Source = 'flags';
  const tokenFile = nonEmpty(flags.tokenFile);
  if (tokenFile !== undefined) token = readTokenFile(tokenFile);
  else if ((token = nonEmpty(env.PLEXSPHERE_TOKEN)) !== undefined) tokenSource = 'env';
  else if ((token = select()?.profile.token) !== undefined) {
    tokenSource = 'profile';
    assertPrivate(path);
  }
  if (token === undefined) {
    const where = picked() ? `profile "${picked()?.name}" in ${path} has no token` : `no profile in ${path}`;
    throw new ConfigError(3, `no credentials: pass --token-file PATH, set PLEXSPHERE_TOKEN, or run plexctl login (${where})`);
  }

  const usedProfile = serverSource === 'profile' || tokenSource === 'profile';
  const usedEnv = serverSource === 'env' || tokenSource === 'env';
  return {
    server,
    token,
    profileName: usedProfile ? picked()?.name : undefined,
    source: tokenSource,
    serverSource,
    tokenSource,
    profileLabel: usedProfile ? (picked()?.name ?? 'profile') : usedEnv ? 'env' : 'flags',
  };
}

/** Flags that shape the client beyond the connection. */
export type ClientFlags = ConnectionFlags & {timeout?: string; caFile?: string; allowInsecureHttp?: boolean};

/** Resolves the connection plus `--timeout` (Go duration), `--ca-file` and `--allow-insecure-http` into ClientOptions. */
export function resolveClientOptions(input: {
  flags: ClientFlags;
  env: NodeJS.ProcessEnv;
  homeDir: string;
  onWarning?: (msg: string) => void;
}): {options: ClientOptions; connection: ResolvedConnection} {
  const {flags, env} = input;
  let timeoutMs: number | undefined;
  if (flags.timeout !== undefined) {
    timeoutMs = parseGoDuration(flags.timeout.trim());
    if (timeoutMs === undefined || timeoutMs <= 0) {
      throw new ConfigError(2, `invalid --timeout ${JSON.stringify(flags.timeout)}: use a duration such as 30s or 2m`);
    }
  }
  const caFile = nonEmpty(flags.caFile);
  if (caFile !== undefined) {
    try {
      accessSync(caFile, constants.R_OK);
    } catch (e) {
      throw new ConfigError(2, `cannot read --ca-file ${caFile}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }
  const connection = resolveConnection({flags, env, homeDir: input.homeDir});
  const allowInsecureHttp = flags.allowInsecureHttp ?? false;
  try {
    checkServerUrl(connection.server, allowInsecureHttp);
  } catch (e) {
    if (e instanceof ApiError) throw new ConfigError(2, e.detail ? `${e.title}: ${e.detail}` : e.title);
    throw e;
  }
  const options: ClientOptions = {server: connection.server, token: connection.token, allowInsecureHttp, env};
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  if (caFile !== undefined) options.caFile = caFile;
  if (input.onWarning) options.onWarning = input.onWarning;
  return {options, connection};
}
