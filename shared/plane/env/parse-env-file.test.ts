import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures';
import { serializeEnvFile } from './edit-env-file';
import { effectiveEntries, type EnvDocument } from './env-document';
import { parseEnvFile } from './parse-env-file';
import { resolveEnvFile } from './resolve-env-file';

function values(text: string): Record<string, string> {
  return Object.fromEntries(resolveEnvFile(parseEnvFile(text)).values);
}

function codes(doc: EnvDocument): string[] {
  return doc.diagnostics.map((d) => `${d.line}:${d.code}`);
}

describe('parseEnvFile: what Docker Compose v2 reads', () => {
  // Vectors from the Compose documentation's ".env file syntax" rules.
  it('reads unquoted values, trimming blanks and cutting inline comments only at " #"', () => {
    expect(values('VAR=VAL\nA=  spaced  \nB=x # note\nC=x#not-a-comment\nD=x\t# tab keeps it\n')).toEqual({
      VAR: 'VAL',
      A: 'spaced',
      B: 'x',
      C: 'x#not-a-comment',
      D: 'x\t# tab keeps it',
    });
  });

  it('keeps single-quoted values literal and expands escapes in double quotes', () => {
    expect(values(`S='$HOME \\n #x'\nD="a\\tb\\nc \\"q\\" \\\\ \\$x"\nE="it's"\nF='it\\'s'\n`)).toEqual({
      S: '$HOME \\n #x',
      D: 'a\tb\nc "q" \\ $x',
      E: "it's",
      F: "it's",
    });
  });

  it('accepts export prefixes, "KEY: value" and blanks around the separator', () => {
    expect(values('export A=1\n  B = 2\nC: 3\nexportD=4\n')).toEqual({ A: '1', B: '2', C: '3', exportD: '4' });
  });

  it('reads a double-quoted value across lines and counts the lines it spans', () => {
    const doc = parseEnvFile('KEY="line one\nline two" # c\nNEXT=1\n');
    expect(values('KEY="line one\nline two" # c\nNEXT=1\n')).toEqual({ KEY: 'line one\nline two', NEXT: '1' });
    const next = doc.lines.find((l) => l.kind === 'entry' && l.key === 'NEXT');
    expect(next?.line).toBe(3);
  });

  it('an empty value is set-but-empty, a value after " #" alone is the comment text (compose-go quirk)', () => {
    expect(values('A=\nB= # only\n')).toEqual({ A: '', B: '# only' });
  });

  it('trims the CR of CRLF files from unquoted values', () => {
    expect(values('A=1\r\nB="two"\r\n')).toEqual({ A: '1', B: 'two' });
  });

  it('treats KEY without "=" as taken from the shell, which Hangar cannot see', () => {
    const doc = parseEnvFile('ONLY_NAME\n');
    expect(doc.lines[0]?.kind).toBe('inherit');
    expect(values('ONLY_NAME\n')).toEqual({});
    expect(resolveEnvFile(doc, { processEnv: { ONLY_NAME: 'from-shell' } }).values.get('ONLY_NAME')).toBe('from-shell');
  });
});

describe('parseEnvFile: problems are reported with line numbers, never dropped', () => {
  it('reports duplicates and lets the last one win', () => {
    const text = 'A=1\nB=2\nA=3\n';
    const doc = parseEnvFile(text);
    expect(codes(doc)).toEqual(['3:duplicate-key']);
    expect(doc.diagnostics[0]?.message).toContain('line 1');
    expect(values(text)).toEqual({ A: '3', B: '2' });
    expect(serializeEnvFile(doc)).toBe(text);
  });

  it('keeps invalid lines verbatim and flags them as fatal for Compose', () => {
    const text = 'GOOD=1\nBAD KEY=2\nK@Y=3\nOPEN="never closed\nAFTER=4';
    const doc = parseEnvFile(text);
    expect(codes(doc)).toEqual(['2:invalid-key', '3:invalid-key', '4:unterminated-quote']);
    expect(doc.diagnostics.every((d) => d.severity === 'error')).toBe(true);
    expect(serializeEnvFile(doc)).toBe(text);
    expect([...effectiveEntries(doc).keys()]).toEqual(['GOOD', 'AFTER']);
  });

  it('reports a BOM and keeps it', () => {
    const text = '\ufeffA=1\n';
    const doc = parseEnvFile(text);
    expect(doc.bom).toBe(true);
    expect(codes(doc)).toEqual(['1:bom']);
    expect(values(text)).toEqual({ A: '1' });
    expect(serializeEnvFile(doc)).toBe(text);
  });

  it('warns about text after a closing quote, which Compose would read as another statement', () => {
    expect(codes(parseEnvFile('A="x" B=2\nC="y" # fine\n'))).toEqual(['1:text-after-quote']);
  });

  it('notes mixed line endings and picks the dominant one for new lines', () => {
    const doc = parseEnvFile('A=1\r\nB=2\r\nC=3\n');
    expect(codes(doc)).toEqual(['3:mixed-line-endings']);
    expect(doc.newline).toBe('\r\n');
  });
});

describe('parseEnvFile on Plane v1.3.1 variables.env', () => {
  const env = fixture('plane v1.3.1').envText;

  it('serialises byte-identical and has no diagnostics', () => {
    const doc = parseEnvFile(env);
    expect(serializeEnvFile(doc)).toBe(env);
    expect(doc.diagnostics).toEqual([]);
  });

  it('resolves WEB_URL through the earlier APP_DOMAIN and leaves DATABASE_URL empty', () => {
    const resolved = resolveEnvFile(parseEnvFile(env));
    expect(resolved.values.get('WEB_URL')).toBe('http://localhost');
    expect(resolved.entries.get('WEB_URL')?.used).toEqual(['APP_DOMAIN']);
    expect(resolved.values.get('DATABASE_URL')).toBe('');
  });
});
