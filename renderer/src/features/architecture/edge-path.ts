import type { Point } from '../../../../shared/plane/topology/diagram-geometry';

const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * SVG path of an orthogonal polyline with rounded corners. Each corner's radius shrinks to half
 * of its shorter neighbouring segment, so a short jog never loops back on itself.
 */
export function roundedPath(points: readonly Point[], radius = 6): string {
  const first = points[0];
  if (first === undefined) return '';
  let d = `M ${round(first.x)} ${round(first.y)}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i];
    const prev = points[i - 1];
    const next = points[i + 1];
    if (p === undefined || prev === undefined) continue;
    if (next === undefined) {
      d += ` L ${round(p.x)} ${round(p.y)}`;
      continue;
    }
    const r = Math.min(radius, dist(prev, p) / 2, dist(p, next) / 2);
    const a = towards(p, prev, r);
    const b = towards(p, next, r);
    d += ` L ${round(a.x)} ${round(a.y)} Q ${round(p.x)} ${round(p.y)} ${round(b.x)} ${round(b.y)}`;
  }
  return d;
}

/** A small closed triangle at the end of the polyline, pointing the way the last segment goes. */
export function arrowHead(points: readonly Point[], size = 6): string {
  const tip = points.at(-1);
  const from = points.at(-2);
  if (tip === undefined || from === undefined) return '';
  const len = dist(from, tip) || 1;
  const ux = (tip.x - from.x) / len;
  const uy = (tip.y - from.y) / len;
  const base = { x: tip.x - ux * size, y: tip.y - uy * size };
  const half = size * 0.55;
  const l = { x: base.x - uy * half, y: base.y + ux * half };
  const r = { x: base.x + uy * half, y: base.y - ux * half };
  return `M ${round(tip.x)} ${round(tip.y)} L ${round(l.x)} ${round(l.y)} L ${round(r.x)} ${round(r.y)} Z`;
}

function dist(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function towards(from: Point, to: Point, length: number): Point {
  const d = dist(from, to) || 1;
  return { x: from.x + ((to.x - from.x) / d) * length, y: from.y + ((to.y - from.y) / d) * length };
}
