import {ApiError} from './errors.js';

// Requests that provably never left this machine: nothing happened on the server.
const NOT_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|insecure_http|invalid_server|ca_file/;

/**
 * True when a mutation may have taken effect although the caller saw a failure: the link
 * dropped or the deadline passed after sending, a 2xx body could not be read, or a gateway
 * answered 5xx. Never blind-retry then (decisions.md): look at the server's state instead.
 */
export function outcomeUnknown(e: unknown): boolean {
  if (!(e instanceof ApiError)) return true;
  if (e.kind === 'aborted') return true;
  if (e.kind === 'http') return (e.status ?? 0) >= 500 && e.status !== 501;
  if (e.kind === 'transport') return !NOT_SENT.test(`${e.code ?? ''} ${e.detail}`);
  return true;
}
