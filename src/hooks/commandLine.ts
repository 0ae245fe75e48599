import type {Route} from './navigation.js';

/** What a `:` command asks for. */
export type Command =
  | {readonly kind: 'go'; readonly route: Route}
  | {readonly kind: 'help'}
  | {readonly kind: 'quit'}
  | {readonly kind: 'error'; readonly message: string};

type Verb = 'projects' | 'tokens' | 'nodes' | 'rotate' | 'rotations' | 'journal' | 'whoami' | 'help' | 'quit';

// The verbs in the order they are listed; each may be typed as any unique prefix, in any case.
const VERBS: readonly Verb[] = ['projects', 'tokens', 'nodes', 'rotate', 'rotations', 'journal', 'whoami', 'help', 'quit'];
// Aliases win over prefixes (`:q` quits although no verb but quit starts with q anyway; `:p` is projects).
// `rotate` keeps the short forms it had before `rotations` shared them (`:r`, `:rot`); `:rotati…` is rotations.
const ALIASES: Readonly<Record<string, Verb>> = {r: 'rotate', ro: 'rotate', rot: 'rotate', rota: 'rotate', rotat: 'rotate', rotation: 'rotations', p: 'projects', project: 'projects', t: 'tokens', token: 'tokens', n: 'nodes', node: 'nodes', q: 'quit', 'q!': 'quit', exit: 'quit', '?': 'help'};

export const COMMANDS = ['projects', 'tokens [slug|id]', 'nodes', 'rotate <node name|id>', 'rotations', 'journal', 'whoami', 'help', 'quit'] as const;

/** The verb a typed word means: an alias, an exact verb, or a unique prefix (case-insensitive). */
export function resolveVerb(word: string): {verb: Verb} | {ambiguous: readonly Verb[]} | undefined {
  const w = word.toLowerCase();
  const alias = ALIASES[w];
  if (alias) return {verb: alias};
  const hits = VERBS.filter((v) => v.startsWith(w));
  if (hits.length === 1) return {verb: hits[0]!};
  return hits.length > 1 ? {ambiguous: hits} : undefined;
}

/** Names a command argument may complete to: Project slugs after `tokens`, node names after `rotate`. */
export type CommandNames = {readonly projects?: readonly string[]; readonly nodes?: readonly string[]};

/** Which names the argument being typed is one of, once the verb and a space are typed. */
export function argumentKind(text: string): keyof CommandNames | undefined {
  const m = /^\s*(\S+)\s+/.exec(text);
  const r = m ? resolveVerb(m[1]!) : undefined;
  if (!r || !('verb' in r)) return undefined;
  return r.verb === 'tokens' ? 'projects' : r.verb === 'rotate' ? 'nodes' : undefined;
}

/** The verb as typed, and the argument typed so far (after the verb's whitespace). */
function splitArgument(text: string): {readonly head: string; readonly arg: string} {
  const m = /^(\s*\S+\s+)(.*)$/.exec(text);
  return m ? {head: m[1]!, arg: m[2]!} : {head: text, arg: ''};
}

/** Names starting with `arg`, in any case. */
function candidates(text: string, names: CommandNames): readonly string[] {
  const kind = argumentKind(text);
  const all = kind ? names[kind] ?? [] : [];
  const arg = splitArgument(text).arg.toLowerCase();
  return all.filter((n) => n.toLowerCase().startsWith(arg));
}

/**
 * Tab on the command line: a unique verb prefix becomes the verb and a space; after `tokens `
 * or `rotate `, a unique name prefix becomes the name, and several candidates complete to
 * what they share. Otherwise the text is unchanged.
 */
export function completeCommand(text: string, names: CommandNames = {}): string {
  if (argumentKind(text)) {
    const hits = candidates(text, names);
    const {head, arg} = splitArgument(text);
    if (hits.length === 1) return `${head}${hits[0]}`;
    const shared = commonPrefix(hits);
    return shared.length > arg.length ? `${head}${shared}` : text;
  }
  if (/\s/.test(text.trimStart())) return text;
  const r = resolveVerb(text.trim());
  return r && 'verb' in r && text.trim() !== '' ? `${r.verb} ` : text;
}

/** The longest prefix every name shares (case-insensitive; spelled as the first name spells it). */
function commonPrefix(names: readonly string[]): string {
  const [first = '', ...rest] = names;
  let n = first.length;
  for (const name of rest) {
    while (n > 0 && name.slice(0, n).toLowerCase() !== first.slice(0, n).toLowerCase()) n--;
  }
  return names.length > 0 ? first.slice(0, n) : '';
}

const SHOWN = 6;

/** The suggestion line: verbs the text may become, or once an argument is due, the names it may become. */
export function suggestCommands(text: string, names: CommandNames = {}): readonly string[] {
  const kind = argumentKind(text);
  if (kind) {
    if (!names[kind]) return [`loading ${kind === 'projects' ? 'Projects' : 'node names'}…`];
    const hits = candidates(text, names);
    if (hits.length === 0) return [`no ${kind === 'projects' ? 'Project slug' : 'node name'} starts with that`];
    return hits.length > SHOWN ? [...hits.slice(0, SHOWN), `+${hits.length - SHOWN} more`] : hits;
  }
  const word = text.trimStart().split(/\s+/)[0]?.toLowerCase() ?? '';
  return COMMANDS.filter((c) => c.startsWith(word));
}

/** Parses a `:` command line (k9s style); `lastProject` fills `tokens` without an argument. */
export function parseCommand(text: string, lastProject?: string): Command {
  const [word = '', ...rest] = text.trim().split(/\s+/);
  const arg = rest.join(' ');
  if (word === '') return {kind: 'error', message: `commands: ${COMMANDS.join(', ')}`};
  const r = resolveVerb(word);
  if (!r) return {kind: 'error', message: `unknown command "${word.slice(0, 30)}" — try ${COMMANDS.join(', ')}`};
  if ('ambiguous' in r) return {kind: 'error', message: `"${word.slice(0, 30)}" could be ${r.ambiguous.join(' or ')}`};
  switch (r.verb) {
    case 'projects':
      return {kind: 'go', route: {name: 'projects'}};
    case 'tokens': {
      const project = arg || lastProject;
      return project ? {kind: 'go', route: {name: 'tokens', project}} : {kind: 'error', message: 'tokens needs a Project: :tokens <slug|id>'};
    }
    case 'nodes':
      return {kind: 'go', route: {name: 'nodes'}};
    case 'rotate':
      return arg ? {kind: 'go', route: {name: 'rotationPreview', node: arg}} : {kind: 'error', message: 'rotate needs a node: :rotate <name|id>'};
    case 'rotations':
      return {kind: 'go', route: {name: 'rotations'}};
    case 'journal':
      return {kind: 'go', route: {name: 'journal'}};
    case 'whoami':
      return {kind: 'go', route: {name: 'whoami'}};
    case 'help':
      return {kind: 'help'};
    case 'quit':
      return {kind: 'quit'};
  }
}
