import type {Dispatcher} from 'undici';
import {ApiError} from './errors.js';

/** The default response body cap: 16 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

function tooLarge(limit: number, what: string): ApiError {
  return new ApiError({
    kind: 'too_large',
    code: 'body_too_large',
    title: 'response too large',
    detail: `${what} exceeds the ${Math.round(limit / 1024 / 1024)} MiB limit`,
  });
}

/** Reads a response body as text, destroying the stream as soon as it passes `limit` bytes. */
export async function readBodyText(res: Dispatcher.ResponseData, limit: number): Promise<string> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    res.body.destroy();
    throw tooLarge(limit, `the declared body of ${declared} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) {
      // Destroy rather than drain: memory stays bounded however much the server keeps sending.
      res.body.destroy();
      throw tooLarge(limit, 'the body');
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
