// Test-only HTTP helper: every response is checked against the contract before a test sees it.
import {request} from 'undici';
import {assertConforms} from '../support/contract.js';

export type Reply = {status: number; headers: Record<string, string | string[] | undefined>; body: any};

/** Sends a request to the sandbox and asserts the response conforms to the contract. */
export async function call(
  base: string,
  method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH',
  path: string,
  opts: {token?: string; body?: unknown; raw?: string; check?: boolean} = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let payload: string | undefined = opts.raw;
  if (opts.body !== undefined) payload = JSON.stringify(opts.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const res = await request(`${base}${path}`, {method, headers, body: payload});
  const text = await res.body.text();
  const ct = res.headers['content-type'];
  const body: unknown = text === '' ? undefined : JSON.parse(text);
  if (opts.check !== false) assertConforms(method, path, res.statusCode, ct as string | undefined, body);
  return {status: res.statusCode, headers: res.headers, body};
}

/** A bound `call` for one sandbox and bearer. */
export function client(base: () => string, token: () => string | undefined) {
  return (method: Parameters<typeof call>[1], path: string, opts: Omit<Parameters<typeof call>[3] & object, 'token'> = {}) =>
    call(base(), method, path, {...opts, token: token()});
}
