import {readFileSync, statSync} from 'node:fs';
import {isAbsolute, join} from 'node:path';
import {ConfigError} from './errors.js';

/** One plexctl profile, with the server under any of its accepted names. */
export type Profile = {server?: string; token?: string};

/** plexctl's config file: named profiles and a `default` pointer. */
export type ProfileFile = {path: string; defaultName?: string; profiles: ReadonlyMap<string, Profile>};

/** `$XDG_CONFIG_HOME/plexctl/config.json`, else `~/.config/plexctl/config.json`. */
export function profileFilePath(env: NodeJS.ProcessEnv, homeDir: string): string {
  const xdg = env.XDG_CONFIG_HOME;
  // The XDG spec says relative values are invalid and must be ignored.
  const base = xdg && isAbsolute(xdg) ? xdg : join(homeDir, '.config');
  return join(base, 'plexctl', 'config.json');
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** Reads the profile file; undefined when it does not exist. Malformed JSON is a ConfigError (exit 2). */
export function readProfileFile(path: string): ProfileFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(2, `cannot read profile file ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ConfigError(2, `profile file ${path} is not valid JSON`);
  }
  const obj = (doc !== null && typeof doc === 'object' ? doc : {}) as Record<string, unknown>;
  const raw = (obj.profiles !== null && typeof obj.profiles === 'object' ? obj.profiles : {}) as Record<string, unknown>;
  const profiles = new Map<string, Profile>();
  for (const [name, p] of Object.entries(raw)) {
    if (p === null || typeof p !== 'object') continue;
    const rec = p as Record<string, unknown>;
    profiles.set(name, {server: str(rec.server) ?? str(rec.url) ?? str(rec.server_url), token: str(rec.token)});
  }
  return {path, defaultName: str(obj.default), profiles};
}

/** Refuses a credential file readable or writable by group or others, as ssh does for keys. */
export function assertPrivate(path: string): void {
  if (process.platform === 'win32') return;
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (e) {
    throw new ConfigError(3, `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if ((mode & 0o077) !== 0) throw new ConfigError(3, `insecure credentials: chmod 600 ${path}`);
}
