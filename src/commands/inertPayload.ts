// json/yaml print the API payload verbatim, but a payload is server text: JSON.stringify and
// the yaml library write C1 controls (U+009B is an 8-bit CSI), DEL and invisible bidi or
// zero-width characters raw, which a terminal acts on. Escaping them keeps the document the
// same value for a parser and inert on a screen (decisions.md "Untrusted text").
import {Document, visit} from 'yaml';

// What JSON.stringify and yaml leave raw: DEL, C1, line/paragraph separators, and the
// invisible format characters sanitize() strips from text output.
const UNSAFE = /[\x7f-\x9f\u2028\u2029\p{Cf}]/gu;
const UNSAFE_ONE = /[\x7f-\x9f\u2028\u2029\p{Cf}]/u;

const hex4 = (c: string): string => (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0');

/** JSON text with every unsafe character as a `\uXXXX` escape (they only occur inside strings). */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE, (c) => {
    const cp = c.codePointAt(0) ?? 0;
    // Astral format characters (tags) need a surrogate pair in JSON.
    if (cp > 0xffff) return [...c.split('')].map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    return `\\u${hex4(c)}`;
  });
}

/** YAML with every string that holds an unsafe character double-quoted and the character escaped. */
export function formatYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && UNSAFE_ONE.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const text = doc.toString({lineWidth: 0});
  // Only double-quoted scalars can hold these characters now, and `\x`, `\u`, `\U` are
  // valid escapes there.
  return text.replace(UNSAFE, (c) => {
    const cp = c.codePointAt(0) ?? 0;
    if (cp <= 0xff) return `\\x${cp.toString(16).padStart(2, '0')}`;
    if (cp <= 0xffff) return `\\u${hex4(c)}`;
    return `\\U${cp.toString(16).padStart(8, '0')}`;
  });
}

