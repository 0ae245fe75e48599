// `npm run package`: one executable for bastion hosts, with no Node needed there.
//
//   dist/plexconsole-<os>-<arch>   a Node single executable application (SEA) made with the
//                                  Node that runs this script
//   dist/SHA256SUMS                its `sha256sum` line
//
// The SEA's main is the entry built for it (scripts/runtime/pieces-sea.js reads the pieces
// from SEA assets); the pieces, their WASM and their V8 code caches are the files
// scripts/build.mjs wrote to dist/chunks/, embedded as assets. The caches were made by this
// same Node binary, which the executable contains, so V8 always accepts them; the entry
// gets its own through `useCodeCache`. Injection uses postject (pinned in package.json).
import {build} from 'esbuild';
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {buildBundle, commonOptions, pieceBoundaries, writeCodeCaches, writeCompatEntry} from './build.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const require = createRequire(import.meta.url);
// Node's SEA fuse (the string postject flips; doc/api/single-executable-applications.md).
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/** Why this Node cannot make an executable, or undefined when it can. */
export function seaUnsupported(node = process.versions.node) {
  const [major, minor] = node.split('.').map(Number);
  // Assets (node:sea getAsset) arrived in 20.12 / 21.7.
  if (major < 20 || (major === 20 && minor < 12) || (major === 21 && minor < 7)) return `Node ${node} has no SEA assets (needs ≥ 20.12)`;
  if (process.platform !== 'linux') return `packaging is only wired for Linux here (this is ${process.platform})`;
  return undefined;
}

export const executableName = () => `plexconsole-${process.platform}-${process.arch}`;

/** `reuseBuild`: dist/ was just built by scripts/build.mjs (npm test), use it as it is. */
export async function packageExecutable({reuseBuild = false, log = (m) => process.stderr.write(`[package] ${m}\n`)} = {}) {
  const why = seaUnsupported();
  if (why) throw new Error(`cannot build a single executable: ${why}`);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  // 1. The split bundle and its code caches, exactly as `npm run build` makes them.
  if (!reuseBuild) {
    const {entry} = await buildBundle({outdir: DIST});
    writeCompatEntry(DIST);
    await writeCodeCaches(entry);
  }
  // 2. The SEA's own entry (same source, pieces read from assets).
  const work = join(DIST, 'sea');
  rmSync(work, {recursive: true, force: true});
  mkdirSync(work, {recursive: true});
  const main = join(work, 'main.cjs');
  await build({...commonOptions({sea: true, version: pkg.version}), entryPoints: [join(ROOT, 'src/cli.ts')], outfile: main, plugins: [pieceBoundaries('entry')]});
  // 3. The blob: main + code cache + every piece, WASM and cache as an asset.
  const chunks = join(DIST, 'chunks');
  const assets = Object.fromEntries(readdirSync(chunks).map((f) => [f, join(chunks, f)]));
  const blob = join(work, 'sea-prep.blob');
  const config = join(work, 'sea-config.json');
  writeFileSync(config, JSON.stringify({main, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true, assets}, null, 2));
  // Quiet unless it fails (execFileSync then throws with its stderr).
  execFileSync(process.execPath, ['--experimental-sea-config', config], {stdio: 'pipe'});
  // 4. A copy of this Node with the blob injected.
  const name = executableName();
  const out = join(DIST, name);
  rmSync(out, {force: true});
  copyFileSync(process.execPath, out);
  chmodSync(out, 0o755);
  const postject = join(dirname(require.resolve('postject/package.json')), 'dist/cli.js');
  // postject warns about every ELF note it cannot name; harmless, so only shown on failure.
  execFileSync(process.execPath, [postject, out, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', FUSE], {stdio: 'pipe'});
  const sum = createHash('sha256').update(readFileSync(out)).digest('hex');
  writeFileSync(join(DIST, 'SHA256SUMS'), `${sum}  ${name}\n`);
  rmSync(work, {recursive: true, force: true});
  log(`${out} (${(readFileSync(out).length / 2 ** 20).toFixed(1)} MiB), sha256 ${sum}`);
  return {path: out, sha256: sum};
}

//   node scripts/package.mjs [--reuse-build] [--if-supported]
// --if-supported: on a Node that cannot make an executable, say why and exit 0 (npm test
// then skips the executable's tests, and says so).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const {values} = parseArgs({options: {'reuse-build': {type: 'boolean', default: false}, 'if-supported': {type: 'boolean', default: false}}});
  const why = seaUnsupported();
  if (why && values['if-supported']) process.stderr.write(`[package] skipped: ${why}\n`);
  else await packageExecutable({reuseBuild: values['reuse-build']});
}
