import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {defineConfig, type Plugin} from 'vitest/config';

// Mirrors esbuild's `loader: {'.wasm': 'binary'}` (scripts/build.mjs): a `.wasm` import is
// its bytes as a Uint8Array. `server.deps.inline` below keeps vitest from externalising it
// to Node, which cannot import .wasm files.
const requireFromHere = createRequire(import.meta.url);
function wasmAsBytes(): Plugin {
  return {
    name: 'wasm-as-bytes',
    enforce: 'pre',
    resolveId(source) {
      return source.endsWith('.wasm') ? requireFromHere.resolve(source) : undefined;
    },
    load(id) {
      if (!id.endsWith('.wasm')) return undefined;
      const b64 = readFileSync(id).toString('base64');
      return `export default new Uint8Array(Buffer.from(${JSON.stringify(b64)}, 'base64'));`;
    },
  };
}

// Tests talk real HTTP to in-process sandboxes on loopback; two workers match
// the 2-core CI box without starving the servers the tests start.
export default defineConfig({
  plugins: [wasmAsBytes()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // One scratch TMPDIR for the run, removed at its end; then dist/ is rebuilt when it is older
    // than src/ (or fails loudly): e2e tests run the bundle.
    globalSetup: ['test/support/scratch.ts', 'test/support/distFresh.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default'],
    server: {deps: {inline: [/\.wasm$/]}},
  },
  define: {
    __PLEXCONSOLE_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.1.0'),
  },
});
