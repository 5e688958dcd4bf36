/** A Plane release as [major, minor, patch]; comparisons decide which keys and rules apply. */
export type PlaneVersion = readonly [number, number, number];

/** Parses `v1.3.1` / `1.3.1`; undefined for floating tags like `stable` or `latest`. */
export function parsePlaneVersion(text: string | undefined): PlaneVersion | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(text?.trim() ?? '');
  if (match === null) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Negative, zero or positive like a sort comparator. */
export function compareVersions(a: PlaneVersion, b: PlaneVersion): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * True when `version` is within [since, until). An unknown version counts as the newest release,
 * because that is what `stable` pulls.
 */
export function inVersionRange(version: PlaneVersion | undefined, since?: string, until?: string): boolean {
  if (version === undefined) return until === undefined;
  const from = parsePlaneVersion(since);
  const to = parsePlaneVersion(until);
  return (from === undefined || compareVersions(version, from) >= 0) && (to === undefined || compareVersions(version, to) < 0);
}
