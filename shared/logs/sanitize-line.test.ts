import { describe, expect, it } from 'vitest';
import { cutAt, MAX_LINE_CHARS, sanitizeLogText } from './sanitize-line';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('sanitizeLogText', () => {
  it.each([
    ['colours (CSI SGR)', '\x1b[1;31mERROR\x1b[0m failed', 'ERROR failed'],
    ['cursor movement and erase', 'a\x1b[2K\x1b[1A\x1b[10;20Hb', 'ab'],
    ['8-bit CSI', 'a\x9b31mb', 'ab'],
    ['OSC title ended by BEL', '\x1b]0;owned\x07text', 'text'],
    ['OSC 8 hyperlink ended by ST', '\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\', 'click'],
    ['DCS string', 'a\x1bPq#0;2;0;0;0\x1b\\b', 'ab'],
    ['charset and keypad escapes', '\x1b(Bplain\x1b=\x1b>', 'plain'],
    ['an unterminated OSC keeps its text visible', 'a\x1b]0;never ends', 'a0;never ends'],
    ['NUL, BEL, backspace, vertical tab', 'a\x00b\x07c\x08d\x0be', 'abcde'],
    ['DEL and C1 controls', 'a\x7fb\x85c', 'abc'],
    ['bidi overrides', 'abc\u202edcba\u202c', 'abcdcba'],
    ['tabs are kept', 'key\tvalue', 'key\tvalue'],
    ['CRLF loses its CR', 'line\r', 'line'],
    ['a progress bar shows its last state', '10%\r55%\r100%', '100%'],
    ['a trailing CR after progress keeps the last text', 'working\rdone\r', 'done'],
    ['an embedded newline is removed', 'a\nb', 'ab'],
    ['plain text is untouched', 'GET /api/instances/ 200 12ms', 'GET /api/instances/ 200 12ms'],
    ['unicode is untouched', 'café ☕ 日本語 🚀', 'café ☕ 日本語 🚀'],
  ])('%s', (_name, raw, expected) => {
    expect(sanitizeLogText(raw)).toEqual({ text: expected, truncated: false });
  });

  it('cuts long lines at the cap and says so', () => {
    expect(sanitizeLogText('x'.repeat(MAX_LINE_CHARS + 1))).toEqual({ text: 'x'.repeat(MAX_LINE_CHARS), truncated: true });
    expect(sanitizeLogText('x'.repeat(MAX_LINE_CHARS)).truncated).toBe(false);
  });

  it('never leaves half a surrogate pair at the cut', () => {
    expect(cutAt('ab🚀', 3)).toBe('ab');
    expect(sanitizeLogText('🚀'.repeat(10), 5)).toEqual({ text: '🚀🚀', truncated: true });
  });

  it('fuzz: random bytes never throw, never leave a control character, never exceed the cap', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = ['\x1b', '[', ']', '\x07', '\\', 'P', '\r', '\n', '\t', '\x00', '\x9b', '\x9d', ';', 'm', '0', 'a', '€', '\u202e', '\ud83d'];
    const decoder = new TextDecoder();
    for (let i = 0; i < 3000; i += 1) {
      const length = Math.floor(random() * 200);
      const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      const mixed = Array.from({ length: Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const raw = random() < 0.5 ? decoder.decode(bytes) : mixed + decoder.decode(bytes);
      const cap = 1 + Math.floor(random() * 150);
      const { text, truncated } = sanitizeLogText(raw, cap);
      expect(text, JSON.stringify(raw)).not.toMatch(UNSAFE);
      expect(text.length).toBeLessThanOrEqual(cap);
      if (!truncated) expect(text.length).toBeLessThanOrEqual(raw.length);
    }
  });
});
