// The suite never tests an old build by accident: a bundle older than its sources is caught.
import {mkdirSync, mkdtempSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {expect, test} from 'vitest';
import {staleBundle} from '../support/distFresh.js';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'dist-fresh-'));
  for (const dir of ['src/api', 'scripts', 'dist']) mkdirSync(join(root, dir), {recursive: true});
  for (const file of ['src/api/client.ts', 'scripts/build.mjs', 'package.json', 'dist/plexconsole.mjs']) writeFileSync(join(root, file), '');
  const t = new Date('2026-01-01T00:00:00Z');
  for (const file of ['src/api/client.ts', 'scripts/build.mjs', 'package.json']) utimesSync(join(root, file), t, t);
  return root;
}

test('a bundle newer than every source is fresh', () => {
  expect(staleBundle(tree())).toBeUndefined();
});

test('a source file edited after the build makes the bundle stale, by name', () => {
  const root = tree();
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(root, 'src/api/client.ts'), later, later);
  expect(staleBundle(root)).toBe('src/api/client.ts is newer than dist/plexconsole.mjs');
});

test('a missing bundle is stale', () => {
  const root = mkdtempSync(join(tmpdir(), 'dist-fresh-'));
  expect(staleBundle(root)).toBe('dist/plexconsole.mjs does not exist');
});
