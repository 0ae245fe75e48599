import type {IncomingMessage} from 'node:http';
import type {Principal} from './auth.js';
import type {Clock} from './clock.js';
import type {CursorCodec} from './cursor.js';
import type {Store} from './store.js';

/** Everything a route handler may touch. */
export type App = {
  store: Store;
  clock: Clock;
  cursors: CursorCodec;
  domain: {id: string; slug: string; meshCidr: string};
};

/** One request as a handler sees it. */
export type Ctx = {
  app: App;
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  /** The authenticated caller (throws the 401 problem when there is none). */
  principal(): Principal;
  /** The JSON body (throws 400 / 413 problems). */
  json(): Promise<unknown>;
};

export type Result = {status: number; body?: unknown; headers?: Record<string, string>};

export type Route = {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path template with `{name}` segments, as in the contract. */
  path: string;
  handle(ctx: Ctx): Promise<Result> | Result;
};
