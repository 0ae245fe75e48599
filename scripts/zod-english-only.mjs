// zod 4's main entry re-exports every one of its ~50 locales (`z.locales`): 258 KB of the
// console piece's 1.17 MB and of the verbs' piece, read at every start. Only English is
// used (classic/schemas.js imports `en` itself; src never calls z.config or z.locales), so
// the locales index exports `en` alone; a build whose zod no longer has it fails.
import {readFileSync} from 'node:fs';

export const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/}, (a) => {
      if (!readFileSync(a.path, 'utf8').includes('export { default as en } from "./en.js";')) {
        throw new Error('zod locales/index.js changed: re-check scripts/zod-english-only.mjs');
      }
      return {loader: 'js', contents: 'export { default as en } from "./en.js";\n'};
    });
  },
};
