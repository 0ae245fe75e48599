// Renderers for --output text|json|yaml. Text is for people, json/yaml for scripts.
import type {Writable} from 'node:stream';
import type {Skipped} from '../api/schemas.js';
import {sanitize} from '../domain/sanitize.js';
import type {OutputMode} from './flags.js';
import {escapeJsonText, formatYaml} from './inertPayload.js';

// Go text/tabwriter with kubectl's settings (minwidth 6, padding 3, pad with spaces):
// every column but the last is padded to its widest cell plus 3; the last is not padded,
// so lines carry no trailing blanks and `awk '{print $7}'` reads the plexctl columns.
const MIN_WIDTH = 6;
const PADDING = 3;

/** Tab-aligned table; cells are sanitised here so no caller can forget. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [headers, ...rows].map((r) => r.map((c) => sanitize(c)));
  const widths = headers.map((_, i) =>
    Math.max(MIN_WIDTH, ...all.map((r) => (r[i] ?? '').length + PADDING)),
  );
  return all
    .map((r) =>
      r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join(''),
    )
    .join('\n')
    .concat('\n');
}

/** `key: value` lines (the seeds' issue layout); absent values are left out. */
export function formatKeyValues(pairs: readonly (readonly [string, unknown])[]): string {
  return pairs
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}: ${sanitize(Array.isArray(v) ? v.join(',') : String(v))}\n`)
    .join('');
}

/** RFC 3339 timestamps as the seeds print them: UTC, whole seconds (`2026-05-01T10:00:00Z`). */
export function formatTimestamp(value: string | null | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return sanitize(value);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The API payload verbatim as JSON (2-space indent, like Go's json.MarshalIndent) or YAML, inert on a terminal. */
export function formatPayload(mode: Exclude<OutputMode, 'text'>, raw: unknown): string {
  if (mode === 'json') return `${escapeJsonText(JSON.stringify(raw, null, 2))}\n`;
  return formatYaml(raw);
}

/** One stderr line about list items the reader left out (text) or passed on unread (json/yaml). */
export function skippedNote(skipped: readonly Skipped[], mode: OutputMode): string {
  if (skipped.length === 0) return '';
  const n = skipped.length;
  const what = mode === 'text' ? `skipped ${n} unreadable item${n > 1 ? 's' : ''}` : `${n} item${n > 1 ? 's do' : ' does'} not match the contract`;
  const shown = skipped.slice(0, 3).map((s) => `[${s.index}] ${sanitize(s.reason)}`);
  return `# ${what}: ${shown.join('; ')}${n > 3 ? `; and ${n - 3} more` : ''}\n`;
}

/** Write a chunk and wait for it to be accepted, so output order survives pipes. */
export function write(stream: Writable, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((resolve, reject) => {
    stream.write(text, (err) => (err ? reject(err) : resolve()));
  });
}
