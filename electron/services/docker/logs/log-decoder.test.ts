import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS } from '../../../../shared/logs/sanitize-line';
import type { LogLine } from '../../../../shared/schemas/logs';
import { createLogDecoder } from './log-decoder';
import { concatBytes, dockerFrame, ts } from './testing/docker-frames';

const source = { containerId: 'c0ffee', container: 'plane-app-api-1', service: 'api' };
const enc = (text: string) => new TextEncoder().encode(text);

/** Feeds `bytes` in chunks of `size` and returns every line, the end included. */
function decode(bytes: Uint8Array, options: { tty: boolean; size?: number }): LogLine[] {
  const decoder = createLogDecoder(source, { tty: options.tty });
  const out: LogLine[] = [];
  const size = options.size ?? bytes.length;
  for (let at = 0; at < bytes.length; at += size) out.push(...decoder.push(bytes.subarray(at, at + size)));
  out.push(...decoder.end());
  return out;
}

const brief = (lines: LogLine[]) => lines.map((l) => [l.stream, l.ts, l.text]);

describe('log decoder (multiplexed)', () => {
  const bytes = concatBytes(
    dockerFrame(1, `${ts(1)} [2024-05-01 12:00:01 +0000] [7] [INFO] Booting worker with pid: 7\n`),
    dockerFrame(2, `${ts(2)} Traceback (most recent call last):\n`),
    dockerFrame(1, `${ts(3)} \n`),
  );

  it('turns frames into lines with timestamp, stream, level and the container', () => {
    const lines = decode(bytes, { tty: false });
    expect(brief(lines)).toEqual([
      ['stdout', ts(1), '[2024-05-01 12:00:01 +0000] [7] [INFO] Booting worker with pid: 7'],
      ['stderr', ts(2), 'Traceback (most recent call last):'],
      ['stdout', ts(3), ''],
    ]);
    expect(lines.map((l) => l.level)).toEqual(['info', 'error', 'unknown']);
    expect(lines[0]).toMatchObject({ containerId: 'c0ffee', container: 'plane-app-api-1', service: 'api' });
  });

  it('gives the same lines for every chunk size', () => {
    const whole = brief(decode(bytes, { tty: false }));
    for (let size = 1; size <= bytes.length; size += 1) expect(brief(decode(bytes, { tty: false, size })), `chunks of ${size}`).toEqual(whole);
  });

  it('joins a long line Docker split into 16 KiB partial frames (each repeating the timestamp)', () => {
    const first = 'A'.repeat(16_384);
    const second = 'B'.repeat(1000);
    const split = concatBytes(dockerFrame(1, `${ts(5)} ${first}`), dockerFrame(1, `${ts(5)} ${second}\n`), dockerFrame(1, `${ts(6)} next\n`));
    const lines = decode(split, { tty: false, size: 4096 });
    expect(lines.map((l) => [l.ts, l.text.length, l.truncated])).toEqual([
      [ts(5), 16_384, true],
      [ts(6), 4, undefined],
    ]);
    expect(lines[0]?.text.startsWith('A'.repeat(100))).toBe(true);
  });

  it('keeps a multi-byte character that a partial-frame split cut in two', () => {
    const euro = enc('€'); // 3 bytes
    const split = concatBytes(dockerFrame(1, concatBytes(enc(`${ts(1)} price 5`), euro.subarray(0, 1))), dockerFrame(1, concatBytes(enc(`${ts(1)} `), euro.subarray(1), enc(' ok\n'))));
    for (let size = 1; size <= split.length; size += 7) expect(decode(split, { tty: false, size }).map((l) => l.text)).toEqual(['price 5€ ok']);
  });

  it('replaces invalid UTF-8 and removes escapes and control characters', () => {
    const hostile = dockerFrame(1, concatBytes(enc(`${ts(1)} a\x1b[31mred\x1b[0m\x00b`), Uint8Array.of(0xff, 0xfe), enc('\x1b]0;title\x07c\n')));
    expect(decode(hostile, { tty: false }).map((l) => l.text)).toEqual(['aredb\ufffd\ufffdc']);
  });

  it('cuts a 1 MB line to the cap without holding it', () => {
    const huge = concatBytes(dockerFrame(1, `${ts(1)} ${'x'.repeat(1_000_000)}\n`), dockerFrame(1, `${ts(2)} after\n`));
    const lines = decode(huge, { tty: false, size: 65_536 });
    expect(lines.map((l) => [l.text.length, l.truncated ?? false])).toEqual([
      [MAX_LINE_CHARS, true],
      [5, false],
    ]);
  });

  it('bounds a binary blob without newlines', () => {
    const blob = new Uint8Array(300_000).map((_, i) => (i * 7919) % 256);
    const lines = decode(dockerFrame(1, concatBytes(enc(`${ts(1)} `), blob)), { tty: false, size: 8192 });
    for (const line of lines) {
      expect(line.text.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
      // eslint-disable-next-line no-control-regex
      expect(line.text).not.toMatch(/[\x00-\x08\x0a-\x1f\x7f]/);
    }
  });

  it('ends with a last line that had no newline', () => {
    expect(brief(decode(dockerFrame(1, `${ts(1)} noeol`), { tty: false }))).toEqual([['stdout', ts(1), 'noeol']]);
  });
});

describe('log decoder (TTY: raw bytes, no frames)', () => {
  const bytes = enc(`${ts(1)} \x1b[32mready\x1b[0m\r\n${ts(2)} 10%\r50%\r100%\r\n${ts(3)} last`);

  it('splits raw lines, drops CR and keeps what a terminal would show last', () => {
    for (const size of [1, 3, 17, bytes.length]) {
      const lines = decode(bytes, { tty: true, size });
      expect(brief(lines), `chunks of ${size}`).toEqual([
        ['stdout', ts(1), 'ready'],
        ['stdout', ts(2), '100%'],
        ['stdout', ts(3), 'last'],
      ]);
    }
  });

  it('reads a line without a timestamp prefix as text, stamped like the previous line', () => {
    const lines = decode(enc(`${ts(1)} first\nno-timestamp-here at all\n`), { tty: true });
    expect(brief(lines)).toEqual([
      ['stdout', ts(1), 'first'],
      ['stdout', ts(1), 'no-timestamp-here at all'],
    ]);
  });
});
