import {getBootstrapToken} from '../api/bootstrapTokens.js';
import type {BootstrapToken} from './types.js';
import {useRequest, type RequestState} from './useRequest.js';

/** One token's metadata (never its plaintext). */
export function useTokenDetail(projectId: string, tokenId: string): RequestState<BootstrapToken> {
  return useRequest(`token:${projectId}:${tokenId}`, async (client, signal) => (await getBootstrapToken(client, projectId, tokenId, {signal})).data);
}
