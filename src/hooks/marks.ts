// Marks on a list (Tokens, Nodes): ids kept in the screen's view state, so Esc back restores them.

/** Marks or unmarks one id. */
export function toggleMark(marks: readonly string[], id: string): readonly string[] {
  return marks.includes(id) ? marks.filter((m) => m !== id) : [...marks, id];
}

/** `*`: marks every id the filter shows; when all of them are marked already, clears every mark. */
export function markAll(marks: readonly string[], visible: readonly string[]): readonly string[] {
  const set = new Set(marks);
  if (visible.length > 0 && visible.every((id) => set.has(id))) return [];
  for (const id of visible) set.add(id);
  return [...set];
}

/** The leading one-cell column of a marked row. */
export const MARK_GLYPH = '●';
