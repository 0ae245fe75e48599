// Builds the split CommonJS bundle that `bin.plexconsole` points at (recipe: shared/docs/stack.md):
//
//   dist/plexconsole.cjs          the entry: argv, --version, and a loader for the pieces below
//   dist/chunks/console.cjs       the interactive console (Ink, React)
//   dist/chunks/commands.cjs      the headless verbs, help and completion
//   dist/chunks/api.cjs           the API client and the config resolver, loaded on first use
//   dist/chunks/vendor.cjs        undici and zod, loaded on the first request
//   dist/chunks/sandbox.cjs       the sandbox control plane (sql.js, hash-wasm)
//   dist/chunks/*.wasm            WASM the pieces read when they load (yoga, sql.js)
//   dist/chunks/*.cjs.cache       V8 code cache per piece (scripts/code-cache.mjs)
//
// Why: every start used to parse one 2.8 MB file, 1.3 MB of it base64 WASM that only the
// sandbox needs; now a path parses and compiles only its piece, from a code cache
// (BENCHMARKS.md, start-up). CommonJS, because Node 20 has a code cache only for scripts
// (vm.Script cachedData, SEA useCodeCache), not for ES modules, and because a Node single
// executable's main must be CommonJS (scripts/package.mjs). Run `node scripts/build.mjs`.
import {build} from 'esbuild';
import {spawn, spawnSync} from 'node:child_process';
import {chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {createRequire} from 'node:module';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {inkPatchPlugins} from './ink-patches/index.mjs';
import {checkUndiciNames, undiciLazyCookieBrandCheck, undiciLazyH2, undiciLiftoffParser, undiciSlim} from './undici-patches.mjs';
import {mustReplace, textPatch} from './must-replace.mjs';
import {stringWidthFast} from './string-width-fast.mjs';
import {zodEnglishOnly} from './zod-english-only.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNTIME = join(ROOT, 'scripts/runtime');
const require = createRequire(import.meta.url);
const src = (p) => join(ROOT, 'src', p);

/** The pieces and the source modules that start each one; an import of one of these
 * modules from outside its piece becomes a load of the piece (see `pieceBoundaries`). The
 * API layer is a piece of its own, and undici and zod another, so that `--help`,
 * `completion` and the console's first frame never read or initialise undici and zod
 * (BENCHMARKS.md, start-up): the other pieces import them lazily (LAZY), so each loads on
 * first use, and `checkOnePieceEach` fails the build if a module of the API piece is
 * bundled anywhere else (a second ApiError class would break every `instanceof`). */
export const PIECES = {
  console: [src('openConsole.ts')],
  commands: [src('commands/index.ts')],
  api: [
    ...readdirSync(src('api'))
      .filter((f) => f.endsWith('.ts') && f !== 'vendor.ts')
      .map((f) => src(`api/${f}`)),
    src('config/resolve.ts'),
    src('config/errors.ts'),
  ],
  // undici and zod (src/api/vendor.ts): 500 KB the API piece reaches on its first request.
  vendor: [src('api/vendor.ts')],
  sandbox: [src('sandbox/cli.ts'), src('sandbox/server.ts')],
};

/** The name a piece exports one of its start modules under: `src_api_client_ts`. */
const moduleKey = (file) => relative(ROOT, file).replace(/[^A-Za-z0-9]/g, '_');

/** WASM a piece reads at load time instead of carrying it as base64 in its source. */
const ASSETS = {
  'sql-wasm.wasm': require.resolve('sql.js/dist/sql-wasm.wasm'),
};


/** Imports that cross into another piece load that piece at run time (once). */
export function pieceBoundaries(self, pieces = PIECES) {
  const owner = new Map(Object.entries(pieces).flatMap(([name, files]) => files.map((f) => [f, name])));
  return {
    name: 'piece-boundaries',
    setup(b) {
      // Relative imports, and the absolute ones the lazy imports (LAZY) make.
      b.onResolve({filter: /^(\.\.?)?\//}, (a) => {
        // `real`: lazyImports asking where the module itself is; it comes back through here.
        if (a.kind === 'entry-point' || a.pluginData?.real || !/\.(ts|tsx)$/.test(a.importer)) return undefined;
        const js = resolve(a.resolveDir, a.path).replace(/\.js$/, '.ts');
        const target = owner.has(js) ? js : js.replace(/\.ts$/, '.tsx');
        const piece = owner.get(target);
        if (!piece || piece === self) return undefined;
        return {path: `${piece}:${moduleKey(target)}`, namespace: 'piece'};
      });
      b.onLoad({filter: /.*/, namespace: 'piece'}, (a) => {
        const [piece, key] = a.path.split(':');
        const load = `(${JSON.stringify(piece)})[${JSON.stringify(key)}]`;
        return {
          loader: 'js',
          resolveDir: RUNTIME,
          // The entry owns the loader; pieces reach it through the global it installs.
          contents:
            self === 'entry'
              ? `module.exports = require('./chunks.js').loadChunk${load};`
              : `module.exports = globalThis[Symbol.for('plexconsole.loadChunk')]${load};`,
        };
      });
    },
  };
}

/**
 * Imports that load their module on first use, not when the piece loads. Each such import
 * becomes an object whose named exports are getters that load the real module once.
 * - The verbs' imports of the API layer, the config resolver and yaml: `--help`,
 *   `completion` and a usage error never initialise undici and zod (most of the piece).
 * - The console's imports of the API layer: its first frame is drawn before the zod
 *   schemas are built; the first request, from an effect after that frame, builds them.
 * - The API layer's imports of undici and of its zod schemas: undici initialises when the
 *   first request is made and the schemas are built when the first response is read, not
 *   when the client is created (which the console does before its first frame).
 */
export const LAZY = [
  {importers: /[\\/]src[\\/]commands[\\/]/, targets: [/[\\/]src[\\/]api[\\/]/, /[\\/]src[\\/]config[\\/](resolve|errors)\.ts$/, /^yaml$/]},
  {importers: /[\\/]src[\\/](openConsole\.ts|console\.tsx|app\.tsx|hooks[\\/]|screens[\\/]|journal[\\/])/, targets: [/[\\/]src[\\/]api[\\/]/, /[\\/]src[\\/]config[\\/]resolve\.ts$/]},
  {importers: /[\\/]src[\\/](api|config)[\\/]/, targets: [/[\\/]src[\\/]api[\\/](vendor|schemas)\.ts$/]},
];

/** The named exports of a module: esbuild's view of an ES module, Node's of a CommonJS one. */
async function exportNames(path) {
  const r = await build({entryPoints: [path], bundle: true, write: false, metafile: true, format: 'esm', platform: 'node', outdir: '/tmp', logLevel: 'silent'});
  const names = Object.values(r.metafile.outputs)[0].exports;
  if (/\.tsx?$/.test(path)) return names;
  // A CommonJS package (yaml's Node build): esbuild sees only `default`.
  return [...new Set([...names, ...Object.keys(require(path))])];
}

function lazyImports() {
  return {
    name: 'lazy-imports',
    setup(b) {
      b.onResolve({filter: /.*/}, async (a) => {
        if (a.kind !== 'import-statement' || a.pluginData?.real) return undefined;
        const targets = LAZY.filter((rule) => rule.importers.test(a.importer)).flatMap((rule) => rule.targets);
        if (targets.length === 0) return undefined;
        const bare = !/^\.\.?\//.test(a.path);
        if (bare ? !targets.some((t) => t.test(a.path)) : false) return undefined;
        const r = await b.resolve(a.path, {kind: a.kind, resolveDir: a.resolveDir, importer: a.importer, pluginData: {real: true}});
        if (r.errors.length > 0 || (!bare && !targets.some((t) => t.test(r.path)))) return undefined;
        return {path: r.path, namespace: 'lazy'};
      });
      b.onLoad({filter: /.*/, namespace: 'lazy'}, async (a) => {
        const names = await exportNames(a.path);
        return {
          loader: 'js',
          resolveDir: dirname(a.path),
          contents: `let real;
const load = () => (real ??= require(${JSON.stringify(a.path)}));
for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, {enumerable: true, get: () => load()[name]});
`,
        };
      });
    },
  };
}

/** `import bytes from 'x.wasm'` reads the file (or SEA asset) when the module loads. */
const wasmAssets = {
  name: 'wasm-assets',
  setup(b) {
    b.onResolve({filter: /\.wasm$/}, (a) => {
      const name = Object.keys(ASSETS).find((k) => a.path.endsWith(`/${k}`));
      if (!name) throw new Error(`unknown WASM import ${a.path}: list it in ASSETS (scripts/build.mjs)`);
      return {path: name, namespace: 'asset'};
    });
    b.onLoad({filter: /.*/, namespace: 'asset'}, (a) => ({
      loader: 'js',
      // ESM, not `module.exports =`: esbuild's CommonJS interop would copy every byte index.
      contents: `export default globalThis[Symbol.for('plexconsole.loadAsset')](${JSON.stringify(a.path)});`,
    }));
  },
};

/**
 * yoga-layout starts with `await loadYoga()` (top-level await, which CommonJS cannot have)
 * and fetches its WASM from a base64 `data:` URL (which loads Node's own undici just to
 * decode it). Instead: the WASM is an asset, compiled and instantiated synchronously through
 * Emscripten's `instantiateWasm` hook, so Yoga is ready before Ink renders.
 */
const yogaSync = {
  name: 'yoga-sync',
  setup(b) {
    b.onLoad({filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, async (a) => {
      const text = readFileSync(a.path, 'utf8');
      mustReplace(text, 'const Yoga = wrapAssembly(await loadYoga());', '', 'yoga-layout index.js');
      return {
        loader: 'js',
        contents: `import loadYoga from '../binaries/yoga-wasm-base64-esm.js';
import wrapAssembly from './wrapAssembly.js';
const lib = {
  instantiateWasm(imports, receive) {
    const bytes = globalThis[Symbol.for('plexconsole.loadAsset')]('yoga.wasm');
    receive(new WebAssembly.Instance(new WebAssembly.Module(bytes), imports));
    return {};
  },
};
loadYoga(lib); // synchronous with instantiateWasm: lib holds the runtime when it returns
const Yoga = wrapAssembly(lib);
export default Yoga;
export * from './generated/YGEnums.js';
`,
      };
    });
    b.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async (a) => {
      const text = readFileSync(a.path, 'utf8');
      const m = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/.exec(text);
      if (!m) throw new Error('yoga-layout binaries changed: no inlined WASM found (scripts/build.mjs)');
      // The WASM leaves the source (120 KB less to parse); `import.meta` has no CommonJS meaning.
      const contents = text.replace(m[0], '""').replace('var _scriptDir = import.meta.url;', 'var _scriptDir = undefined;');
      return {loader: 'js', contents};
    });
  },
};

/** Ink 6.8's reconciler awaits two dev-only imports at top level; production never takes them. */
const inkReconcilerNoAwait = textPatch({
  name: 'ink-reconciler-no-top-level-await',
  filter: /ink[\\/]build[\\/]reconciler\.js$/,
  what: 'ink reconciler.js',
  replacements: [
    ["await import('./devtools.js');", 'void 0;'],
    ['? await loadPackageJson()', '? {name: undefined, version: undefined}'],
  ],
});

const inkFixes = [
  ...inkPatchPlugins(),
  // Ink 6.8's incremental renderer moves the cursor up one line too few
  // (`previousVisible - 1`), so every update draws one line lower and the
  // screen drifts. Ink 7 fixed it as `previousLines.length - 1`; we apply the
  // same one-line fix at bundle time and fail loudly if Ink changes shape.
  textPatch({
    name: 'fix-ink-incremental-cursor',
    filter: /ink[\\/]build[\\/]log-update\.js$/,
    what: 'ink log-update.js',
    replacements: [['ansiEscapes.cursorUp(previousVisible - 1)', 'ansiEscapes.cursorUp(previousLines.length - 1)']],
  }),
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
];

/** esbuild options shared by the entry and the pieces. */
export function commonOptions({sea = false, version} = {}) {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    jsx: 'automatic',
    define: {
      'process.env.NODE_ENV': '"production"',
      __PLEXCONSOLE_VERSION__: JSON.stringify(version),
    },
    alias: {'plexconsole:pieces': join(RUNTIME, sea ? 'pieces-sea.js' : 'pieces-file.js')},
    logLevel: 'warning',
    // A piece that still imported an ES module at run time could not run from vm.Script.
    supported: {'dynamic-import': false},
  };
}

