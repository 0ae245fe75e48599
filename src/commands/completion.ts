// `completion bash|zsh|fish`: scripts generated from the verb registry and flag tables.
import {GLOBAL_OPTIONS, type OptionSpec} from './flags.js';
import {API_VERBS, GROUPS, TOP_LEVEL} from './verbs.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const CHOICES: Record<string, string> = {output: 'text json yaml', kind: 'node bridge'};
const FILE_FLAGS = ['token-file', 'ca-file'];

const flagsOf = (o: OptionSpec): string[] => Object.keys(o).map((k) => `--${k}`);
const valueFlags = (o: OptionSpec): string[] =>
  Object.entries(o).filter(([, s]) => s.type === 'string').map(([k]) => `--${k}`);

const GLOBAL = flagsOf(GLOBAL_OPTIONS).join(' ');
const VALUE_FLAGS = [...new Set([...valueFlags(GLOBAL_OPTIONS), ...API_VERBS.flatMap((v) => valueFlags(v.options))])];

/** Candidate words once the command words `group sub` are known (shell-neutral table). */
function cases(): [string, string][] {
  const rows: [string, string][] = [['|', `${TOP_LEVEL.join(' ')} --version ${GLOBAL}`]];
  for (const [group, verbs] of GROUPS) {
    rows.push([`${group}|`, verbs.map((v) => v.path[1]).join(' ')]);
    for (const v of verbs) rows.push([`${group}|${v.path[1]}`, `${flagsOf(v.options).join(' ')} ${GLOBAL}`.trim()]);
  }
  for (const v of API_VERBS.filter((x) => x.path.length === 1)) rows.push([`${v.path[0]}|`, GLOBAL]);
  rows.push(['completion|', 'bash zsh fish'], ['help|', TOP_LEVEL.filter((w) => w !== 'help').join(' ')]);
  return rows;
}

// Shared shell body (bash and zsh both run it): find the command words, skipping flags
// and the values of flags that take one.
const scan = (first: string, last: string): string => `  local group="" sub="" i w
  for ((i=${first}; i<${last}; i++)); do
    w="\${words[i]}"
    case "$w" in
      ${VALUE_FLAGS.join('|')}) [[ "\${words[i+1]}" == "=" ]] && ((i++)); ((i++)) ;;
      -*) ;;
      *) if [[ -z "$group" ]]; then group="$w"; elif [[ -z "$sub" ]]; then sub="$w"; fi ;;
    esac
  done
  local cands=""
  case "$group|$sub" in
${cases().map(([k, v]) => `    "${k}") cands="${v}" ;;`).join('\n')}
  esac`;

const prevCases = (files: string, none: string): string =>
  [
    ...Object.entries(CHOICES).map(([f, c]) => `    --${f}) CHOICES_FOR "${c}" ;;`),
    `    ${FILE_FLAGS.map((f) => `--${f}`).join('|')}) ${files} ;;`,
    `    ${VALUE_FLAGS.filter((f) => !FILE_FLAGS.includes(f.slice(2)) && !(f.slice(2) in CHOICES)).join('|')}) ${none} ;;`,
  ].join('\n');

function bash(): string {
  return `# bash completion for plexconsole; load with: source <(plexconsole completion bash)
_plexconsole() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local -a words=("\${COMP_WORDS[@]}")
  case "$prev" in
${prevCases('COMPREPLY=($(compgen -f -- "$cur")); return', 'return').replace(/CHOICES_FOR "([^"]*)"/g, 'COMPREPLY=($(compgen -W "$1" -- "$cur")); return')}
  esac
${scan('1', 'COMP_CWORD')}
  COMPREPLY=($(compgen -W "$cands" -- "$cur"))
}
complete -o default -F _plexconsole plexconsole
`;
}

function zsh(): string {
  return `#compdef plexconsole
# zsh completion for plexconsole; load with: source <(plexconsole completion zsh)
_plexconsole() {
  local prev="\${words[CURRENT-1]}"
  case "$prev" in
${prevCases('_files; return', 'return').replace(/CHOICES_FOR "([^"]*)"/g, 'compadd -- $1; return')}
  esac
${scan('2', 'CURRENT')}
  compadd -- \${=cands}
}
if [[ "\${funcstack[1]}" == "_plexconsole" ]]; then
  _plexconsole "$@"
else
  compdef _plexconsole plexconsole
fi
`;
}

function fish(): string {
  const lines = ['# fish completion for plexconsole; load with: plexconsole completion fish | source', 'complete -c plexconsole -f'];
  const flag = (cond: string, name: string, spec: OptionSpec[string]): string => {
    const short = 'short' in spec && spec.short ? ` -s ${spec.short}` : '';
    const base = `complete -c plexconsole${cond ? ` -n '${cond}'` : ''}${short} -l ${name}`;
    if (spec.type !== 'string') return base;
    if (FILE_FLAGS.includes(name)) return `${base} -r -F`;
    return CHOICES[name] ? `${base} -x -a '${CHOICES[name]}'` : `${base} -x`;
  };
  for (const [name, spec] of Object.entries(GLOBAL_OPTIONS)) lines.push(flag('', name, spec));
  lines.push(`complete -c plexconsole -n '__fish_use_subcommand' -l version`);
  for (const w of TOP_LEVEL) lines.push(`complete -c plexconsole -n '__fish_use_subcommand' -a '${w}'`);
  for (const [group, verbs] of GROUPS) {
    const subs = verbs.map((v) => v.path[1]).join(' ');
    lines.push(`complete -c plexconsole -n '__fish_seen_subcommand_from ${group}; and not __fish_seen_subcommand_from ${subs}' -a '${subs}'`);
    for (const v of verbs) {
      const cond = `__fish_seen_subcommand_from ${group}; and __fish_seen_subcommand_from ${v.path[1]}`;
      for (const [name, spec] of Object.entries(v.options)) lines.push(flag(cond, name, spec));
    }
  }
  lines.push(`complete -c plexconsole -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'`);
  return `${lines.join('\n')}\n`;
}

/** The completion script for one shell. */
export function completionScript(shell: Shell): string {
  return shell === 'bash' ? bash() : shell === 'zsh' ? zsh() : fish();
}
