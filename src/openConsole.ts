import type {Readable, Writable} from 'node:stream';
import {createClient, createConnectingClient, type ApiClient} from './api/client.js';
import {getWhoami} from './api/whoami.js';
import {isConfigError, resolveClientOptions} from './config/resolve.js';
import type {ConsoleArgs} from './consoleArgs.js';
import {runConsole} from './console.js';
import type {Route} from './hooks/navigation.js';
import {openJournal} from './journal/journal.js';
import type {Sandbox} from './sandbox/server.js';

type ProcessIO = {
  readonly stdin: Readable & {isTTY?: boolean};
  readonly stdout: Writable & {isTTY?: boolean};
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
  readonly homeDir: string;
};

/**
 * Connects (to the embedded demo sandbox, or per flags > env > plexctl profile)
 * and runs the console until the operator leaves; resolves with the exit code.
 * A configuration problem is reported here, inside the console's piece of the bundle
 * (scripts/build.mjs): its ConfigError class is not the entry's.
 */
export async function openConsole(args: ConsoleArgs, io: ProcessIO): Promise<number> {
  try {
    return await connectAndRun(args, io);
  } catch (error) {
    if (!isConfigError(error)) throw error;
    io.stderr.write(`plexconsole: ${error.message}\n`);
    return error.exitCode;
  }
}

async function connectAndRun(args: ConsoleArgs, io: ProcessIO): Promise<number> {
  let sandbox: Sandbox | undefined;
  let client: ApiClient;
  let profileLabel: string;
  let bearer: string;
  if (args.demo) {
    // The demo runs the same sandbox `plexconsole sandbox` serves, in-process on a free
    // loopback port. Imported on demand so a console on a real control plane starts faster.
    const {startSandbox} = await import('./sandbox/server.js');
    sandbox = await startSandbox({host: '127.0.0.1', port: 0, seed: 'demo'});
    client = createClient({server: sandbox.url, token: sandbox.operatorToken});
    bearer = sandbox.operatorToken;
    profileLabel = 'demo sandbox';
  } else {
    const {options, connection} = resolveClientOptions({
      flags: {server: args.server, profile: args.profile, tokenFile: args.tokenFile, timeout: args.timeout, caFile: args.caFile, allowInsecureHttp: args.allowInsecureHttp},
      env: io.env,
      homeDir: io.homeDir,
      onWarning: (msg) => io.stderr.write(`plexconsole: warning: ${msg}\n`),
    });
    // Connected while the first frame is drawn: the first request finds the handshake done.
    client = await createConnectingClient(options);
    bearer = options.token;
    profileLabel = settingsSource(connection.profileLabel);
  }
  // A warning would draw over the console: it is printed once the terminal is restored.
  let journalWarning: string | undefined;
  const journal = openJournal({
    env: io.env,
    homeDir: io.homeDir,
    enabled: !args.noJournal,
    server: client.server.origin,
    profile: profileLabel,
    bearer,
    subject: async () => (await getWhoami(client)).data.subject,
    onWarning: (msg) => (journalWarning = msg),
  });
  const initialRoute: Route = args.project ? {name: 'tokens', project: args.project} : {name: 'projects'};
  try {
    return await runConsole({
      client,
      info: {serverHost: client.server.host, profileLabel, readOnly: args.readOnly, refreshMs: args.refreshMs},
      initialRoute,
      stdin: io.stdin,
      stdout: io.stdout,
      stderr: io.stderr,
      journal,
    });
  } finally {
    // The screens record mutations without waiting (a bulk revoke queues 1,000 lines): quitting
    // waits for them, or the last ones were lost with the process.
    if (!(await settlesWithin(journal.flush(), JOURNAL_FLUSH_MS))) journalWarning ??= `journal (${journal.path}): records still being written after ${JOURNAL_FLUSH_MS / 1000} s may be missing`;
    if (journalWarning) io.stderr.write(`plexconsole: warning: ${journalWarning}\n`);
    await client.close().catch(() => {});
    await sandbox?.close().catch(() => {});
  }
}

/** How long quitting waits for the journal's last records (a local file: normally milliseconds). */
const JOURNAL_FLUSH_MS = 10_000;

/** True when `p` settled within `ms`. */
function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((ok) => (timer = setTimeout(ok, ms, false)));
  return Promise.race([p.then(() => true, () => true), late]).finally(() => clearTimeout(timer));
}

/** Where the connection settings came from, in the header, in an operator's words (issue 10). */
function settingsSource(label: string): string {
  if (label === 'flags') return '--server flag';
  if (label === 'env') return 'env';
  return `profile ${label}`;
}