/**
 * Builds the entry and every piece into `outdir`; `extraPlugins` come first (bench variants);
 * `entryFile` and `pieces` replace src/cli.ts and PIECES for the bench's floor programs
 * (bench/floors/), which must be built exactly as the product is. Returns the files written, for the code cache and the executable.
 */
export async function buildBundle({outdir = join(ROOT, 'dist'), sea = false, extraPlugins = [], entryFile = src('cli.ts'), pieces = PIECES} = {}) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const chunks = join(outdir, 'chunks');
  rmSync(chunks, {recursive: true, force: true});
  mkdirSync(chunks, {recursive: true});
  checkUndiciNames(ROOT);
  const common = commonOptions({sea, version: pkg.version});
  const entry = join(outdir, sea ? 'sea-main.cjs' : 'plexconsole.cjs');
  await build({
    ...common,
    entryPoints: [entryFile],
    outfile: entry,
    banner: {js: '#!/usr/bin/env node'},
    plugins: [...extraPlugins, pieceBoundaries('entry', pieces)],
  });
  chmodSync(entry, 0o755);
  const written = [];
  const inputs = {};
  for (const [name, files] of Object.entries(pieces)) {
    const outfile = join(chunks, `${name}.cjs`);
    const {metafile} = await build({
      ...common,
      metafile: true,
      // Each start module under its own key, initialised when first asked for: the API piece
      // holds a dozen, and a verb uses two or three.
      stdin: {
        contents: files.map((f) => `Object.defineProperty(exports, ${JSON.stringify(moduleKey(f))}, {enumerable: true, get: () => require(${JSON.stringify(f)})});`).join('\n'),
        resolveDir: ROOT,
        loader: 'js',
      },
      outfile,
      plugins: [...extraPlugins, lazyImports(), pieceBoundaries(name, pieces), undiciSlim, undiciLazyCookieBrandCheck, undiciLazyH2, undiciLiftoffParser, wasmAssets, yogaSync, inkReconcilerNoAwait, stringWidthFast, zodEnglishOnly, ...inkFixes],
    });
    written.push(outfile);
    inputs[name] = Object.keys(metafile.inputs);
  }
  checkOnePieceEach(inputs, pieces);
  const assets = [];
  for (const [name, from] of Object.entries(ASSETS)) {
    copyFileSync(from, join(chunks, name));
    assets.push(join(chunks, name));
  }
  writeFileSync(join(chunks, 'yoga.wasm'), yogaWasm());
  assets.push(join(chunks, 'yoga.wasm'));
  return {entry, pieces: written, assets};
}

