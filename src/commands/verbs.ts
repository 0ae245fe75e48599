// The registry of plexctl-compatible verbs; help, completion and dispatch all read it.
import {bootstrapTokenGet} from './bootstrapTokenGet.js';
import {bootstrapTokenIssue} from './bootstrapTokenIssue.js';
import {bootstrapTokenList} from './bootstrapTokenList.js';
import {bootstrapTokenRevoke} from './bootstrapTokenRevoke.js';
import {journal} from './journal.js';
import {keyRotate} from './keyRotate.js';
import type {Verb} from './types.js';
import {whoami} from './whoami.js';

/** Verbs with flags, in help order (all but `journal` talk to the API). */
export const API_VERBS: readonly Verb[] = [
  bootstrapTokenIssue,
  bootstrapTokenList,
  bootstrapTokenGet,
  bootstrapTokenRevoke,
  keyRotate,
  whoami,
  journal,
];

/** Command groups (`bootstrap-token`, `key`) and their subcommands. */
export const GROUPS: ReadonlyMap<string, readonly Verb[]> = new Map(
  API_VERBS.filter((v) => v.path.length === 2).reduce<[string, Verb[]][]>((acc, v) => {
    const group = v.path[0] ?? '';
    const entry = acc.find(([g]) => g === group);
    if (entry) entry[1].push(v);
    else acc.push([group, [v]]);
    return acc;
  }, []),
);

/** Local verbs that never touch the network. */
export const LOCAL_VERBS = ['completion', 'version', 'help'] as const;

/** Every first word `runCommand` owns. */
export const TOP_LEVEL: readonly string[] = [
  ...GROUPS.keys(),
  ...API_VERBS.filter((v) => v.path.length === 1).map((v) => v.path[0] ?? ''),
  ...LOCAL_VERBS,
];

/** Find a verb by its words, e.g. ['key', 'rotate']. */
export function findVerb(words: readonly string[]): Verb | undefined {
  return API_VERBS.find((v) => v.path.length === words.length && v.path.every((p, i) => p === words[i]));
}
