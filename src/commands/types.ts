// Shapes shared by the headless verbs and their dispatcher.
import type {Readable, Writable} from 'node:stream';
import type {ApiClient} from '../api/client.js';
import type {Journal} from '../journal/journal.js';
import type {Family} from './exitCodes.js';
import type {FlagValues, GlobalFlags, OptionSpec} from './flags.js';

/** The process surface a verb may touch; tests pass memory streams. */
export type CommandIO = {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable;
  readonly env: NodeJS.ProcessEnv;
  /** stdin and stderr are both terminals: only then may a verb prompt. */
  readonly isTTY: boolean;
  readonly homeDir: string;
};

/** What a verb receives once its flags parsed; nothing here has touched the network. */
export type VerbContext = {
  readonly io: CommandIO;
  readonly values: FlagValues;
  readonly global: GlobalFlags;
  /** e.g. `bootstrap-token list`, for error hints. */
  readonly verb: string;
  /** Resolve credentials and build the API client; call only after validating input. */
  connect(): Promise<ApiClient>;
  /** The local journal every mutation records to; call after `connect()`. */
  journal(): Journal;
  out(text: string): Promise<void>;
  err(text: string): Promise<void>;
};

/** One headless verb: its flags, its help text and what it does. */
export type Verb = {
  readonly path: readonly string[];
  readonly family: Family;
  readonly summary: string;
  /** Synopsis after `plexconsole `, e.g. `key rotate --node UUID [--dry-run | --preview]`. */
  readonly synopsis: string;
  /** Lines describing the verb's own flags, already aligned. */
  readonly flagHelp: readonly string[];
  /** Extra paragraphs: outputs, exit codes. */
  readonly notes?: string;
  readonly options: OptionSpec;
  run(ctx: VerbContext): Promise<number>;
};
