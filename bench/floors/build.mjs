// Builds the floor programs (bench/floors/cli.ts) with scripts/build.mjs's own buildBundle —
// the same esbuild options, plugins, piece loader and WASM assets as plexconsole — into a
// temporary directory, then writes their V8 code caches the way the build does: one run of
// each program with PLEXCONSOLE_WRITE_CODE_CACHE=1.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {buildBundle, codeCacheRun} from '../../scripts/build.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The floor entry (`node ENTRY request SERVER TOKEN_FILE`, `node ENTRY ink`) and how to remove it. */
export async function buildFloors({server, tokenFile}) {
  const outdir = mkdtempSync(join(tmpdir(), 'plexconsole-floors-'));
  const {entry} = await buildBundle({
    outdir,
    entryFile: join(HERE, 'cli.ts'),
    pieces: {request: [join(HERE, 'request.ts')], ink: [join(HERE, 'ink.tsx')]},
  });
  for (const args of [['request', server, tokenFile], ['ink', '--once']]) codeCacheRun(entry, args);
  return {entry, remove: () => rmSync(outdir, {recursive: true, force: true})};
}
