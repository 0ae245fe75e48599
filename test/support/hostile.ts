// Hostile server text, generated from the vendored contract (test/contract/plexsphere-v1.json)
// so a field added to any response schema is covered without touching the tests.
import {readFileSync} from 'node:fs';

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  pattern?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
};
type Operation = {operationId: string; responses: Record<string, {content?: Record<string, {schema: Schema}>}>};
type Doc = {paths: Record<string, Record<string, Operation>>; components: {schemas: Record<string, Schema>}};

export const CONTRACT = JSON.parse(readFileSync(new URL('../contract/plexsphere-v1.json', import.meta.url), 'utf8')) as Doc;

const ESC = '\x1b';
/** Every kind of hostile byte the issue names: C0, C1, OSC 52, OSC 0, CSI, bidi, zero-width. */
export const HOSTILE =
  'HOSTILE' +
  '\x00\x01\x07\x08\r\n\x7f' + // C0 and DEL
  '\x9b31m\x85\x9d0;c1-title\x9c' + // C1: 8-bit CSI, NEL, 8-bit OSC … ST
  `${ESC}]52;c;ZXZpbA==\x07` + // OSC 52: write the clipboard
  `${ESC}]0;pwned${ESC}\\` + // OSC 0: set the window title
  `${ESC}[2J${ESC}[H${ESC}[31m` + // CSI: clear, home, red
  '\u202egnp.exe\u2066\u2069\u200e' + // bidi override, isolates, mark
  '\u200b\u200d\ufeff' + // zero-width space, joiner, BOM
  'end';
/** Very long, ending in an unterminated OSC 52 right where a cell would be cut. */
export const HOSTILE_LONG = `HOSTILE${'x'.repeat(5000)}${ESC}]52;c;AAAA`;

/** Bytes no printed output may contain: C0 but LF, DEL, C1, line separators, bidi and zero-width. */
export const UNSAFE_OUTPUT = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

/** The first unsafe character in `text` and its surroundings, for a readable failure; undefined when clean. */
export function firstUnsafe(text: string): string | undefined {
  const m = UNSAFE_OUTPUT.exec(text);
  if (!m) return undefined;
  return JSON.stringify(text.slice(Math.max(0, m.index - 40), m.index + 20));
}

function resolve(s: Schema): Schema {
  if (s.$ref) return resolve(CONTRACT.components.schemas[s.$ref.split('/').pop() ?? ''] ?? {});
  if (s.allOf) {
    const parts = s.allOf.map(resolve);
    return {type: 'object', properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}))};
  }
  return s;
}

let counter = 0;
const uuid = (): string => `0190a8b8-a0c0-7a0a-8a0a-${(++counter).toString(16).padStart(12, '0')}`;

/** Paths (like `items[].kind`) of every string field of a schema. */
export function stringPaths(schema: Schema, at = ''): string[] {
  const s = resolve(schema);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (s.properties) return Object.entries(s.properties).flatMap(([k, v]) => stringPaths(v, at ? `${at}.${k}` : k));
  if (type === 'array' && s.items) return stringPaths(s.items, `${at}[]`);
  return type === 'string' ? [at] : [];
}

export type HostileOptions = {
  /** Text for free strings and display-only enums (default HOSTILE). */
  text?: string;
  /** One field, by path, made hostile even though it has a format (uuid, date-time): the reader must cope. */
  field?: string;
};

/**
 * An instance of `schema` with every property present (optional ones too). Free strings,
 * patterned strings and display-only enums carry hostile text; uuid and date-time fields
 * carry valid values unless named by `field`. Arrays hold two items.
 */
export function hostileInstance(schema: Schema, opts: HostileOptions = {}, at = ''): unknown {
  const s = resolve(schema);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (s.properties) {
    return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, hostileInstance(v, opts, at ? `${at}.${k}` : k)]));
  }
  if (type === 'array') return [0, 1].map(() => hostileInstance(s.items ?? {}, opts, `${at}[]`));
  if (type === 'boolean') return false;
  if (type === 'integer' || type === 'number') return 1;
  if (type !== 'string') return null;
  const text = opts.text ?? HOSTILE;
  if (at === opts.field) return `${text}-${at}`;
  if (s.format === 'uuid') return uuid();
  if (s.format === 'date-time') return '2099-01-01T00:00:00Z';
  return text;
}

/** Each 2xx and problem response of the contract, with its schema. */
export function contractResponses(): {method: string; path: string; operationId: string; status: number; media: string; schema: Schema}[] {
  const out = [];
  for (const [path, ops] of Object.entries(CONTRACT.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      for (const [status, r] of Object.entries(op.responses)) {
        for (const [media, body] of Object.entries(r.content ?? {})) {
          out.push({method: method.toUpperCase(), path, operationId: op.operationId, status: Number(status), media, schema: body.schema});
        }
      }
    }
  }
  return out;
}
