import { describe, expect, it } from 'vitest';
import { interpolate, referencedVariables } from './interpolate';

const env: Record<string, string> = { SET: 'value', EMPTY: '', HOST: 'example.com' };
const lookup = (name: string): string | undefined => env[name];
const value = (template: string): string => interpolate(template, lookup).value;

describe('interpolate: Compose v2 substitution', () => {
  it.each([
    ['${SET}', 'value'],
    ['$SET', 'value'],
    ['$SET/path', 'value/path'],
    ['pre${SET}post', 'prevaluepost'],
    ['${UNSET}', ''],
    ['${SET:-d}', 'value'],
    ['${EMPTY:-d}', 'd'],
    ['${UNSET:-d}', 'd'],
    ['${SET-d}', 'value'],
    ['${EMPTY-d}', ''],
    ['${UNSET-d}', 'd'],
    ['${SET:+alt}', 'alt'],
    ['${EMPTY:+alt}', ''],
    ['${UNSET:+alt}', ''],
    ['${SET+alt}', 'alt'],
    ['${EMPTY+alt}', 'alt'],
    ['${UNSET+alt}', ''],
    ['$$', '$'],
    ['$${SET}', '${SET}'],
    ['a$$b', 'a$b'],
    ['cost $5', 'cost $5'],
    ['trailing $', 'trailing $'],
    ['${UNSET:-http://${HOST}/x}', 'http://example.com/x'],
    ['${UNSET:-a}${SET}', 'avalue'],
    ['${UNSET:-a}b}', 'ab}'],
    ['${UNSET:-:80}', ':80'],
    ['${UNSET:-}', ''],
    ['postgresql://${UNSET:-plane}:${EMPTY:-plane}@db/plane', 'postgresql://plane:plane@db/plane'],
  ])('%s → %s', (template, expected) => {
    expect(value(template)).toBe(expected);
  });

  it('reports variables that were needed but not set (Compose warns and uses "")', () => {
    const result = interpolate('${UNSET} ${SET} $OTHER ${DEF:-x}', lookup);
    expect(result.missing).toEqual(['UNSET', 'OTHER']);
    expect(result.used).toEqual(['UNSET', 'SET', 'OTHER', 'DEF']);
  });

  it('fails required variables with the message Compose prints', () => {
    expect(interpolate('${EMPTY:?set it}', lookup).errors).toEqual([
      { kind: 'required', variable: 'EMPTY', message: 'required variable EMPTY is missing a value: set it' },
    ]);
    expect(interpolate('${EMPTY?set it}', lookup).errors).toEqual([]);
    expect(interpolate('${UNSET?}', lookup).errors[0]?.message).toBe('required variable UNSET is missing a value');
    expect(interpolate('${SET:?x}', lookup)).toMatchObject({ value: 'value', errors: [] });
  });

  it('rejects malformed braces the way Compose does', () => {
    for (const bad of ['${', '${}', '${1A}', '${A B}', '${A:x}', '${A:-unclosed']) {
      expect(
        interpolate(bad, lookup).errors.map((e) => e.kind),
        bad,
      ).toEqual(['invalid']);
    }
  });

  it('does not evaluate a default that is not used', () => {
    expect(interpolate('${SET:-${UNSET:?never}}', lookup).errors).toEqual([]);
  });
});

describe('referencedVariables', () => {
  it('finds names inside defaults, skipping escaped dollars', () => {
    expect(referencedVariables('${A:-${B}} $C $$D ${E:+$F}')).toEqual(['A', 'B', 'C', 'E', 'F']);
  });
});
