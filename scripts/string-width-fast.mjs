// Plain text without ICU (src/terminal/simpleWidth.ts says why):
// - every `import … from 'string-width'` in the bundle (Ink, wrap-ansi, widest-line, ours)
//   gets a front that answers plain text itself and hands everything else, and any call with
//   `ambiguousIsNarrow: false`, to the string-width that importer would have had;
// - every grapheme segmenter those packages make when they load (string-width, slice-ansi,
//   Ink's ansi-tokenize) is a graphemeSegmenter, which makes an Intl.Segmenter only for text
//   that needs one.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {mustReplace} from './must-replace.mjs';

const SIMPLE_WIDTH = join(dirname(fileURLToPath(import.meta.url)), '../src/terminal/simpleWidth.ts');

/** The modules that make an Intl.Segmenter when they load. */
const SEGMENTING = /[\\/]node_modules[\\/](string-width[\\/]index|slice-ansi[\\/]tokenize-ansi|@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize)\.js$/;

export const stringWidthFast = {
  name: 'string-width-fast',
  setup(b) {
    b.onLoad({filter: SEGMENTING, namespace: 'file'}, (a) => {
      const text = readFileSync(a.path, 'utf8');
      const patched = mustReplace(text, 'new Intl.Segmenter(', '__graphemeSegmenter(', `${a.path} (its Intl.Segmenter)`);
      if (patched.includes('new Intl.Segmenter(')) throw new Error(`${a.path} makes more than one Intl.Segmenter: re-check scripts/string-width-fast.mjs`);
      return {loader: 'js', contents: `import {graphemeSegmenter as __graphemeSegmenter} from ${JSON.stringify(SIMPLE_WIDTH)};\n${patched}`};
    });
    b.onResolve({filter: /^string-width$/}, async (a) => {
      if (a.pluginData?.real) return undefined;
      const r = await b.resolve(a.path, {kind: a.kind, resolveDir: a.resolveDir, importer: a.importer, pluginData: {real: true}});
      if (r.errors.length > 0) return undefined;
      return {path: r.path, namespace: 'string-width-fast'};
    });
    b.onLoad({filter: /.*/, namespace: 'string-width-fast'}, (a) => ({
      loader: 'js',
      resolveDir: dirname(a.path),
      contents: `import real from ${JSON.stringify(a.path)};
import {simpleWidth} from ${JSON.stringify(SIMPLE_WIDTH)};
export default function stringWidth(s, options) {
  if (typeof s === 'string' && options?.ambiguousIsNarrow !== false) {
    const w = simpleWidth(s);
    if (w !== undefined) return w;
  }
  return real(s, options);
}
`,
    }));
  },
};
