import { describe, expect, it } from 'vitest';
import { FrameDemuxer, type FramePiece } from './frame-demux';
import { concatBytes as concat, dockerFrame } from './testing/docker-frames';

/** Reassembles per-frame payloads from pieces, checking that frameStart marks exactly the first piece of each frame. */
function framesOf(pieces: FramePiece[]): Array<[string, string]> {
  const frames: Array<[string, string]> = [];
  const decoder = new TextDecoder();
  for (const p of pieces) {
    if (p.frameStart) frames.push([p.stream, '']);
    const last = frames.at(-1);
    if (last === undefined) throw new Error('a piece arrived before any frame start');
    last[1] += decoder.decode(p.data);
  }
  return frames;
}

describe('FrameDemuxer', () => {
  const stream = concat(dockerFrame(1, 'hello out\n'), dockerFrame(2, 'oops err\n'), dockerFrame(1, ''), dockerFrame(1, 'x'));
  const expected: Array<[string, string]> = [
    ['stdout', 'hello out\n'],
    ['stderr', 'oops err\n'],
    ['stdout', 'x'],
  ];

  it('splits a whole buffer into frames with their stream', () => {
    const pieces: FramePiece[] = [];
    new FrameDemuxer().push(stream, (p) => pieces.push({ ...p, data: p.data.slice() }));
    expect(framesOf(pieces)).toEqual(expected);
  });

  it('gives the same frames whatever two chunks the bytes arrive in (every split point)', () => {
    for (let cut = 0; cut <= stream.length; cut += 1) {
      const pieces: FramePiece[] = [];
      const demux = new FrameDemuxer();
      demux.push(stream.subarray(0, cut), (p) => pieces.push({ ...p, data: p.data.slice() }));
      demux.push(stream.subarray(cut), (p) => pieces.push({ ...p, data: p.data.slice() }));
      expect(framesOf(pieces), `split at ${cut}`).toEqual(expected);
      expect(demux.midFrame).toBe(false);
    }
  });

  it('survives one byte per chunk', () => {
    const pieces: FramePiece[] = [];
    const demux = new FrameDemuxer();
    for (const byte of stream) demux.push(Uint8Array.of(byte), (p) => pieces.push({ ...p, data: p.data.slice() }));
    expect(framesOf(pieces)).toEqual(expected);
  });

  it('passes a large frame through in pieces instead of buffering it', () => {
    const big = dockerFrame(1, 'a'.repeat(1_000_000));
    const sizes: number[] = [];
    const demux = new FrameDemuxer();
    for (let at = 0; at < big.length; at += 65_536) demux.push(big.subarray(at, at + 65_536), (p) => sizes.push(p.data.length));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(65_536);
  });

  it('reports a stream cut inside a frame', () => {
    const demux = new FrameDemuxer();
    demux.push(dockerFrame(1, 'abcdef').subarray(0, 10), () => undefined);
    expect(demux.midFrame).toBe(true);
  });
});