/**
 * A module of a piece's own (src/api, src/config) bundled into another piece too would be a
 * second copy at run time, with its own classes: an ApiError from one copy fails
 * `instanceof` against the other. Imports of a piece's start modules become loads of that
 * piece (`pieceBoundaries`); this fails the build when a module reached some other way is
 * bundled twice.
 */
function checkOnePieceEach(inputs, pieces) {
  const own = new Map(Object.entries(pieces).flatMap(([name, files]) => files.map((f) => [relative(ROOT, f), name])));
  for (const [name, files] of Object.entries(inputs)) {
    for (const f of files) {
      const owner = own.get(f) ?? (/^src[\\/](api|config)[\\/]/.test(f) ? 'api' : undefined);
      if (owner && owner !== name && pieces[owner]) {
        throw new Error(`${f} belongs to the ${owner} piece but is bundled into ${name} too: import it lazily (LAZY in scripts/build.mjs)`);
      }
    }
  }
}

/** The yoga WASM, taken out of yoga-layout's base64 module. */
function yogaWasm() {
  const text = readFileSync(join(dirname(require.resolve('yoga-layout')), '../binaries/yoga-wasm-base64-esm.js'), 'utf8');
  const m = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/.exec(text);
  if (!m?.[1]) throw new Error('yoga-layout binaries changed: no inlined WASM found');
  return Buffer.from(m[1], 'base64');
}

