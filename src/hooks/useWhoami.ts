import {getWhoami} from '../api/whoami.js';
import {useRequest, type RequestState} from './useRequest.js';
import type {Whoami} from './types.js';

/** The signed-in principal, for the header and `:whoami`. */
export function useWhoami(): RequestState<Whoami> {
  return useRequest('whoami', async (client, signal) => (await getWhoami(client, {signal})).data);
}

/** How the header names a principal: email when known, else the subject. */
export function principalLabel(w: Whoami | undefined): string | undefined {
  return w ? (w.email ?? w.subject) : undefined;
}
