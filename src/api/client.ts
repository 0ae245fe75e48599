import type {Dispatcher} from 'undici';
import {request} from './vendor.js';
import type {z} from 'zod';
import {VERSION} from '../version.js';
import {DEFAULT_MAX_BODY_BYTES, readBodyText} from './body.js';
import {holdCredential} from './credential.js';
import {ApiError, errorFromResponse} from './errors.js';
import {classifyFailure, flattenHeaders, parseBody} from './response.js';
import {backoffMs, MAX_TRIES, parseRetryAfter, RETRY_STATUSES, sleep} from './retry.js';
import {connectUnderway} from './preconnect.js';
import {checkServerUrl, prepareDispatcher} from './transport.js';
import {nextTurn} from './turn.js';

/** How to reach the control plane. `env` (default process.env) supplies proxy and CA variables. */
export type ClientOptions = {
  server: string;
  token: string;
  timeoutMs?: number;
  caFile?: string;
  allowInsecureHttp?: boolean;
  userAgent?: string;
  maxBodyBytes?: number;
  dispatcher?: Dispatcher;
  onWarning?: (msg: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Opens the connection now, ahead of the first request (src/api/preconnect.ts); see createConnectingClient. */
  preconnect?: boolean;
};

/** One API call: non-`expect` statuses become ApiErrors; `retry` only for safe requests. */
export type ApiRequest<T> = {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  schema?: z.ZodType<T>;
  expect: number[];
  retry: boolean;
  signal?: AbortSignal;
};

/** A parsed response; `raw` is the JSON as received, for verbatim json/yaml output. */
export type ApiResponse<T> = {status: number; data: T; raw: unknown; headers: Record<string, string>};

/** The transport every resource module calls through. */
export interface ApiClient {
  readonly server: URL;
  request<T>(req: ApiRequest<T>): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 15_000;

// Certificate failures and unknown hosts do not heal in a second: fail fast on those.
const PERMANENT_TRANSPORT = /CERT|SELF_SIGNED|VERIFY|TLS|SSL|ENOTFOUND/;
const retryable = (e: ApiError): boolean =>
  (e.kind === 'transport' && !PERMANENT_TRANSPORT.test(e.code ?? '')) ||
  (e.kind === 'http' && e.status !== undefined && RETRY_STATUSES.has(e.status));

/**
 * The client of the console and the verbs: its connection is opened at once and the connect(2)
 * has gone out when this resolves, so the handshake overlaps whatever start-up work comes next.
 */
export async function createConnectingClient(opts: ClientOptions): Promise<ApiClient> {
  const client = createClient({...opts, preconnect: true});
  await connectUnderway();
  return client;
}

/** Creates the API client; throws ApiError `insecure_http` for clear-text http to a non-loopback host unless allowed. */
export function createClient(opts: ClientOptions): ApiClient {
  // Held before anything can fail: from here on no printed line may carry it.
  holdCredential(opts.token);
  const {url: server, insecure} = checkServerUrl(opts.server, opts.allowInsecureHttp ?? false);
  if (insecure) {
    opts.onWarning?.(`warning: the bearer token is sent in clear text over http to ${server.host} (--allow-insecure-http)`);
  }
  const prepared = opts.dispatcher
    ? {make: () => opts.dispatcher as Dispatcher, preconnection: undefined}
    : prepareDispatcher({caFile: opts.caFile, env: opts.env ?? process.env, tls: server.protocol === 'https:', preconnect: opts.preconnect ? server : undefined});
  const makeDispatcher = prepared.make;
  let made: Dispatcher | undefined;
  const dispatcher = (): Dispatcher => (made ??= makeDispatcher());
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const base = server.origin + server.pathname.replace(/\/+$/, '');
  // A request sent in the turn a response ended would find that connection still busy and open
  // another (a handshake: one more round trip, two or three with TLS); it waits that turn instead,
  // so sequential requests (a Project lookup, then every page of its roster) share one connection.
  let freedThisTurn = false;
  const freed = (): void => {
    if (freedThisTurn) return;
    freedThisTurn = true;
    setImmediate(() => (freedThisTurn = false));
  };
  const headers: Record<string, string> = {
    authorization: `Bearer ${opts.token}`,
    'user-agent': opts.userAgent ?? `plexconsole/${VERSION}`,
    accept: 'application/json, application/problem+json',
  };

  async function attempt<T>(req: ApiRequest<T>, url: URL, signal: AbortSignal): Promise<ApiResponse<T>> {
    const hasBody = req.body !== undefined;
    const res = await request(url, {
      method: req.method,
      headers: hasBody ? {...headers, 'content-type': 'application/json'} : headers,
      body: hasBody ? JSON.stringify(req.body) : undefined,
      dispatcher: dispatcher(),
      signal,
    });
    const text = await readBodyText(res, maxBody);
    freed();
    const resHeaders = flattenHeaders(res.headers);
    if (!req.expect.includes(res.statusCode)) {
      throw errorFromResponse(res.statusCode, text, parseRetryAfter(resHeaders['retry-after'], Date.now()));
    }
    return {status: res.statusCode, ...parseBody(req.schema, `${req.method} ${req.path}`, res.statusCode, text), headers: resHeaders};
  }

  return {
    server,
    async request<T>(req: ApiRequest<T>): Promise<ApiResponse<T>> {
      const url = new URL(base + req.path);
      for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
      // One deadline for the whole call, retries included: --timeout bounds what the operator waits.
      const deadline = AbortSignal.timeout(timeoutMs);
      const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
      const started = Date.now();
      if (freedThisTurn) await nextTurn();
      for (let tries = 1; ; tries++) {
        let error: ApiError;
        try {
          return await attempt(req, url, signal);
        } catch (e) {
          error = classifyFailure(e, req.signal, deadline, timeoutMs);
        }
        const wait = error.retryAfterMs ?? backoffMs(tries);
        const outOfTime = Date.now() - started + wait >= timeoutMs;
        if (!req.retry || tries >= MAX_TRIES || !retryable(error) || outOfTime) throw error;
        try {
          await sleep(wait, signal);
        } catch (e) {
          throw classifyFailure(e, req.signal, deadline, timeoutMs);
        }
      }
    },
    async close(): Promise<void> {
      // A dispatcher passed in belongs to the caller, who closes it; one never made needs nothing.
      prepared.preconnection?.close();
      if (!opts.dispatcher) await made?.close();
    },
  };
}
