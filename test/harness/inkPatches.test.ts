// The build patches Ink's line-to-string step (scripts/ink-patches: `styledCharsToString`
// skips the style diff between neighbours whose codes are equal). It must be byte-identical
// to the original: both are bundled here and fed the same random styled lines.
import {build, type Plugin} from 'esbuild';
import {describe, expect, it} from 'vitest';

type Cell = {type: 'char'; value: string; fullWidth: boolean; styles: {code: string; endCode: string}[]};
type Tokenize = {
  tokenize(s: string): unknown[];
  styledCharsFromTokens(t: unknown[]): Cell[];
  styledCharsToString(c: readonly Cell[]): string;
};

const root = new URL('../../', import.meta.url);

async function bundled(plugins: Plugin[]): Promise<Tokenize> {
  const out = await build({
    stdin: {contents: "export {tokenize, styledCharsFromTokens, styledCharsToString} from '@alcalzone/ansi-tokenize';", resolveDir: root.pathname, loader: 'js'},
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    plugins,
    logLevel: 'silent',
  });
  return (await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0]!.text).toString('base64')}`)) as Tokenize;
}

// A small deterministic generator, so a failure names a line that can be replayed.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const SGR = ['0', '1', '2', '22', '3', '23', '4', '24', '7', '27', '31', '32', '39', '41', '49', '38;5;208', '48;2;1;2;3', '90'];

function styledLine(r: () => number): string {
  let s = '';
  const n = 1 + Math.floor(r() * 40);
  for (let i = 0; i < n; i++) {
    if (r() < 0.3) s += `\x1b[${SGR[Math.floor(r() * SGR.length)]}m`;
    s += 'ab │界✓ '[Math.floor(r() * 7)];
  }
  return s;
}

describe('the patched styledCharsToString', () => {
  it('writes exactly what the original writes, for random styled lines and blank-padded rows', async () => {
    const {inkPatchPlugins} = (await import(new URL('scripts/ink-patches/index.mjs', root).href)) as {inkPatchPlugins(o: object): Plugin[]};
    const original = await bundled([]);
    const patched = await bundled(inkPatchPlugins({scroll: false}));
    const blank = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])}) as unknown as Cell;
    const r = rng(42);
    let differing = 0;
    for (let i = 0; i < 3000; i++) {
      const line = styledLine(r);
      const cells = original.styledCharsFromTokens(original.tokenize(line));
      // As Output.get builds a row: the line's cells, then shared blank cells (or blanks first).
      const row = r() < 0.5 ? [...cells, blank, blank] : [blank, ...cells];
      for (const c of [cells, row]) {
        const want = original.styledCharsToString(c);
        expect(patched.styledCharsToString(c), JSON.stringify(line)).toBe(want);
        if (want !== c.map((x) => x.value).join('')) differing++;
      }
    }
    expect(differing).toBeGreaterThan(1000); // most lines really carry styles
  });

  it('is the module the build ships (the patch applied, not the original)', async () => {
    const {inkPatchPlugins} = (await import(new URL('scripts/ink-patches/index.mjs', root).href)) as {inkPatchPlugins(o: object): Plugin[]};
    const patched = await bundled(inkPatchPlugins({scroll: false}));
    expect(patched.styledCharsToString.toString()).toContain('sameCodes');
  });
});
