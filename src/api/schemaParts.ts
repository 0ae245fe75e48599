// The building blocks of the response schemas (schemas.ts): validated ids and timestamps,
// raw cursors, sanitised server text, and list pages read item by item.
import {z} from './vendor.js';
import type {SafeText} from '../domain/sanitize.js';
import {UUID_PATTERN} from '../domain/validate.js';
import {serverText} from './credential.js';
import {describeZodError} from './response.js';

// Tolerant reader (decisions.md): z.object strips unknown keys; optional fields accept absent
// or null (Go servers without omitempty send null); ids only need the 8-4-4-4-12 hex shape
// because z.uuid() rejects UUIDv7-style example ids that do not follow RFC 9562 bit-for-bit.
export const id = () => z.string().regex(UUID_PATTERN, 'Invalid UUID');
export const timestamp = () => z.iso.datetime({offset: true, message: 'Invalid RFC 3339 timestamp'});
// A cursor goes back to the server byte for byte, so it stays raw; the one place it is shown
// (`list`'s stderr note) sanitises it.
export const cursor = () => z.string().nullish();
// Untrusted text enters here, once (decisions.md "Untrusted text"): every server string a
// screen or verb may display is sanitised by the schema, so no renderer can forget it.
// Ids and timestamps are validated shapes and cannot carry a control character.
export const text = () => z.string().transform((s): SafeText => serverText(s));
// Enums we only display are read as text: a future value is shown as received, never fatal.
export const label = text;

/**
 * A schema built the first time it parses, not when this module loads: zod builds a schema
 * slowly (each instance gets its own methods), building all of them cost every verb ~15 ms
 * of start-up, and a verb reads one or two (BENCHMARKS.md, start-up).
 */
export function built<T extends z.ZodType>(make: () => T) {
  return z.lazy(make);
}

/** One list item the reader could not use, by its index in the page (or the whole listing). */
export type Skipped = {readonly index: number; readonly reason: SafeText};

/**
 * A page's items read one by one: an item that does not parse is left out and reported in
 * `skipped` with its reason, so one odd item never takes a whole roster down.
 */
export function items<T extends z.ZodType>(item: T) {
  return z.array(z.unknown()).transform((list) => {
    const ok: z.output<T>[] = [];
    const skipped: Skipped[] = [];
    list.forEach((raw, index) => {
      const r = item.safeParse(raw);
      if (r.success) ok.push(r.data);
      else skipped.push({index, reason: serverText(describeZodError(r.error))});
    });
    return {ok, skipped};
  });
}

/** A list page: the readable `items`, the `skipped` ones (index and reason), and `next_cursor`. */
export function page<T extends z.ZodType>(item: T) {
  return z
    .object({items: items(item), next_cursor: cursor()})
    .transform((p) => ({items: p.items.ok, skipped: p.items.skipped, next_cursor: p.next_cursor}));
}
