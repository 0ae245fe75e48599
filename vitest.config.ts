import {defineConfig} from 'vitest/config';

// Tests talk real HTTP to in-process sandboxes on loopback; two workers match
// the 2-core CI box without starving the servers the tests start.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default'],
  },
  define: {
    __PLEXCONSOLE_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.1.0'),
  },
});
