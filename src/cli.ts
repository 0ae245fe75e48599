// The start-up path: keep static imports here to the few small modules every invocation
// needs. The console, the headless verbs and the sandbox are each imported on demand, and
// the build (scripts/build.mjs) turns each of those imports into a separately loaded piece
// with its own code cache, so `--version` or a verb never parses the console (BENCHMARKS.md).
import {homedir} from 'node:os';
import {CONSOLE_USAGE, parseConsoleArgs, type ConsoleArgs} from './consoleArgs.js';
import {VERSION} from './version.js';

/** argv → sandbox | headless verb | interactive console; resolves with the exit code. */
async function main(argv: string[]): Promise<number> {
  const {stdin, stdout, stderr, env} = process;
  if (argv[0] === 'sandbox') {
    // Loaded on demand: sql.js and its inlined WASM cost start-up time the console never needs.
    const {runSandbox} = await import('./sandbox/cli.js');
    return runSandbox(argv.slice(1), {stdout, stderr, env});
  }
  // Console flags first: the headless verbs (and yaml) load only when argv is not a plain
  // console invocation, which keeps the console's first frame fast (BENCHMARKS.md §1).
  let args: ConsoleArgs | undefined;
  let flagError: Error | undefined;
  try {
    args = parseConsoleArgs(argv);
  } catch (error) {
    flagError = error as Error;
  }
  // A bare --version is answered here, without loading the verbs (same text as `version`).
  if (args?.version && !args.help) {
    stdout.write(`plexconsole ${VERSION}\n`);
    return 0;
  }
  if (!args) {
    const commands = await import('./commands/index.js');
    if (commands.isCommand(argv)) {
      return commands.runCommand(argv, {stdout, stderr, stdin, env, isTTY: Boolean(stdin.isTTY && stderr.isTTY), homeDir: homedir()});
    }
  }
  if (!args) {
    stderr.write(`plexconsole: ${flagError?.message ?? 'bad arguments'}\n${CONSOLE_USAGE}`);
    return 2;
  }
  if (args.help) {
    const {usage} = await import('./commands/index.js');
    stdout.write(`${CONSOLE_USAGE}\n${usage()}`);
    return 0;
  }
  // Never hang a script: the console needs a terminal on both ends.
  if (!stdin.isTTY || !stdout.isTTY) {
    const {usage} = await import('./commands/index.js');
    stderr.write(`plexconsole: the console needs a terminal (stdin and stdout must be TTYs)\n${CONSOLE_USAGE}\n${usage()}`);
    return 2;
  }
  const {openConsole} = await import('./openConsole.js');
  return openConsole(args, {stdin, stdout, stderr, env, homeDir: homedir()});
}

main(process.argv.slice(2)).then(
  (code) => {
    // Exit only after stdout has drained: a piped `--output json` must not be cut short.
    process.exitCode = code;
    process.stdout.write('', () => process.exit(code));
    // …but never wait on a terminal that is gone (EIO): its callback may not come.
    // Writes to a TTY are synchronous, so nothing is lost; pipes drain as usual.
    if (process.stdout.isTTY) setTimeout(() => process.exit(code), 2000);
  },
  async (error: unknown) => {
    // Sanitised, and never the bearer: a crash report is printed like anything else.
    const {formatErrorLine} = await import('./api/errors.js');
    process.stderr.write(`plexconsole: internal error: ${formatErrorLine(error)}\n`);
    process.exit(70);
  },
);
