// esbuild plugins that shape undici for the pieces (scripts/build.mjs): a slim entry with
// only what src/api uses, and two patches that take start-up and exit cost out of every
// request-making path. Each patch fails the build if undici changes shape.
import {readFileSync, readdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {textPatch} from './must-replace.mjs';

const require = createRequire(import.meta.url);

/**
 * undici's cookie helpers build their Headers brand check when undici loads, and reading
 * `globalThis.Headers` there makes Node load its own bundled undici (~15–25 ms of every
 * verb's and the console's start). The check is built on first use instead; same check.
 */
export const undiciLazyCookieBrandCheck = textPatch({
  name: 'undici-lazy-cookie-brand-check',
  filter: /undici[\\/]lib[\\/]web[\\/]cookies[\\/]index\.js$/,
  what: 'undici cookies/index.js',
  replacements: [
    [
      'const brandChecks = webidl.brandCheckMultiple([Headers, globalThis.Headers].filter(Boolean))',
      'let brandCheck\nconst brandChecks = (h) => (brandCheck ??= webidl.brandCheckMultiple([Headers, globalThis.Headers].filter(Boolean)))(h)',
    ],
  ],
});

/**
 * src/api uses three things from undici: `request`, `Agent` and `EnvHttpProxyAgent`. undici's
 * index.js loads all of it (fetch, WebSocket, mocks, caches, HTTP/2, SOCKS…) and the Node
 * built-ins those need: about half the verbs' start-up. The pieces get an entry with those
 * three only, built from undici's own modules and its own `makeDispatcher` (copied from its
 * index.js at build time, so `request` behaves exactly as undici's). A new name imported
 * from 'undici' in src fails the build here, not at run time.
 */
const UNDICI_USED = ['request', 'Agent', 'EnvHttpProxyAgent', 'buildConnector'];
export const undiciSlim = {
  name: 'undici-slim',
  setup(b) {
    const dir = dirname(require.resolve('undici/package.json'));
    // Our code's imports (src/, and the bench's floor programs), not undici's own.
    b.onResolve({filter: /^undici$/}, (a) => (/[\\/]node_modules[\\/]/.test(a.importer) ? undefined : {path: 'undici', namespace: 'undici-slim'}));
    b.onLoad({filter: /.*/, namespace: 'undici-slim'}, () => {
      const index = readFileSync(join(dir, 'index.js'), 'utf8');
      const m = /\nfunction makeDispatcher \(fn\) \{\n[\s\S]*?\n\}\n/.exec(index);
      if (!m) throw new Error('undici index.js changed: no makeDispatcher (scripts/undici-patches.mjs undici-slim)');
      return {
        loader: 'js',
        resolveDir: dir,
        contents: `'use strict'
const Dispatcher = require('./lib/dispatcher/dispatcher')
const Agent = require('./lib/dispatcher/agent')
const buildConnector = require('./lib/core/connect')
const EnvHttpProxyAgent = require('./lib/dispatcher/env-http-proxy-agent')
const api = require('./lib/api')
const util = require('./lib/core/util')
const { InvalidArgumentError } = require('./lib/core/errors')
const { getGlobalDispatcher } = require('./lib/global')
// As undici's index.js does: dispatcher.request() and friends.
Object.assign(Dispatcher.prototype, api)
${m[0]}
module.exports = { Agent, EnvHttpProxyAgent, buildConnector, request: makeDispatcher(api.request) }
`,
      };
    });
  },
};

/** Fails the build when src imports from undici something the slim entry lacks. */
export function checkUndiciNames(root) {
  const used = new Set();
  const walk = (d) => {
    for (const e of readdirSync(d, {withFileTypes: true})) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) {
        for (const m of readFileSync(p, 'utf8').matchAll(/(?:import|export)\s*\{([^}]*)\}\s*from\s*'undici'/g)) {
          for (const n of m[1].split(',').map((x) => x.trim()).filter((x) => x && !x.startsWith('type '))) used.add(n.split(/\s+as\s+/)[0]);
        }
      }
    }
  };
  walk(join(root, 'src'));
  const missing = [...used].filter((n) => !UNDICI_USED.includes(n));
  if (missing.length) throw new Error(`src imports ${missing.join(', ')} from undici: add it to the undici-slim entry (scripts/undici-patches.mjs)`);
}


/**
 * undici parses HTTP/1 with llhttp compiled to WASM. V8 compiles it with Liftoff, then
 * re-compiles the hot parser with TurboFan on a background thread, and a process that exits
 * must wait for that compile to finish: measured, a verb's exit waited ~250–320 ms for it
 * (a bare undici request: 470 ms spawn→exit, 250 ms with this patch; BENCHMARKS.md,
 * start-up). The parser compiled Liftoff-only is fast enough for every path here (it reads
 * headers and skips over bodies), so llhttp alone is compiled with `--liftoff-only`; the flag
 * is restored at once, so nothing else changes (yoga, sql.js and Argon2 keep TurboFan) and
 * the V8 flag hash the code caches are checked against is the same again afterwards.
 */
export const undiciLiftoffParser = textPatch({
  name: 'undici-liftoff-parser',
  filter: /undici[\\/]lib[\\/]dispatcher[\\/]client-h1\.js$/,
  what: 'undici dispatcher/client-h1.js',
  replacements: [
    [
      'function lazyllhttp () {',
      `function lazyllhttp () {
  const v8 = require('node:v8')
  v8.setFlagsFromString('--liftoff-only')
  try {
    return lazyllhttpTurbo()
  } finally {
    v8.setFlagsFromString('--no-liftoff-only')
  }
}

function lazyllhttpTurbo () {`,
    ],
  ],
});

/**
 * undici's client loads its HTTP/2 half (and node:http2 with it, ~6 ms of every start) when it
 * loads, though a connection uses it only after ALPN picks h2, which never happens here
 * (allowH2 is off). It is required on that first use instead.
 */
export const undiciLazyH2 = textPatch({
  name: 'undici-lazy-h2',
  filter: /undici[\\/]lib[\\/]dispatcher[\\/]client\.js$/,
  what: 'undici dispatcher/client.js',
  replacements: [["const connectH2 = require('./client-h2.js')", "const connectH2 = (client, socket) => require('./client-h2.js')(client, socket)"]],
});
