/** A piece of a line's text, matched by the filter or not. */
export interface TextPiece {
  text: string;
  match: boolean;
}

/**
 * A line's text cut at the filter's match ranges (from `compileLogFilter(...).ranges`), for
 * rendering matches as `<mark>`. Ranges that are empty, overlap an earlier one or run past the
 * text are skipped rather than trusted, so a bad range can hide a highlight but never text.
 */
export function splitByRanges(text: string, ranges: readonly (readonly [number, number])[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= start || start < at || end > text.length) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), match: false });
    pieces.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), match: false });
  return pieces;
}
