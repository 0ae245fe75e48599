import {createRequire} from 'node:module';
import {describe, expect, it} from 'vitest';
import stringWidth8 from 'string-width';
import {graphemeSegmenter, simpleWidth} from '../../src/terminal/simpleWidth.js';

// wrap-ansi (Ink's wrapping) brings its own string-width 7; the build fronts both.
const fromWrapAnsi = createRequire(createRequire(import.meta.url).resolve('wrap-ansi'));
const stringWidth7 = (await import(fromWrapAnsi.resolve('string-width'))).default as (s: string) => number;
const REAL = {'string-width 8 (Ink, ours)': stringWidth8, 'string-width 7 (wrap-ansi)': stringWidth7};

/** Every BMP code point simpleWidth answers for. */
const simple = Array.from({length: 0x10000}, (_, c) => c)
  .filter((c) => c < 0xd800 || c > 0xdfff)
  .map((c) => String.fromCharCode(c))
  .filter((ch) => simpleWidth(ch) !== undefined);

describe('simpleWidth: the fast path in front of string-width', () => {
  it('covers the text the console draws', () => {
    for (const s of ['plexconsole · 127.0.0.1:8080 · operator@example.test · projects', 'SLUG▲ NAME▼', '↑↓ PgUp PgDn · ⏎ open', '│─┌┐└┘', '✓ done … ✗ failed', 'café ≈ naïve – — “quoted”']) {
      expect(simpleWidth(s)).toBe([...s].length);
    }
  });

  it.each(Object.entries(REAL))('agrees with %s on every code point it answers for, alone and between letters', (_, real) => {
    expect(simple.length).toBeGreaterThan(600);
    const wrong = simple.filter((ch) => real(ch) !== 1 || real(`a${ch}b`) !== 3).map((ch) => ch.codePointAt(0)!.toString(16));
    expect(wrong).toEqual([]);
  });

  it.each(Object.entries(REAL))('agrees with %s on mixed strings of those code points', (_, real) => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 0x7fffffff);
    for (let i = 0; i < 2000; i++) {
      const s = Array.from({length: 1 + (next() % 40)}, () => simple[next() % simple.length]).join('');
      expect(simpleWidth(s)).toBe(real(s));
    }
  });

  it('answers nothing for what needs graphemes, wide cells or controls, which go to string-width', () => {
    for (const s of ['日本', '👩‍💻', 'e\u0301', '\u001b[31mred', 'a\u00adb', '©', '⚠ warn', 'ℹ', '▶', '\t', 'a\nb', '\u200bzw']) {
      expect(simpleWidth(s)).toBeUndefined();
    }
  });
});

describe('graphemeSegmenter: Intl.Segmenter without ICU for plain text', () => {
  const real = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
  const fast = graphemeSegmenter(undefined, {granularity: 'grapheme'});
  const same = (s: string) => {
    expect([...fast.segment(s)]).toEqual([...real.segment(s)]);
    for (let i = -1; i <= s.length; i++) expect(fast.segment(s).containing(i)).toEqual(real.segment(s).containing(i));
  };

  it('splits what Intl.Segmenter splits, segments, indexes and containing() alike', () => {
    let seed = 11;
    const next = () => (seed = (seed * 48271) % 0x7fffffff);
    const pool = [...simple, '\u001b', '[', 'm', '\t', '\n', '\u009b', '\u0007'];
    for (let i = 0; i < 500; i++) same(Array.from({length: next() % 30}, () => pool[next() % pool.length]).join(''));
    same('\u001b[1;38;2;10;20;30mplexconsole · host\u001b[39m\u001b[22m');
  });

  it('hands anything else to a real Intl.Segmenter: clusters, emoji, CR LF', () => {
    for (const s of ['e\u0301x', '👩‍💻 dev', '🇩🇪', 'a\r\nb', '한국어', '\u001b[31m👍\u001b[39m']) same(s);
  });

  it('is a real Intl.Segmenter for any other granularity', () => {
    expect([...graphemeSegmenter('en', {granularity: 'word'}).segment('two words')].map((s) => s.segment)).toEqual(['two', ' ', 'words']);
  });
});
