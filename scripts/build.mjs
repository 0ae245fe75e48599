// Builds the single-file ESM bundle that `bin.plexconsole` points at (recipe: shared/docs/stack.md).
import {build} from 'esbuild';
import {readFileSync, chmodSync, mkdirSync} from 'node:fs';
import {inkPatchPlugins} from './ink-patches/index.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
mkdirSync(new URL('../dist/', import.meta.url), {recursive: true});
const outfile = new URL('../dist/plexconsole.mjs', import.meta.url).pathname;

await build({
  entryPoints: [new URL('../src/cli.ts', import.meta.url).pathname],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  jsx: 'automatic',
  // sql.js loads its WASM from disk by default; inline it so the bundle runs without node_modules.
  loader: {'.wasm': 'binary'},
  define: {
    'process.env.NODE_ENV': '"production"',
    __PLEXCONSOLE_VERSION__: JSON.stringify(pkg.version),
    // sql.js (Emscripten CJS) reads __dirname at load even when handed wasmBinary; ESM has none.
    __dirname: 'import.meta.dirname',
    __filename: 'import.meta.filename',
  },
  // signal-exit and friends call require(); ESM bundles need a real one.
  banner: {
    js: "#!/usr/bin/env node\nimport {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);",
  },
  plugins: [
    // Measured in BENCHMARKS.md: Delete/Insert Line when the window scrolls, and one
    // tokenised-line cache across frames (see scripts/ink-patches/index.mjs).
    ...inkPatchPlugins(),
    {
      // Ink 6.8's incremental renderer moves the cursor up one line too few
      // (`previousVisible - 1`), so every update draws one line lower and the
      // screen drifts. Ink 7 fixed it as `previousLines.length - 1`; we apply the
      // same one-line fix at bundle time and fail loudly if Ink changes shape.
      name: 'fix-ink-incremental-cursor',
      setup(b) {
        b.onLoad({filter: /ink[\\/]build[\\/]log-update\.js$/}, async (a) => {
          const {readFile} = await import('node:fs/promises');
          const src = await readFile(a.path, 'utf8');
          const bad = 'ansiEscapes.cursorUp(previousVisible - 1)';
          if (!src.includes(bad)) throw new Error('ink log-update.js changed: re-check the incremental cursor fix');
          return {contents: src.replace(bad, 'ansiEscapes.cursorUp(previousLines.length - 1)'), loader: 'js'};
        });
      },
    },
    {
      // Ink renders nothing until exit when `is-in-ci` says CI (CI=true, as on CI boxes and
      // in some operator shells). The console starts Ink only after checking that stdin and
      // stdout are terminals, so that guess can only hide the UI: pin it to false.
      name: 'console-is-interactive',
      setup(b) {
        b.onResolve({filter: /^is-in-ci$/}, () => ({path: 'is-in-ci', namespace: 'stub'}));
      },
    },
    {
      // Ink imports react-devtools-core only in dev mode; stubbing it drops `ws` too.
      name: 'stub-ink-devtools',
      setup(b) {
        b.onResolve({filter: /^\.\/devtools\.js$/}, (a) =>
          a.importer.includes('/ink/build/') ? {path: 'devtools', namespace: 'stub'} : undefined,
        );
        b.onLoad({filter: /.*/, namespace: 'stub'}, (a) => ({contents: a.path === 'is-in-ci' ? 'export default false;' : 'export {};', loader: 'js'}));
      },
    },
  ],
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
