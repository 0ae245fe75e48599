import {parseArgs} from 'node:util';
import {parseGoDuration} from './domain/duration.js';

/** Flags of the interactive console (no subcommand). */
export type ConsoleArgs = {
  readonly demo: boolean;
  readonly project?: string;
  readonly readOnly: boolean;
  /** Auto-refresh interval of the lists in ms; 0 turns it off. */
  readonly refreshMs: number;
  readonly server?: string;
  readonly profile?: string;
  readonly tokenFile?: string;
  readonly timeout?: string;
  readonly caFile?: string;
  readonly allowInsecureHttp: boolean;
  readonly noJournal: boolean;
  readonly help: boolean;
  readonly version: boolean;
};

export const CONSOLE_USAGE = `Usage: plexconsole [--demo] [--project ID|SLUG] [--read-only] [--refresh 5s] [connection flags]
       plexconsole <command> [flags]     (run "plexconsole help" for the commands)

Opens the interactive console on a terminal.
  --demo                 start the embedded sandbox control plane and open the console on it
  --project ID|SLUG      start on that Project's tokens
  --read-only            hide and disable every key that changes anything
  --refresh DURATION     how often lists refresh on their own, Go duration (default 5s; 0 turns it off)
  --server URL           control plane URL (else PLEXSPHERE_URL, else the plexctl profile)
  --profile NAME         plexctl profile from ~/.config/plexctl/config.json
  --token-file PATH      bearer token file, mode 0600 (else PLEXSPHERE_TOKEN, else the profile)
  --timeout DURATION     per-request deadline, Go duration (default 15s)
  --ca-file PATH         extra CA certificates (PEM); NODE_EXTRA_CA_CERTS works too
  --allow-insecure-http  allow http:// to a non-loopback host (sends the token in clear)
  --no-journal           do not record mutations in the local journal
  --version              print the version
`;

/** Parses console flags; throws an Error with a one-line message on bad flags. */
export function parseConsoleArgs(argv: readonly string[]): ConsoleArgs {
  const {values, positionals} = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      demo: {type: 'boolean', default: false},
      project: {type: 'string'},
      'read-only': {type: 'boolean', default: false},
      refresh: {type: 'string', default: '5s'},
      server: {type: 'string'},
      profile: {type: 'string'},
      'token-file': {type: 'string'},
      timeout: {type: 'string'},
      'ca-file': {type: 'string'},
      'allow-insecure-http': {type: 'boolean', default: false},
      'no-journal': {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h', default: false},
      version: {type: 'boolean', default: false},
    },
  });
  if (positionals.length > 0) throw new Error(`unknown command "${positionals[0]}"`);
  const refreshMs = parseRefresh(values.refresh);
  return {
    demo: values.demo,
    project: values.project,
    readOnly: values['read-only'],
    refreshMs,
    server: values.server,
    profile: values.profile,
    tokenFile: values['token-file'],
    timeout: values.timeout,
    caFile: values['ca-file'],
    allowInsecureHttp: values['allow-insecure-http'],
    noJournal: values['no-journal'],
    help: values.help,
    version: values.version,
  };
}

// Faster than this would hammer the control plane from every open console.
const MIN_REFRESH_MS = 1000;

/** `--refresh`: a Go duration (`5s`, `1m`) of at least 1s, or `0` for off. */
export function parseRefresh(text: string): number {
  if (text.trim() === '0') return 0;
  const ms = parseGoDuration(text);
  if (ms === undefined) throw new Error(`--refresh: "${text}" is not a duration (e.g. 5s, 30s, 1m; 0 turns refresh off)`);
  if (ms !== 0 && ms < MIN_REFRESH_MS) throw new Error(`--refresh: ${text} is too often; use 1s or more (0 turns refresh off)`);
  return ms;
}
