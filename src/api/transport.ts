import {readFileSync} from 'node:fs';
import type {Dispatcher} from 'undici';
import {portOf, preconnect, whenConnected, type Preconnection} from './preconnect.js';
import {Agent, buildConnector, EnvHttpProxyAgent} from './vendor.js';
import {ApiError} from './errors.js';

/** True for hosts that never leave the machine: 127.0.0.0/8, ::1 and `localhost`. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m.slice(1).every((o) => Number(o) <= 255);
}

/** Parses the server URL and refuses clear-text http to a non-loopback host unless allowed. */
export function checkServerUrl(server: string, allowInsecureHttp: boolean): {url: URL; insecure: boolean} {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new ApiError({kind: 'transport', code: 'invalid_server', title: 'invalid server URL', detail: server});
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ApiError({kind: 'transport', code: 'invalid_server', title: 'invalid server URL', detail: `${url.protocol} is not http(s)`});
  }
  if (url.username || url.password) {
    // Credentials in the URL would end up in error lines; the bearer token is the only credential.
    throw new ApiError({kind: 'transport', code: 'invalid_server', title: 'invalid server URL', detail: 'user info in the URL is not supported'});
  }
  const insecure = url.protocol === 'http:' && !isLoopbackHost(url.hostname);
  if (insecure && !allowInsecureHttp) {
    throw new ApiError({
      kind: 'transport',
      code: 'insecure_http',
      title: 'refusing plain http',
      detail: `${url.host} is not a loopback host and the bearer token would cross the network in clear; use https:// or --allow-insecure-http`,
    });
  }
  return {url, insecure};
}

/** undici's default connect timeout, kept for a connection opened ahead. */
const CONNECT_TIMEOUT_MS = 10_000;

const PROXY_VARS = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
const envValue = (env: NodeJS.ProcessEnv, ...names: string[]): string => {
  for (const n of names) if (env[n]) return env[n] as string;
  return '';
};

function readCa(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ApiError({kind: 'transport', code: 'ca_file', title: 'cannot read CA file', detail: `${path}: ${code}`});
  }
}

function readCaOrSkip(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Reads and checks what the undici dispatcher needs now (a bad --ca-file fails here) and
 * returns how to build it: an Agent, or an EnvHttpProxyAgent when a proxy variable is set;
 * a custom CA extends the system roots. `tls: false`: the server is plain http. The
 * dispatcher itself is built on the first request (the client calls the returned
 * function), so undici loads then, not when the console starts (BENCHMARKS.md, start-up).
 */
export function prepareDispatcher(opts: {caFile?: string; env: NodeJS.ProcessEnv; tls?: boolean; preconnect?: URL | undefined}): {
  make: () => Dispatcher;
  /** Opened now when asked for and no proxy is in the way; the dispatcher's first connection takes it. */
  preconnection: Preconnection | undefined;
} {
  const proxied = PROXY_VARS.some((n) => opts.env[n]);
  // Passing `ca` replaces Node's default store, so the system roots come first. An unreadable
  // NODE_EXTRA_CA_CERTS is skipped, as Node itself only warns about it at startup. A plain
  // http server without a proxy never verifies a certificate: the CA files are not read then
  // (a bad --ca-file is still refused), which keeps tls and crypto out of the start-up of every
  // verb against a loopback sandbox (BENCHMARKS.md, start-up).
  const verifies = opts.tls !== false || proxied;
  const extra = verifies && opts.env.NODE_EXTRA_CA_CERTS ? readCaOrSkip(opts.env.NODE_EXTRA_CA_CERTS) : undefined;
  const caFile = opts.caFile ? readCa(opts.caFile) : undefined;
  const custom = verifies ? [caFile, extra].filter((c): c is string => !!c) : [];
  // node:tls (and the crypto it loads) only when a custom CA needs the system roots: a plain
  // http request to the loopback sandbox never loads it (BENCHMARKS.md, start-up).
  const ca = custom.length > 0 ? [...process.getBuiltinModule('node:tls').rootCertificates, ...custom] : undefined;
  const connect = ca ? {ca} : undefined;
  if (proxied) {
    // Proxied https verifies the target through requestTls, direct connections through
    // connect: give the CA to both or one of the paths fails verification.
    const proxy = {
      httpProxy: envValue(opts.env, 'http_proxy', 'HTTP_PROXY'),
      httpsProxy: envValue(opts.env, 'https_proxy', 'HTTPS_PROXY'),
      noProxy: envValue(opts.env, 'no_proxy', 'NO_PROXY'),
      ...(connect ? {connect, requestTls: {ca}} : {}),
    };
    return {make: () => new EnvHttpProxyAgent(proxy), preconnection: undefined};
  }
  const pre = opts.preconnect && preconnect(opts.preconnect);
  if (!pre) return {make: () => new Agent(connect ? {connect} : {}), preconnection: undefined};
  const make = (): Dispatcher => {
    // undici's own connector (its defaults: a 10 s connect timeout, TLS sessions cached), fed
    // the open socket the first time: TLS runs over it (`httpSocket`), plain http uses it.
    const base = buildConnector({...connect, timeout: CONNECT_TIMEOUT_MS});
    return new Agent({
      connect: (o, cb) => {
        const s = pre.take(o.hostname, portOf(o));
        if (!s) return base(o, cb);
        if (o.protocol === 'https:') return base({...o, httpSocket: s}, cb);
        whenConnected(s, CONNECT_TIMEOUT_MS, cb as (err: Error | null, s: unknown) => void);
      },
    });
  };
  return {make, preconnection: pre};
}
