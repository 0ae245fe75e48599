// Repeated server strings held once. A 100,000-token roster carries the same Project id,
// issuer, kind and env prefix on every token; each parsed response holds its own copy, so
// without this the roster kept 400,000 copies of a handful of values (≈ 18 MB at 100k).

export type Interner = {
  /** The one held copy equal to `s` (it becomes that copy when it is new); the value never changes. */
  readonly intern: <T extends string>(s: T) => T;
  /** Distinct strings held now. */
  readonly size: () => number;
};

/** An interner of at most `max` strings: past it the table starts over, so it never grows with the data. */
export function createInterner(max: number): Interner {
  const table = new Map<string, string>();
  return {
    intern: <T extends string>(s: T): T => {
      const held = table.get(s);
      if (held !== undefined) return held as T;
      if (table.size >= max) table.clear();
      table.set(s, s);
      return s;
    },
    size: () => table.size,
  };
}

/** The roster's interner: a server sending a new value per token costs at most this many strings. */
export const rowText = createInterner(4096);
