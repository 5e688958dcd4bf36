/** Test helpers: bytes exactly as the Docker Engine sends them for `GET /containers/{id}/logs`. */

/** A multiplexed frame: `[stream, 0, 0, 0, size uint32 BE]` + payload. */
export function dockerFrame(stream: 1 | 2, payload: string | Uint8Array): Uint8Array {
  const body = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  const out = new Uint8Array(8 + body.length);
  out[0] = stream;
  new DataView(out.buffer).setUint32(4, body.length);
  out.set(body, 8);
  return out;
}

/** Byte arrays joined. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A Docker timestamp for second `s` and nanosecond `ns` of a fixed minute. */
export function ts(s: number, ns = 0): string {
  return `2024-05-01T12:00:${String(s).padStart(2, '0')}.${String(ns).padStart(9, '0')}Z`;
}
