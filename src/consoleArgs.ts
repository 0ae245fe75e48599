import {parseArgs} from 'node:util';

/** Flags of the interactive console (no subcommand). */
export type ConsoleArgs = {
  readonly demo: boolean;
  readonly project?: string;
  readonly readOnly: boolean;
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

export const CONSOLE_USAGE = `Usage: plexconsole [--demo] [--project ID|SLUG] [--read-only] [connection flags]
       plexconsole <command> [flags]     (run "plexconsole help" for the commands)

Opens the interactive console on a terminal.
  --demo                 start the embedded sandbox control plane and open the console on it
  --project ID|SLUG      start on that Project's tokens
  --read-only            hide and disable every key that changes anything
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
  return {
    demo: values.demo,
    project: values.project,
    readOnly: values['read-only'],
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
