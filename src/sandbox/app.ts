import type {IncomingMessage} from 'node:http';
import type {Principal} from './auth.js';
import type {Clock} from './clock.js';
import type {CursorCodec} from './cursor.js';
import type {EventLog} from './log.js';
import type {Redemptions} from './redemptions.js';
import type {Store} from './store.js';

/** Everything a route handler may touch. */
export type App = {
  store: Store;
  clock: Clock;
  cursors: CursorCodec;
  domain: {id: string; slug: string; meshCidr: string};
  /** Rate-limited one-line log for events any caller can trigger. */
  log: EventLog;
  /** Admission and bounded verification for unauthenticated redemptions. */
  redemptions: Redemptions;
};

/** One request as a handler sees it. */
export type Ctx = {
  app: App;
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  /** The authenticated caller (throws the 401 problem when there is none). */
  principal(): Principal;
  /**
   * The JSON body: 415 for a non-JSON content type, 413 past 8 KiB, and for unparseable JSON the
   * problem `malformed` makes (default 400 `invalid_body`).
   */
  json(malformed?: (detail: string) => Error): Promise<unknown>;
  /** The caller's address, for per-source throttles. */
  source: string;
};

export type Result = {status: number; body?: unknown; headers?: Record<string, string>};

export type Route = {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path template with `{name}` segments, as in the contract. */
  path: string;
  handle(ctx: Ctx): Promise<Result> | Result;
};
