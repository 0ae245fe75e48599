// Every `import … from 'string-width'` in the bundle (Ink, wrap-ansi, widest-line, ours) gets
// a front that answers plain text without Intl.Segmenter (src/terminal/simpleWidth.ts says
// why) and hands everything else, and any call with `ambiguousIsNarrow: false`, to the
// string-width that importer would have had.
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const SIMPLE_WIDTH = join(dirname(fileURLToPath(import.meta.url)), '../src/terminal/simpleWidth.ts');

export const stringWidthFast = {
  name: 'string-width-fast',
  setup(b) {
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
