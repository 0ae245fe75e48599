// Finds the command words in argv wherever the flags sit (cobra allows `--server X whoami`).
import {parseArgs} from 'node:util';
import {GLOBAL_OPTIONS, joinDashValues, type OptionSpec} from './flags.js';
import {API_VERBS} from './verbs.js';

/** Every flag any verb knows, so a flag's value is never mistaken for a command word. */
const ALL_OPTIONS: OptionSpec = Object.assign(
  {},
  GLOBAL_OPTIONS,
  {version: {type: 'boolean'}},
  ...API_VERBS.map((v) => v.options),
);

export type Route = {
  /** Command words in order, e.g. ['bootstrap-token', 'list']. */
  readonly words: string[];
  /** argv without the command words: what the verb's strict parser sees. */
  readonly rest: string[];
  readonly help: boolean;
  readonly version: boolean;
  /** The first flag no verb knows, reported before an odd command word it may have caused. */
  readonly unknownFlag?: string;
};

/** Split argv into command words and flags without validating anything yet. */
export function route(given: readonly string[]): Route {
  const argv = joinDashValues(given, ALL_OPTIONS);
  const {tokens} = parseArgs({
    args: argv,
    options: ALL_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const wordIdx = new Set<number>();
  const words: string[] = [];
  let help = false;
  let version = false;
  let unknownFlag: string | undefined;
  for (const t of tokens) {
    if (t.kind === 'positional') {
      wordIdx.add(t.index);
      words.push(t.value);
    } else if (t.kind === 'option') {
      if (t.name === 'help') help = true;
      else if (t.name === 'version') version = true;
      else if (!(t.name in ALL_OPTIONS) && unknownFlag === undefined) unknownFlag = t.rawName;
    }
  }
  return {words, rest: argv.filter((_, i) => !wordIdx.has(i)), help, version, unknownFlag};
}
