// vitest globalSetup: the e2e and script tests run the built bundle (dist/plexconsole.mjs).
// `npm test` builds it first; `npx vitest run …` does not, and would silently test an old
// build. So before any test runs: if the bundle is missing or older than anything it is
// built from, rebuild it; if that fails, stop the run loudly.
import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';

/** What the bundle is built from, relative to the repository root. */
export const BUILD_INPUTS = ['src', 'scripts', 'package.json', 'package-lock.json'];
export const BUNDLE = join('dist', 'plexconsole.mjs');

function newestUnder(path: string): {file: string; mtimeMs: number} | undefined {
  if (!existsSync(path)) return undefined;
  const st = statSync(path);
  if (!st.isDirectory()) return {file: path, mtimeMs: st.mtimeMs};
  let newest: {file: string; mtimeMs: number} | undefined;
  for (const name of readdirSync(path)) {
    const n = newestUnder(join(path, name));
    if (n && (!newest || n.mtimeMs > newest.mtimeMs)) newest = n;
  }
  return newest;
}

/** Why the bundle under `root` cannot be trusted to be the current source, or undefined when it can. */
export function staleBundle(root: string): string | undefined {
  const bundle = join(root, BUNDLE);
  if (!existsSync(bundle)) return `${BUNDLE} does not exist`;
  const built = statSync(bundle).mtimeMs;
  for (const input of BUILD_INPUTS) {
    const n = newestUnder(join(root, input));
    if (n && n.mtimeMs > built) return `${n.file.slice(root.length + 1)} is newer than ${BUNDLE}`;
  }
  return undefined;
}

export default function setup(): void {
  // Another build was named on purpose (the script test honours PLEXCONSOLE_BIN).
  if (process.env.PLEXCONSOLE_BIN) return;
  const root = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
  const why = staleBundle(root);
  if (!why) return;
  process.stderr.write(`[dist check] ${why}: rebuilding with scripts/build.mjs before the tests run\n`);
  try {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {cwd: root, stdio: 'inherit'});
  } catch (e) {
    throw new Error(`[dist check] ${why}, and the rebuild failed: the e2e tests would run an old build. ${(e as Error).message}`);
  }
  const still = staleBundle(root);
  if (still) throw new Error(`[dist check] still stale after rebuilding: ${still}`);
}
