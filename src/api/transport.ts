import {readFileSync} from 'node:fs';
import {rootCertificates} from 'node:tls';
import {Agent, EnvHttpProxyAgent, type Dispatcher} from 'undici';
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

/** Builds the undici dispatcher: an Agent, or an EnvHttpProxyAgent when a proxy variable is set; a custom CA extends the system roots. */
export function createDispatcher(opts: {caFile?: string; env: NodeJS.ProcessEnv}): Dispatcher {
  // Passing `ca` replaces Node's default store, so the system roots come first. An unreadable
  // NODE_EXTRA_CA_CERTS is skipped, as Node itself only warns about it at startup.
  const extra = opts.env.NODE_EXTRA_CA_CERTS ? readCaOrSkip(opts.env.NODE_EXTRA_CA_CERTS) : undefined;
  const custom = [opts.caFile ? readCa(opts.caFile) : undefined, extra].filter((c): c is string => !!c);
  const ca = custom.length > 0 ? [...rootCertificates, ...custom] : undefined;
  const connect = ca ? {ca} : undefined;
  if (PROXY_VARS.some((n) => opts.env[n])) {
    // Proxied https verifies the target through requestTls, direct connections through
    // connect: give the CA to both or one of the paths fails verification.
    return new EnvHttpProxyAgent({
      httpProxy: envValue(opts.env, 'http_proxy', 'HTTP_PROXY'),
      httpsProxy: envValue(opts.env, 'https_proxy', 'HTTPS_PROXY'),
      noProxy: envValue(opts.env, 'no_proxy', 'NO_PROXY'),
      ...(connect ? {connect, requestTls: {ca}} : {}),
    });
  }
  return new Agent(connect ? {connect} : {});
}
