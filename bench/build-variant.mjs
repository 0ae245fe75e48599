#!/usr/bin/env node
// Builds the console exactly as scripts/build.mjs does, plus the candidate Ink patches of
// scripts/ink-patches, into bench/.out/ — so the bench can measure "shipped" and "patched"
// side by side in one run. It never touches dist/; builds go to $TMPDIR/plexconsole-bench/
// (outside the repository, nothing to commit by accident).
//
//   node bench/build-variant.mjs [--outfile bench/.out/plexconsole-patched.mjs] [--no-scroll] [--no-output-cache]
import {build} from 'esbuild';
import {mkdirSync, readFileSync, unlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {inkPatchPlugins} from '../scripts/ink-patches/index.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
export const OUT = join(tmpdir(), 'plexconsole-bench');

/** The options scripts/build.mjs passes to esbuild, captured without building. */
export async function capturedBuildOptions() {
  mkdirSync(OUT, {recursive: true});
  let src = readFileSync(join(ROOT, 'scripts/build.mjs'), 'utf8');
  const imp = "import {build} from 'esbuild';";
  if (!src.includes(imp)) throw new Error('scripts/build.mjs changed shape: cannot capture its esbuild options');
  src = src.replace(imp, 'const build = async (o) => { globalThis.__benchBuildOptions = o; };');
  // The copy sits in bench/, at the same depth as scripts/, so its ROOT-relative URLs and
  // bare imports resolve as in the original; it is deleted right after.
  src = src.replace(/\bchmodSync\(outfile[^;]*;/, '');
  // scripts/build.mjs imports its Ink patches relative to scripts/.
  src = src.replaceAll("'./ink-patches/", "'../scripts/ink-patches/");
  const tmp = join(HERE, `.capture-${process.pid}.mjs`);
  writeFileSync(tmp, src);
  try {
    await import(pathToFileURL(tmp).href);
  } finally {
    unlinkSync(tmp);
  }
  const o = globalThis.__benchBuildOptions;
  if (!o) throw new Error('scripts/build.mjs did not call build()');
  return o;
}

// Upper bound of lazy-loading for start-up: the console with the sandbox and the headless
// commands stubbed out (they are never called when the console opens with --server). Only
// for measuring; the real change is a dynamic import() of those modules in src/cli.ts and
// src/openConsole.ts.
const leanStub = {
  name: 'bench-stub-non-console-modules',
  setup(b) {
    b.onResolve({filter: /^\.\/(sandbox\/cli|sandbox\/server|commands\/index)\.js$/}, (a) =>
      /src[\\/](cli|openConsole)\.ts$/.test(a.importer) ? {path: a.path, namespace: 'bench-lean'} : undefined,
    );
    b.onLoad({filter: /.*/, namespace: 'bench-lean'}, (a) => ({
      loader: 'js',
      contents: a.path.includes('commands')
        ? 'export const isCommand = () => false; export const usage = () => ""; export const runCommand = async () => 2;'
        : 'export const runSandbox = async () => 2; export const startSandbox = async () => { throw new Error("bench lean build: no sandbox"); };',
    }));
  },
};

export async function buildVariant({outfile = join(OUT, 'plexconsole-patched.mjs'), scroll = true, outputCache = true, yogaNoFetch = false, lean = false} = {}) {
  const o = await capturedBuildOptions();
  const plugins = [...(lean ? [leanStub] : []), ...inkPatchPlugins({scroll, outputCache, yogaNoFetch}), ...(o.plugins ?? [])];
  await build({...o, outfile, plugins});
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const {values} = parseArgs({options: {outfile: {type: 'string'}, lean: {type: 'boolean', default: false}, 'no-scroll': {type: 'boolean', default: false}, 'no-output-cache': {type: 'boolean', default: false}, 'yoga-no-fetch': {type: 'boolean', default: false}}});
  const out = await buildVariant({outfile: values.outfile ? resolve(values.outfile) : undefined, scroll: !values['no-scroll'], outputCache: !values['no-output-cache'], yogaNoFetch: values['yoga-no-fetch'], lean: values.lean});
  process.stderr.write(`[bench] built ${out}\n`);
}