/** One run of a built entry that writes the code cache of every piece it loaded (and of `pieces`, loaded up front). */
export function codeCacheRun(entry, args, {node = process.execPath, pieces = ''} = {}) {
  const r = spawnSync(node, [entry, ...args], {
    encoding: 'utf8',
    env: {...process.env, PLEXCONSOLE_WRITE_CODE_CACHE: '1', PLEXCONSOLE_LOAD_PIECES: pieces},
  });
  if (r.status !== 0) throw new Error(`code cache run ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
}

/**
 * Writes `<piece>.cjs.cache` next to each piece: runs of the built entry that load the
 * pieces and exercise their common paths, with PLEXCONSOLE_WRITE_CODE_CACHE=1, after which
 * the loader (scripts/runtime/chunks.js) serialises what V8 compiled. Only the same Node
 * (same V8 version and flags) accepts the cache; any other compiles from source.
 */
export async function writeCodeCaches(entry, node = process.execPath) {
  const cacheRun = (args, pieces = '') => codeCacheRun(entry, args, {node, pieces});
  // Every piece's top level first; the runs below overwrite a piece's cache with a richer one.
  cacheRun(['--version'], 'console,commands,api,vendor,sandbox');
  // A verb against the built sandbox: the verb registry, undici's request path, zod, yaml.
  const dataDir = mkdtempSync(join(tmpdir(), 'plexconsole-cache-'));
  const sandbox = spawn(node, [entry, 'sandbox', '--port', '0', '--seed', 'empty', '--data-dir', dataDir], {stdio: ['ignore', 'pipe', 'inherit']});
  try {
    const url = await new Promise((ok, fail) => {
      let out = '';
      sandbox.stdout.on('data', (d) => {
        out += d;
        const m = /listening on (\S+)/.exec(out);
        if (m) ok(m[1]);
      });
      sandbox.once('exit', (code) => fail(new Error(`code cache: the sandbox exited ${code}`)));
    });
    cacheRun(['whoami', '--output', 'yaml', '--server', url, '--token-file', join(dataDir, 'operator.token')]);
  } finally {
    sandbox.kill('SIGTERM');
    rmSync(dataDir, {recursive: true, force: true});
  }
  // The console needs a terminal; without python3 its cache keeps only the top level.
  if (spawnSync('python3', ['--version']).status === 0) {
    const r = spawnSync('python3', [join(ROOT, 'scripts/code-cache-console.py'), node, entry], {encoding: 'utf8', timeout: 120_000});
    if (r.status !== 0) throw new Error(`code cache run of the console failed (${r.status}): ${r.stderr}`);
  }
}

/** `node dist/plexconsole.mjs` as before the split (scripts and tests that still name it). */
export function writeCompatEntry(outdir) {
  writeFileSync(
    join(outdir, 'plexconsole.mjs'),
    "#!/usr/bin/env node\n// The entry is dist/plexconsole.cjs (scripts/build.mjs); this keeps the old path working.\nimport {createRequire} from 'node:module';\ncreateRequire(import.meta.url)('./plexconsole.cjs');\n",
  );
  chmodSync(join(outdir, 'plexconsole.mjs'), 0o755);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = join(ROOT, 'dist');
  mkdirSync(outdir, {recursive: true});
  const {entry} = await buildBundle({outdir});
  writeCompatEntry(outdir);
  await writeCodeCaches(entry);
}
