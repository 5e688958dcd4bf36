import { describe, expect, it } from 'vitest';
import { serializeEnvFile, setValue } from './edit-env-file';
import { effectiveEntries } from './env-document';
import { parseEnvFile } from './parse-env-file';
import { resolveEnvFile } from './resolve-env-file';

/** mulberry32: a tiny seeded PRNG so a failure names a seed that reproduces it. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const keys = ['WEB_URL', 'SECRET_KEY', 'A', 'db.host', 'X-Y', 'CORS_ALLOWED_ORIGINS', 'K1', '_P'];
const values = [
  '',
  'plain',
  'http://${APP_DOMAIN}',
  '${UNSET:-d}',
  'a b c',
  'p@ss#w0rd',
  'x # note',
  '$$lit',
  'ünïcødé',
  'tab\there',
  '\\n',
  '=eq=',
  '{}',
  '$',
];
const nasty = [
  '',
  '   ',
  '\t',
  '#',
  '# comment ${X}',
  '  # indented',
  '=novalue',
  'KEY WITH SPACE=1',
  'K@Y=1',
  'ONLY_KEY',
  'export',
  'export ',
  'A="unterminated',
  "B='open",
  'C="multi',
  'line"',
  '"',
  "'",
  'D="x" trailing',
  "E='q\\''",
  '\u00a0F=1',
  'G=\u2028',
  'H=\r',
  '\r',
  'I="\\"',
  'J=\\',
  '\ufeffK=1',
  ':',
  'L:v',
  'M = "sp" # c',
  'N="a\\$b"',
  '\u0000',
];

function line(rand: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const r = rand();
  if (r < 0.35) return nasty[Math.floor(rand() * nasty.length)] as string;
  const key = pick(keys);
  const value = pick(values);
  const prefix = rand() < 0.1 ? 'export ' : rand() < 0.05 ? '  ' : '';
  const style = rand();
  if (style < 0.5) return `${prefix}${key}=${value}`;
  if (style < 0.7) return `${prefix}${key}="${value.replace(/"/g, '\\"')}"${rand() < 0.3 ? ' # c' : ''}`;
  if (style < 0.85) return `${prefix}${key}='${value.replace(/'/g, '')}'`;
  return `${prefix}${key} = ${value}${rand() < 0.5 ? ' # trailing' : ''}`;
}

function file(seed: number): string {
  const rand = prng(seed);
  const count = Math.floor(rand() * 12);
  let text = rand() < 0.05 ? '\ufeff' : '';
  for (let i = 0; i < count; i += 1) {
    const eol = rand() < 0.15 ? '\r\n' : '\n';
    text += line(rand) + (i === count - 1 && rand() < 0.3 ? '' : eol);
  }
  return text;
}

describe('round trip on 10,000 generated files', () => {
  it('serialize(parse(x)) === x for every one', () => {
    for (let seed = 1; seed <= 10_000; seed += 1) {
      const text = file(seed);
      const out = serializeEnvFile(parseEnvFile(text));
      if (out !== text) expect.fail(`seed ${seed}: ${JSON.stringify(text)} → ${JSON.stringify(out)}`);
    }
  });

  it('setValue on any key touches only that key and reads back the literal', () => {
    for (let seed = 1; seed <= 2_000; seed += 1) {
      const text = file(seed);
      const doc = parseEnvFile(text);
      const entries = [...effectiveEntries(doc).values()];
      const target = entries[seed % Math.max(entries.length, 1)];
      if (target === undefined) continue;
      const literal = values[seed % values.length] as string;
      const edited = setValue(doc, target.key, literal);
      const ctx = `seed ${seed}: ${JSON.stringify(text)} set ${target.key}=${JSON.stringify(literal)}`;
      expect(resolveEnvFile(edited).values.get(target.key), ctx).toBe(literal);
      const before = doc.lines.filter((l) => l !== target).map((l) => l.raw);
      const after = edited.lines.filter((l) => !(l.kind === 'entry' && l.line === target.line)).map((l) => l.raw);
      expect(after, ctx).toEqual(before);
    }
  });
});
