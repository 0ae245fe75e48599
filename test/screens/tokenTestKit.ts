// Small helpers shared by the Tokens screen tests (no mocks: a wrapper that counts requests).
import type {ApiClient, ApiRequest} from '../../src/api/client.js';

/** Wraps a client to record `METHOD path` of every request it sends. */
export function recording(inner: ApiClient): {client: ApiClient; sent: string[]} {
  const sent: string[] = [];
  const client: ApiClient = {
    server: inner.server,
    close: () => inner.close(),
    request<T>(req: ApiRequest<T>) {
      sent.push(`${req.method} ${req.path}`);
      return inner.request(req);
    },
  };
  return {client, sent};
}

/** The selected table row (marked `> `), or undefined. */
export function selectedLine(frame: string): string | undefined {
  return frame.split('\n').find((l) => l.startsWith('> '));
}

/** Table rows (lines that start with a UUID after the marker). */
export function tableLines(frame: string): string[] {
  return frame.split('\n').filter((l) => /^[> ] [0-9a-f]{8}-/.test(l));
}
