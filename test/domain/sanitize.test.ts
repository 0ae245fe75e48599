import {describe, expect, test} from 'vitest';
import {sanitize} from '../../src/domain/sanitize.js';

const ESC = '\x1b';
const BEL = '\x07';

describe('sanitize', () => {
  test.each([
    ['CSI clear screen', `a${ESC}[2Jb`, 'ab'],
    ['CSI with parameters and intermediates', `a${ESC}[1;31mred${ESC}[0m`, 'ared'],
    ['CSI private mode (alternate screen)', `${ESC}[?1049hx`, 'x'],
    ['OSC 52 clipboard write ended by BEL', `evil${ESC}]52;c;ZXZpbA==${BEL}node`, 'evilnode'],
    ['OSC ended by ST', `a${ESC}]0;title${ESC}\\b`, 'ab'],
    ['OSC 8 hyperlink', `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`, 'click'],
    ['unterminated OSC swallows the rest', `ok${ESC}]52;c;AAAA`, 'ok'],
    ['DCS string', `a${ESC}Pq#0;2;0;0;0${ESC}\\b`, 'ab'],
    ['APC string', `a${ESC}_Gf=100;AAAA${ESC}\\b`, 'ab'],
    ['PM string', `a${ESC}^private${ESC}\\b`, 'ab'],
    ['SOS string', `a${ESC}Xstart of string${ESC}\\b`, 'ab'],
    ['single-character ESC sequences', `a${ESC}cb${ESC}7c${ESC}(Bd`, 'abcd'],
    ['lone trailing ESC', `a${ESC}`, 'a'],
    ['8-bit CSI', 'a\x9b2Jb', 'ab'],
    ['8-bit OSC ended by 8-bit ST', 'a\x9d52;c;AAAA\x9cb', 'ab'],
    ['other C1 controls', 'a\x80b\x85c\x8dd\x9ae', 'abcde'],
    ['8-bit APC swallows the unterminated string', 'a\x9fGf=100;AAAA', 'a'],
    ['C0 controls and DEL', 'a\x00b\x07c\x08d\x7fe\x01\x1f', 'abcde'],
    ['tabs and newlines become spaces', 'a\tb\nc\r\nd', 'a b c  d'],
    ['cursor movement that could overwrite a row', `row${ESC}[1A${ESC}[2K`, 'row'],
    ['bidi overrides (an unclosed RLO flips the rest of the line)', 'a\u202eb\u202dc\u202ad\u202be\u202cf', 'abcdef'],
    ['bidi isolates', 'a\u2066b\u2067c\u2068d\u2069e', 'abcde'],
    ['bidi marks', 'a\u200eb\u200fc\u061cd', 'abcd'],
    ['zero-width characters', 'a\u200bb\u200cc\u200dd\u2060e\ufefff', 'abcdef'],
    ['invisible tag characters', 'a\u{e0001}\u{e0041}b', 'ab'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a b c'],
  ])('%s is neutralised', (_name, input, out) => {
    expect(sanitize(input)).toBe(out);
  });

  test('ordinary Unicode survives untouched', () => {
    const text = 'café 中文 ünïcødé 🚀 👩‍💻 Ωmega — “quotes”';
    expect(sanitize(text)).toBe(text);
  });

  test('no escape character survives hostile input', () => {
    const hostile = `${ESC}[${ESC}]${ESC}P\x9b\x9d${ESC}${ESC}[[[${ESC}]]${BEL}${ESC}\\x\x90y`;
    expect(sanitize(hostile)).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
  });

  test('non-strings become text and null becomes empty', () => {
    expect(sanitize(undefined)).toBe('');
    expect(sanitize(null)).toBe('');
    expect(sanitize(42)).toBe('42');
  });
});
