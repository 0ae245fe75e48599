// Where the pieces of the split bundle live for `node dist/plexconsole.cjs`: dist/chunks/,
// each `.cjs` with its V8 code cache beside it (`.cjs.cache`, written by the build).
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

const DIR = join(__dirname, 'chunks');

export function readPiece(name, {binary = false} = {}) {
  const filename = join(DIR, name);
  if (binary) return {bytes: readFileSync(filename), filename};
  const cachePath = `${filename}.cache`;
  return {code: readFileSync(filename, 'utf8'), cache: existsSync(cachePath) ? readFileSync(cachePath) : undefined, filename};
}
