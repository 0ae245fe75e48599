// Entry point of the headless verbs: argv in, exit code out. Never exits the process.
import type {ApiClient} from '../api/client.js';
import {redactCredentials} from '../api/credential.js';
import {ApiError, formatErrorLine} from '../api/errors.js';
import {ConfigError} from '../config/errors.js';
import {sanitize} from '../domain/sanitize.js';
import {NO_JOURNAL, type Journal} from '../journal/journal.js';
import {VERSION} from '../version.js';
import {completionScript, SHELLS, type Shell} from './completion.js';
import {connectClient} from './connect.js';
import {EXIT, exitCodeFor, ReportedFailure, UsageError, type Family} from './exitCodes.js';
import {globalFlags, parseVerbFlags} from './flags.js';
import {completionHelp, groupHelp, usage, verbHelp, versionHelp} from './help.js';
import {write} from './output.js';
import {route, type Route} from './route.js';
import type {CommandIO} from './types.js';
import {findVerb, GROUPS, TOP_LEVEL} from './verbs.js';

export type {CommandIO} from './types.js';
export {usage} from './help.js';
export {exitCodeFor} from './exitCodes.js';

/** True when argv names a headless verb (flags may come first), or is a bare --version.
 * A bare --help stays with src/cli.ts, whose help covers the console flags too. */
export function isCommand(argv: readonly string[]): boolean {
  const r = route(argv);
  const first = r.words[0];
  if (first === undefined) return r.version && !r.help;
  return TOP_LEVEL.includes(first);
}

/** Run one verb and return its exit code; all output goes through `io`. */
export async function runCommand(argv: string[], io: CommandIO): Promise<number> {
  let family: Family = 'other';
  let verbName = '';
  let client: ApiClient | undefined;
  let journal: Journal = NO_JOURNAL;
  try {
    const r = route(argv);
    const verb = r.words.length > 0 ? findVerb(r.words.slice(0, r.words[0] && GROUPS.has(r.words[0]) ? 2 : 1)) : undefined;
    if (!verb) return await runLocal(r, io);
    family = verb.family;
    verbName = verb.path.join(' ');
    if (r.help) return await write(io.stdout, verbHelp(verb)).then(() => EXIT.ok);
    const extra = r.words[verb.path.length];
    if (r.unknownFlag) throw new UsageError(`unknown flag ${r.unknownFlag}`, verbName);
    if (extra !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(extra)}`, verbName);
    const values = parseVerbFlags(r.rest, verb.options, verbName);
    const global = globalFlags(values, verbName);
    return await verb.run({
      io,
      values,
      global,
      verb: verbName,
      connect: async () => {
        ({client, journal} = await connectClient(global, io));
        return client;
      },
      journal: () => journal,
      // Whatever a verb prints passes here: the exact credential the client holds never does.
      out: (t) => write(io.stdout, redactCredentials(t)),
      err: (t) => write(io.stderr, redactCredentials(t)),
    });
  } catch (e) {
    await write(io.stderr, redactCredentials(errorLine(e, verbName)));
    return exitCodeFor(e, family);
  } finally {
    await client?.close().catch(() => undefined);
  }
}

/** The one stderr line for a failure (decisions.md format); never the bearer token. */
function errorLine(e: unknown, verbName: string): string {
  if (e instanceof ReportedFailure) return '';
  if (e instanceof UsageError) {
    const help = e.helpFor ?? verbName;
    return `plexconsole: ${sanitize(e.message)} (see 'plexconsole ${help ? `${help} ` : ''}--help')\n`;
  }
  if (e instanceof ConfigError || e instanceof ApiError) return `plexconsole: ${formatErrorLine(e)}\n`;
  return `plexconsole: unexpected error: ${formatErrorLine(e)}\n`;
}

/** Help, version, completion, groups without a subcommand, and unknown words. */
async function runLocal(r: Route, io: CommandIO): Promise<number> {
  const [first, second] = r.words;
  const out = (t: string): Promise<number> => write(io.stdout, t).then(() => EXIT.ok);
  if (r.unknownFlag && !r.help) throw new UsageError(`unknown flag ${r.unknownFlag}`, first);
  if (first === undefined) {
    if (r.version) return out(`plexconsole ${VERSION}\n`);
    if (r.help) return out(usage());
    await write(io.stderr, usage());
    return EXIT.usage;
  }
  if (first === 'version') {
    if (r.help) return out(versionHelp());
    return out(`plexconsole ${VERSION}\n`);
  }
  if (first === 'help') return helpFor(r.words.slice(1), io);
  if (first === 'completion') {
    if (r.help) return out(completionHelp());
    if (!SHELLS.includes(second as Shell)) {
      throw new UsageError(`completion needs one of ${SHELLS.join(', ')}${second ? `, not ${JSON.stringify(sanitize(second))}` : ''}`, 'completion');
    }
    return out(completionScript(second as Shell));
  }
  if (GROUPS.has(first)) {
    if (second === undefined && r.help) return out(groupHelp(first));
    // A group alone is an incomplete command: help on stderr and exit 2, so a script typo
    // never looks like success.
    if (second === undefined) return write(io.stderr, groupHelp(first)).then(() => EXIT.usage);
    throw new UsageError(`unknown command "${sanitize(`${first} ${second}`)}"`, first);
  }
  throw new UsageError(`unknown command ${JSON.stringify(sanitize(first))}`);
}

/** `plexconsole help [words…]`: the same text as `words… --help`. */
async function helpFor(words: string[], io: CommandIO): Promise<number> {
  const [first] = words;
  const verb = findVerb(words);
  const text =
    first === undefined ? usage()
    : verb ? verbHelp(verb)
    : GROUPS.has(first) && words.length === 1 ? groupHelp(first)
    : first === 'completion' ? completionHelp()
    : first === 'version' ? versionHelp()
    : undefined;
  if (text === undefined) throw new UsageError(`unknown command ${JSON.stringify(sanitize(words.join(' ')))}`);
  await write(io.stdout, text);
  return EXIT.ok;
}
