// Where the pieces of the split bundle live in the single executable: SEA assets
// (scripts/package.mjs), each `.cjs` with the V8 code cache the build made with this very
// Node binary, so the cache is always accepted.
import {getAsset} from 'node:sea';
import {join} from 'node:path';

export function readPiece(name, {binary = false} = {}) {
  // A path for stack traces and __dirname only; nothing is read from disk.
  const filename = join(process.execPath, '..', 'plexconsole-chunks', name);
  if (binary) return {bytes: new Uint8Array(getAsset(name)), filename};
  return {code: getAsset(name, 'utf8'), cache: Buffer.from(getAsset(`${name}.cache`)), filename};
}
