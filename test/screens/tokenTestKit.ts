// Small helpers shared by the Tokens screen tests (no mocks: a wrapper that counts requests).
import type {ApiClient, ApiRequest} from '../../src/api/client.js';
import {json, problem, startFaultServer, type FaultServer} from '../support/faultServer.js';

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

export const FAULT_PROJECT = '0190a8b8-a0c0-7a0a-8a0a-a0a0a0a0a0a0';
/** The issue endpoint of FAULT_PROJECT. */
export const FAULT_ISSUE = `/v1/projects/${FAULT_PROJECT}/bootstrap-tokens`;

/** A fault server holding one Project (FAULT_PROJECT, `slug`) with no tokens; whoami answers 404. */
export async function emptyProjectServer(slug: string): Promise<FaultServer> {
  const fault = await startFaultServer();
  const at = '2026-01-01T00:00:00Z';
  const P = FAULT_PROJECT;
  fault.route('GET', `/v1/projects/${P}`, json(200, {id: P, domain_id: P, name: slug, slug, created_at: at, updated_at: at}));
  fault.route('GET', FAULT_ISSUE, json(200, {items: []}));
  fault.route('GET', '/v1/whoami', problem(404, {title: 'Not Found'}));
  return fault;
}
