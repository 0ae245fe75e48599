import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';

const SRC = new URL('../src/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

const all = files(SRC).map((path) => ({path, rel: relative(SRC, path), imports: importsOf(path)}));

describe('layering (house style rule 1)', () => {
  it('screens never import src/api', () => {
    const offenders = all
      .filter((f) => f.rel.startsWith('screens/'))
      .filter((f) => f.imports.some((i) => /(^|\/)api\//.test(i)))
      .map((f) => f.rel);
    expect(offenders).toEqual([]);
  });

  it('api, domain and config never import React or Ink', () => {
    const offenders = all
      .filter((f) => /^(api|domain|config)\//.test(f.rel))
      .filter((f) => f.imports.some((i) => i === 'react' || i === 'ink' || i.startsWith('react/')))
      .map((f) => f.rel);
    expect(offenders).toEqual([]);
  });

  it('only src/cli.ts calls process.exit', () => {
    const offenders = all
      .filter((f) => f.rel !== 'cli.ts' && /process\.exit\(/.test(readFileSync(f.path, 'utf8')))
      .map((f) => f.rel);
    expect(offenders).toEqual([]);
  });

  it('screens and hooks take keys through useKeys, not Ink useInput directly', () => {
    const offenders = all
      .filter((f) => /^(screens|app)/.test(f.rel) && /\buseInput\b/.test(readFileSync(f.path, 'utf8')))
      .map((f) => f.rel);
    expect(offenders).toEqual([]);
  });
});
