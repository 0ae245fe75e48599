import type {Route} from './navigation.js';

/** What a `:` command asks for. */
export type Command =
  | {readonly kind: 'go'; readonly route: Route}
  | {readonly kind: 'whoami'}
  | {readonly kind: 'quit'}
  | {readonly kind: 'error'; readonly message: string};

export const COMMANDS = ['projects', 'tokens [slug|id]', 'nodes', 'rotate <node name|id>', 'journal', 'whoami', 'quit'] as const;

/** Parses a `:` command line (k9s style); `lastProject` fills `tokens` without an argument. */
export function parseCommand(text: string, lastProject?: string): Command {
  const [verb = '', ...rest] = text.trim().split(/\s+/);
  const arg = rest.join(' ');
  switch (verb) {
    case 'projects': case 'project': case 'p':
      return {kind: 'go', route: {name: 'projects'}};
    case 'tokens': case 'token': case 't': {
      const project = arg || lastProject;
      return project ? {kind: 'go', route: {name: 'tokens', project}} : {kind: 'error', message: 'tokens needs a Project: :tokens <slug|id>'};
    }
    case 'nodes': case 'node': case 'n':
      return {kind: 'go', route: {name: 'nodes'}};
    case 'rotate':
      return arg ? {kind: 'go', route: {name: 'rotationPreview', node: arg}} : {kind: 'error', message: 'rotate needs a node: :rotate <name|id>'};
    case 'journal': case 'j':
      return {kind: 'go', route: {name: 'journal'}};
    case 'whoami':
      return {kind: 'whoami'};
    case 'quit': case 'q': case 'q!':
      return {kind: 'quit'};
    case '':
      return {kind: 'error', message: `commands: ${COMMANDS.join(', ')}`};
    default:
      return {kind: 'error', message: `unknown command "${verb.slice(0, 30)}" — try ${COMMANDS.join(', ')}`};
  }
}
