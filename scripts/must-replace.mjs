// The build patches third-party sources by exact text; a new version that changed the text
// must fail the build loudly, never ship an unpatched module.
import {readFileSync} from 'node:fs';

export function mustReplace(text, from, to, what) {
  if (!text.includes(from)) throw new Error(`${what} changed: re-check its patch under scripts/ (${JSON.stringify(from.slice(0, 60))})`);
  return text.replace(from, to);
}

/** An esbuild plugin that loads the files `filter` matches with each `[from, to]` of `replacements` applied (mustReplace). */
export function textPatch({name, filter, what, replacements}) {
  return {
    name,
    setup(b) {
      b.onLoad({filter, namespace: 'file'}, (a) => ({
        loader: 'js',
        contents: replacements.reduce((text, [from, to]) => mustReplace(text, from, to, what), readFileSync(a.path, 'utf8')),
      }));
    },
  };
}
