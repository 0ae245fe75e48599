// Flag parsing shared by every verb: plexctl's persistent flags plus strict per-verb sets.
import {parseArgs, type ParseArgsConfig} from 'node:util';
import {isUuid} from '../domain/validate.js';
import {UsageError} from './exitCodes.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OutputMode = 'text' | 'json' | 'yaml';

/** Persistent flags, accepted on every verb (as cobra's persistent flags are in plexctl). */
export const GLOBAL_OPTIONS = {
  server: {type: 'string'},
  profile: {type: 'string'},
  'token-file': {type: 'string'},
  output: {type: 'string'},
  yes: {type: 'boolean'},
  'reveal-secrets': {type: 'boolean'},
  timeout: {type: 'string'},
  'ca-file': {type: 'string'},
  'allow-insecure-http': {type: 'boolean'},
  'no-journal': {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
} as const satisfies OptionSpec;

export type FlagValues = Record<string, string | boolean | undefined>;

/** Validated persistent flags, ready for the config and API layers. */
export type GlobalFlags = {
  readonly server?: string;
  readonly profile?: string;
  readonly tokenFile?: string;
  readonly output: OutputMode;
  readonly yes: boolean;
  /** Raw `--timeout`; src/config parses it (Go duration) before any credential is read. */
  readonly timeout?: string;
  readonly caFile?: string;
  readonly allowInsecureHttp: boolean;
  /** False with `--no-journal`: mutations are not appended to the local journal. */
  readonly journal: boolean;
};

// `--ttl -5m`: node:util reads `-5m` as a flag and reports "--ttl needs a value", hiding the
// real problem (a negative TTL). plexctl's pflag takes the next word as the value; do the
// same for words that look like a negative number or duration, so the value's own check
// names it. Anything else starting with `-` stays a flag (`--server --profile x` is a typo).
const NEGATIVE_VALUE = /^-[\d.]/;

/** Rewrites `--name -5m` as `--name=-5m` for string options. */
export function joinDashValues(args: readonly string[], options: OptionSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    const next = args[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && NEGATIVE_VALUE.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** Strictly parse one verb's flags; an unknown flag or a stray word is a usage error. */
export function parseVerbFlags(args: string[], verbOptions: OptionSpec, verb: string): FlagValues {
  try {
    const {values} = parseArgs({
      args,
      options: {...GLOBAL_OPTIONS, ...verbOptions},
      strict: true,
      allowPositionals: false,
    });
    return values as FlagValues;
  } catch (e) {
    throw new UsageError(describeParseError(e), verb);
  }
}

/** node:util's messages are long and mention `--foo <value>` forms; keep the gist. */
function describeParseError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const unknown = /Unknown option '([^']+)'/.exec(msg);
  if (unknown) return `unknown flag ${unknown[1]}`;
  const positional = /Unexpected argument '([^']+)'/.exec(msg);
  if (positional) return `unexpected argument ${JSON.stringify(positional[1])}`;
  const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument (?:missing|is ambiguous)/.exec(msg);
  if (missing) return `flag ${missing[1]} needs a value`;
  const boolWithValue = /Option '(--[\w-]+)' does not take an argument/.exec(msg);
  if (boolWithValue) return `flag ${boolWithValue[1]} does not take a value`;
  return msg.split('\n')[0] ?? msg;
}

/** Read a string flag; booleans never reach here because parseArgs typed them. */
export function str(values: FlagValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Fail with one message naming every missing required flag. */
export function requireFlags(values: FlagValues, names: string[], verb: string): void {
  const missing = names.filter((n) => str(values, n) === undefined || str(values, n) === '');
  if (missing.length === 0) return;
  const list = missing.map((n) => `--${n}`).join(', ');
  throw new UsageError(`required flag${missing.length > 1 ? 's' : ''} ${list} not set`, verb);
}

/** A UUID flag value, checked locally so a typo never reaches the server. */
export function uuidFlag(values: FlagValues, name: string, verb: string): string {
  const v = str(values, name) ?? '';
  if (!isUuid(v)) throw new UsageError(`--${name} ${JSON.stringify(v)} is not a UUID`, verb);
  return v;
}

/** Validate the persistent flags before any I/O (src/config checks timeout and CA file). */
export function globalFlags(values: FlagValues, verb: string): GlobalFlags {
  const output = str(values, 'output') ?? 'text';
  if (output !== 'text' && output !== 'json' && output !== 'yaml') {
    throw new UsageError(`--output must be text, json or yaml, not ${JSON.stringify(output)}`, verb);
  }
  return {
    server: str(values, 'server'),
    profile: str(values, 'profile'),
    tokenFile: str(values, 'token-file'),
    output,
    yes: values.yes === true,
    timeout: str(values, 'timeout'),
    caFile: str(values, 'ca-file'),
    allowInsecureHttp: values['allow-insecure-http'] === true,
    journal: values['no-journal'] !== true,
  };
}

/** `--project` and `--token-id`, both required UUIDs (get and revoke address one token). */
export function tokenTarget(values: FlagValues, verb: string): {project: string; tokenId: string} {
  requireFlags(values, ['project', 'token-id'], verb);
  return {project: uuidFlag(values, 'project', verb), tokenId: uuidFlag(values, 'token-id', verb)};
}
