// Bundle-time patches to Ink 6.8's render path, used by scripts/build.mjs and measured by
// `npm run bench` (BENCHMARKS.md). Each patch fails the build loudly if Ink's source no
// longer has the shape it expects, so an Ink upgrade cannot silently drop or corrupt them.
//
// 1. `outputCache`: Ink builds a new `Output` for every frame, and with it a new
//    `OutputCaches`, so every line of every frame is tokenised again
//    (`@alcalzone/ansi-tokenize`: tokenize → styledCharsFromTokens), ~70 % of the CPU
//    time of a keypress at 120×40. The patch carries the previous frame's entries into the
//    next frame's cache, so only lines that changed are tokenised. It also skips `slice-ansi` for a clipped line that
//    already fits its clip box (the screen body is `overflow="hidden"`, so every body
//    line went through slice-ansi on every frame).
//    Output also builds every frame as a grid of cells and turns each line back into a string
//    with `styledCharsToString`, which diffed the styles of every pair of neighbouring cells
//    (three Sets and four arrays per cell): most of a frame's CPU once tokenising was cached.
//    The patch skips the diff where two neighbours carry the same codes (the diff of equal
//    styles is empty, so the string is byte-identical) and shares one blank cell.
// 2. `scroll`: replaces the incremental writer with ./scroll-log-update.js, which moves a
//    block of lines with Delete/Insert Line when the window scrolls instead of rewriting
//    every line of it.
import {readFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {mustReplace} from '../must-replace.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));


/** `styledCharsToString` of @alcalzone/ansi-tokenize, without the diff where it is empty. */
export function patchStyledChars(src) {
  return mustReplace(
    src,
    `function styledCharsToString(chars) {
    let ret = "";
    for (let i = 0; i < chars.length; i++) {
        const char = chars[i];
        if (i === 0) {
            ret += ansiCodesToString(char.styles);
        }
        else {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }
        ret += char.value;
        // reset active styles at the end of the string
        if (i === chars.length - 1) {
            ret += ansiCodesToString(diffAnsiCodes(char.styles, []));
        }
    }
    return ret;
}`,
    `function styledCharsToString(chars) {
    // Patched (scripts/ink-patches): the diff of equal styles is empty, so it is not computed.
    let ret = "";
    for (let i = 0; i < chars.length; i++) {
        const char = chars[i];
        if (i === 0) {
            if (char.styles.length) ret += ansiCodesToString(char.styles);
        }
        else if (!sameCodes(chars[i - 1].styles, char.styles)) {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
        }
        ret += char.value;
        if (i === chars.length - 1 && char.styles.length) {
            ret += ansiCodesToString(diffAnsiCodes(char.styles, []));
        }
    }
    return ret;
}
function sameCodes(a, b) {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let k = 0; k < a.length; k++) {
        if (a[k].code !== b[k].code || a[k].endCode !== b[k].endCode) return false;
    }
    return true;
}`,
    'ansi-tokenize styledChars.js (styledCharsToString)',
  );
}

export function inkPatchPlugins({outputCache = true, scroll = true, yogaNoFetch = false} = {}) {
  const plugins = [];
  if (yogaNoFetch) {
    // Off by default: tried, no measurable start-up gain (another module still loads Node's undici).
    // yoga-layout's Emscripten loader fetch()es its inlined WASM as a `data:` URL whenever a
    // global fetch exists. On Node that loads Node's own bundled undici (compile ~15–20 ms)
    // just to decode base64 at start-up. The patch takes Emscripten's own synchronous
    // base64 path instead (same bytes, same instantiate).
    plugins.push({
      name: 'yoga-no-fetch',
      setup(b) {
        b.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async (a) => {
          let src = await readFile(a.path, 'utf8');
          src = mustReplace(src, 'return w||"function"!=typeof fetch?Promise.resolve()', 'return true?Promise.resolve()', 'yoga-layout (wasm fetch)');
          src = mustReplace(src, 'return w||"function"!=typeof WebAssembly.instantiateStreaming', 'return true||"function"!=typeof WebAssembly.instantiateStreaming', 'yoga-layout (instantiateStreaming)');
          return {contents: src, loader: 'js'};
        });
      },
    });
  }
  if (outputCache) {
    plugins.push({
      name: 'ink-shared-output-caches',
      setup(b) {
        b.onLoad({filter: /ink[\\/]build[\\/]output\.js$/}, async (a) => {
          let src = await readFile(a.path, 'utf8');
          src = mustReplace(
            src,
            'caches = new OutputCaches();',
            'caches = sharedOutputCaches();',
            'output.js (per-frame OutputCaches)',
          );
          src = mustReplace(
            src,
            'export default class Output {',
            `// Shared across frames (scripts/ink-patches): lines that did not change are not
// re-tokenised. Two generations only: a line stays cached while it is on this frame or
// the last one, so text that left the screen (a closed one-time plaintext modal) is
// released two frames later instead of lingering in a long-lived cache.
class GenerationalCaches extends OutputCaches {
    constructor(previous) {
        super();
        this.previous = previous;
    }
    getStyledChars(line) {
        if (!this.styledChars.has(line) && this.previous?.styledChars.has(line)) this.styledChars.set(line, this.previous.styledChars.get(line));
        return super.getStyledChars(line);
    }
    getStringWidth(text) {
        if (!this.widths.has(text) && this.previous?.widths.has(text)) this.widths.set(text, this.previous.widths.get(text));
        return super.getStringWidth(text);
    }
    getWidestLine(text) {
        if (!this.blockWidths.has(text) && this.previous?.blockWidths.has(text)) this.blockWidths.set(text, this.previous.blockWidths.get(text));
        return super.getWidestLine(text);
    }
}
let current;
function sharedOutputCaches() {
    // One Output per frame (no <Static>), so each call starts a generation.
    if (current) current.previous = undefined;
    current = new GenerationalCaches(current);
    return current;
}
// Cells are replaced, never mutated: one blank serves every empty cell of every frame.
const BLANK_CELL = Object.freeze({type: "char", value: " ", fullWidth: false, styles: Object.freeze([])});
export default class Output {`,
            'output.js (class Output)',
          );
          src = mustReplace(
            src,
            `row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
            'row.push(BLANK_CELL);',
            'output.js (blank cells)',
          );
          src = mustReplace(
            src,
            'return sliceAnsi(line, from, to);',
            'return from === 0 && to >= width ? line : sliceAnsi(line, from, to);',
            'output.js (horizontal clip)',
          );
          return {contents: src, loader: 'js'};
        });
        b.onLoad({filter: /ansi-tokenize[\\/]build[\\/]styledChars\.js$/}, async (a) => ({contents: patchStyledChars(await readFile(a.path, 'utf8')), loader: 'js'}));
      },
    });
  }
  if (scroll) {
    const inkBuild = dirname(fileURLToPath(import.meta.resolve('ink')));
    plugins.push({
      name: 'ink-scroll-log-update',
      setup(b) {
        b.onResolve({filter: /^\.\/log-update\.js$/}, (a) =>
          /ink[\\/]build[\\/]/.test(a.importer) && !a.importer.endsWith('scroll-log-update.js')
            ? {path: join(HERE, 'scroll-log-update.js')}
            : undefined,
        );
        b.onResolve({filter: /^__ink_original_log_update__$/}, () => ({path: join(inkBuild, 'log-update.js')}));
      },
    });
  }
  return plugins;
}
