// Help texts, generated from the verb registry so they cannot drift from the parser.
import type {Verb} from './types.js';
import {API_VERBS, GROUPS} from './verbs.js';

const GLOBAL_HELP = [
  '--server URL              Control plane URL (else PLEXSPHERE_URL, else the profile)',
  '--profile NAME            Profile in ~/.config/plexctl/config.json (else its default)',
  '--token-file PATH         File holding the bearer token, mode 0600 (else PLEXSPHERE_TOKEN)',
  '--output text|json|yaml   Output format (default text); json/yaml print the API payload',
  '--yes                     Confirm destructive operations without asking',
  '--reveal-secrets          Accepted for plexctl compatibility; has no effect',
  '--timeout DURATION        Deadline per request, e.g. 30s (default 15s)',
  '--ca-file PATH            Also trust the CA certificates in this PEM file',
  '--allow-insecure-http     Allow http:// to a non-loopback server (token in clear)',
  '--no-journal              Do not append mutations to the local journal',
  '-h, --help                Show help',
];

const EXIT_HELP = [
  'Exit codes: 0 success (idempotent no-ops included), 1 runtime or API failure,',
  '2 bad flags or input (nothing sent), 3 missing/insecure credentials or 401,',
  '4 403 on bootstrap-token or any 404, 64 not provisioned on the server (501),',
  '77 ReBAC denial on key.',
];

const indent = (lines: readonly string[]): string => lines.map((l) => `  ${l}\n`).join('');

function commandLines(verbs: readonly Verb[], extra: readonly [string, string][] = []): string[] {
  const rows: [string, string][] = [...verbs.map((v): [string, string] => [v.path.join(' '), v.summary]), ...extra];
  const width = Math.max(...rows.map(([n]) => n.length)) + 3;
  return rows.map(([n, summary]) => `${n.padEnd(width)}${summary}`);
}

/** Top-level usage; `src/cli.ts` also prints it to stderr when there is nothing to do. */
export function usage(): string {
  return (
    'plexconsole: terminal console and plexctl-compatible CLI for plexsphere\n\n' +
    'Usage:\n  plexconsole                 open the console (on a terminal)\n' +
    '  plexconsole COMMAND [flags]\n\nCommands:\n' +
    indent(
      commandLines(API_VERBS, [
        ['completion bash|zsh|fish', 'Print a shell completion script'],
        ['version', 'Print the plexconsole version'],
        ['help [COMMAND]', 'Show help for a command'],
      ]),
    ) +
    '\nFlags accepted by every command:\n' +
    indent([...GLOBAL_HELP, '--version                 Print the version']) +
    `\n${EXIT_HELP.join('\n')}\n` +
    "Run 'plexconsole COMMAND --help' for a command's flags.\n"
  );
}

/** Help for one verb: synopsis, its flags, outputs and the shared flags. */
export function verbHelp(v: Verb): string {
  return (
    `${v.summary}\n\nUsage:\n  plexconsole ${v.synopsis} [flags]\n` +
    (v.flagHelp.length > 0 ? `\nFlags:\n${indent(v.flagHelp)}` : '') +
    (v.notes ? `\n${v.notes}\n` : '') +
    `\nFlags accepted by every command:\n${indent(GLOBAL_HELP)}\n${EXIT_HELP.join('\n')}\n`
  );
}

/** Help for a group such as `bootstrap-token`: its subcommands. */
export function groupHelp(group: string): string {
  const verbs = GROUPS.get(group) ?? [];
  return (
    `Usage:\n  plexconsole ${group} SUBCOMMAND [flags]\n\nSubcommands:\n` +
    indent(commandLines(verbs)) +
    `\nRun 'plexconsole ${group} SUBCOMMAND --help' for its flags.\n`
  );
}

/** Help for `version`. */
export function versionHelp(): string {
  return 'Print the plexconsole version.\n\nUsage:\n  plexconsole version\n';
}

/** Help for `completion`. */
export function completionHelp(): string {
  return (
    'Print a shell completion script.\n\nUsage:\n  plexconsole completion bash|zsh|fish\n\n' +
    'Load it for the current shell:\n' +
    indent([
      'bash:  source <(plexconsole completion bash)',
      'zsh:   source <(plexconsole completion zsh)',
      'fish:  plexconsole completion fish | source',
    ])
  );
}
