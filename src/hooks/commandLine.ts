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

/** Tab on the command line: completes a unique verb prefix to the verb and a space; otherwise the text unchanged. */
export function completeCommand(text: string): string {
  if (/\s/.test(text.trimStart())) return text;
  const r = resolveVerb(text.trim());
  return r && 'verb' in r && text.trim() !== '' ? `${r.verb} ` : text;
}

/** Verbs the text so far may become, for the suggestion line. */
export function suggestCommands(text: string): readonly string[] {
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
