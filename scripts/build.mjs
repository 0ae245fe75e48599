// Builds the single-file ESM bundle that `bin.plexconsole` points at (recipe: shared/docs/stack.md).
import {build} from 'esbuild';
import {readFileSync, chmodSync, mkdirSync} from 'node:fs';

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
  },
  // signal-exit and friends call require(); ESM bundles need a real one.
  banner: {
    js: "#!/usr/bin/env node\nimport {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);",
  },
  plugins: [
    {
      // Ink imports react-devtools-core only in dev mode; stubbing it drops `ws` too.
      name: 'stub-ink-devtools',
      setup(b) {
        b.onResolve({filter: /^\.\/devtools\.js$/}, (a) =>
          a.importer.includes('/ink/build/') ? {path: 'devtools', namespace: 'stub'} : undefined,
        );
        b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export {};', loader: 'js'}));
      },
    },
  ],
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
