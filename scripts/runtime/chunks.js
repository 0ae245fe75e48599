// Run-time half of the split bundle (scripts/build.mjs): the entry, dist/plexconsole.cjs, is
// small, and each path loads only the piece it needs — `console`, `commands` or `sandbox`
// (dist/chunks/*.cjs, or the same files as assets of the single executable) — on first
// use. Each piece is compiled with the V8 code cache the build wrote next to it, so a start
// skips parsing and compiling what it runs. A cache made by another Node (another V8) is
// rejected by V8 and the piece is compiled from source: slower, never wrong.
import {writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {setFlagsFromString} from 'node:v8';
import {Script} from 'node:vm';
import {readPiece} from 'plexconsole:pieces';

/** CommonJS's own wrapper: the pieces are esbuild CommonJS bundles. */
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) { ', '\n})'];

// V8 accepts a code cache only under the flag hash it was written with, and the hash it
// computes after any flag change at run time differs from the one it starts with, even when
// the change is undone (measured on Node 20). undici's HTTP parser is compiled with a flag
// set and reset (scripts/undici-patches.mjs), so the build's cache-writing runs would leave
// caches that a fresh start rejects. Setting and resetting the same flag here, before any
// piece loads, gives every process the after-change hash from the start.
setFlagsFromString('--liftoff-only');
setFlagsFromString('--no-liftoff-only');
// Old space may grow 20 % past what the last full collection kept, not V8's default (up to
// 4x for a small heap): measured on a 100,000-token roster, RSS after loading 160-194 MB
// became 145-146 MB, flat after 200 key presses, with the keypress p95 unchanged
// (BENCHMARKS.md, scale). Bastion hosts are small. Read by V8 whenever it sets the next
// limit, so setting it here takes effect (the young generation's size does not: fixed at
// start-up). Here, before any piece loads, as it is part of the flag hash too.
setFlagsFromString('--heap-growing-percent=20');

const loaded = new Map();
const env = process.env;
// Build only (scripts/build.mjs): write each loaded piece's code cache when the process
// exits, so it holds everything the run compiled, not only the piece's top level.
const writeCaches = env.PLEXCONSOLE_WRITE_CODE_CACHE === '1';
const debug = env.PLEXCONSOLE_DEBUG_PIECES === '1';

/** The exports of piece `name` (`console`, `commands`, `sandbox`), loaded once. */
export function loadChunk(name) {
  const done = loaded.get(name);
  if (done) return done.module.exports;
  const t0 = debug ? performance.now() : 0;
  const {code, cache, filename} = readPiece(`${name}.cjs`);
  const script = new Script(WRAPPER[0] + code + WRAPPER[1], {filename, cachedData: writeCaches ? undefined : cache});
  const module = {exports: {}, id: filename, filename, loaded: false};
  loaded.set(name, {module, script, filename});
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, join(filename, '..'));
  module.loaded = true;
  if (debug) {
    const how = cache === undefined ? 'no code cache' : script.cachedDataRejected ? 'code cache rejected' : 'code cache accepted';
    process.stderr.write(`plexconsole: piece ${name}: ${how}, loaded in ${(performance.now() - t0).toFixed(1)} ms\n`);
  }
  return module.exports;
}

/** The bytes of a build asset (a WASM file), e.g. `sql-wasm.wasm`. */
export function loadAsset(name) {
  return readPiece(name, {binary: true}).bytes;
}

if (writeCaches) {
  process.on('exit', () => {
    for (const {script, filename} of loaded.values()) writeFileSync(`${filename}.cache`, script.createCachedData());
  });
  // `PLEXCONSOLE_WRITE_CODE_CACHE=1 PLEXCONSOLE_LOAD_PIECES=console,sandbox`: load them up front.
  for (const name of (env.PLEXCONSOLE_LOAD_PIECES ?? '').split(',').filter(Boolean)) queueMicrotask(() => loadChunk(name));
}

// Pieces reach the loader (and each other) through these, not through a second copy of it.
globalThis[Symbol.for('plexconsole.loadChunk')] = loadChunk;
globalThis[Symbol.for('plexconsole.loadAsset')] = loadAsset;
