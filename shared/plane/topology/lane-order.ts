/** An axis-aligned segment of an edge's polyline. */
export interface Segment {
  readonly a: { readonly x: number; readonly y: number };
  readonly b: { readonly x: number; readonly y: number };
}

/** An edge drawn with one candidate lane order; edges with the same owner share a lane on purpose. */
export interface DrawnEdge {
  readonly owner: string;
  readonly segments: readonly Segment[];
}

/** Beyond this many lanes in one gap the permutations get too many; the given order is kept. */
const MAX_PERMUTED = 7;
/** An overlap hides one colour under another: far worse than a crossing. */
const OVERLAP_COST = 100;

/**
 * Picks the order of `keys` over the lane positions `xs` (left to right) that makes the fewest
 * crossings and overlaps between differently-owned edges. Exhaustive and deterministic: ties
 * keep the earliest permutation, so the same deployment always draws the same picture.
 */
export function chooseLaneOrder(
  keys: readonly string[],
  xs: readonly number[],
  draw: (xOf: (key: string) => number) => readonly DrawnEdge[],
): string[] {
  if (keys.length <= 1 || keys.length > MAX_PERMUTED) return [...keys];
  let best: string[] = [...keys];
  let bestCost = Number.POSITIVE_INFINITY;
  for (const order of permutations([...keys])) {
    const cost = conflictCost(draw((key) => xs[order.indexOf(key)] ?? 0));
    if (cost < bestCost) {
      bestCost = cost;
      best = order;
    }
  }
  return best;
}

/** Crossings plus weighted overlaps between edges of different owners. */
export function conflictCost(edges: readonly DrawnEdge[]): number {
  let cost = 0;
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const a = edges[i];
      const b = edges[j];
      if (a === undefined || b === undefined || a.owner === b.owner) continue;
      for (const s of a.segments) for (const t of b.segments) cost += crosses(s, t) ? 1 : overlaps(s, t) ? OVERLAP_COST : 0;
    }
  }
  return cost;
}

/** A horizontal and a vertical segment crossing in both their interiors. */
export function crosses(s: Segment, t: Segment): boolean {
  const [h, v] = isHorizontal(s) && isVertical(t) ? [s, t] : isHorizontal(t) && isVertical(s) ? [t, s] : [undefined, undefined];
  if (h === undefined || v === undefined) return false;
  return strictlyBetween(v.a.x, h.a.x, h.b.x) && strictlyBetween(h.a.y, v.a.y, v.b.y);
}

/** Two collinear segments sharing more than a point. */
export function overlaps(s: Segment, t: Segment): boolean {
  if (isHorizontal(s) && isHorizontal(t) && Math.abs(s.a.y - t.a.y) < 0.5) return sharedLength(s.a.x, s.b.x, t.a.x, t.b.x) > 0.5;
  if (isVertical(s) && isVertical(t) && Math.abs(s.a.x - t.a.x) < 0.5) return sharedLength(s.a.y, s.b.y, t.a.y, t.b.y) > 0.5;
  return false;
}

function isHorizontal(s: Segment): boolean {
  return Math.abs(s.a.y - s.b.y) < 0.5 && Math.abs(s.a.x - s.b.x) >= 0.5;
}

function isVertical(s: Segment): boolean {
  return Math.abs(s.a.x - s.b.x) < 0.5 && Math.abs(s.a.y - s.b.y) >= 0.5;
}

function strictlyBetween(value: number, a: number, b: number): boolean {
  return value > Math.min(a, b) + 0.5 && value < Math.max(a, b) - 0.5;
}

function sharedLength(a1: number, a2: number, b1: number, b2: number): number {
  return Math.min(Math.max(a1, a2), Math.max(b1, b2)) - Math.max(Math.min(a1, a2), Math.min(b1, b2));
}

function* permutations(items: string[]): Generator<string[]> {
  if (items.length <= 1) {
    yield items;
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of permutations(rest)) yield [items[i] ?? '', ...tail];
  }
}
