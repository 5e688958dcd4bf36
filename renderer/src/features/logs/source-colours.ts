/** How many stripe colours logs.css defines (`--log-src-0` … `--log-src-7`). */
export const SOURCE_COLOURS = 8;

/**
 * A stripe colour per container id of a merged view. A container keeps its colour from one
 * selection to the next (it comes from a hash of its name, not from its position), and two
 * selected containers never share one while there are colours left: collisions move to the next
 * free colour, resolved in name order so the result does not depend on the order of clicks.
 */
export function sourceColours(sources: readonly { id: string; name: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  const used = new Set<number>();
  const ordered = [...sources].sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
  for (const { id, name } of ordered) {
    if (out.has(id)) continue;
    let colour = hash(name) % SOURCE_COLOURS;
    if (used.size < SOURCE_COLOURS) while (used.has(colour)) colour = (colour + 1) % SOURCE_COLOURS;
    used.add(colour);
    out.set(id, colour);
  }
  return out;
}

/** FNV-1a: tiny, stable across runs and platforms. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
