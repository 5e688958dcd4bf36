import { describe, expect, it } from 'vitest';
import { SOURCE_COLOURS, sourceColours } from './source-colours';

describe('sourceColours', () => {
  it('gives a container the same colour whatever else is selected, when there is no clash', () => {
    const alone = (name: string) => sourceColours([{ id: name, name }]).get(name);
    const other = ['worker-1', 'web-1', 'proxy-1', 'live-1'].find((name) => alone(name) !== alone('api-1'));
    if (other === undefined) throw new Error('every candidate hashes like api-1');
    const merged = sourceColours([
      { id: other, name: other },
      { id: 'api-1', name: 'api-1' },
    ]);
    expect(merged.get('api-1')).toBe(alone('api-1'));
    expect(merged.get(other)).toBe(alone(other));
  });

  it('never gives two selected containers the same colour while colours are left, whatever the click order', () => {
    const sources = Array.from({ length: SOURCE_COLOURS }, (_, i) => ({ id: String(i), name: `svc-${i}` }));
    const a = sourceColours(sources);
    const b = sourceColours([...sources].reverse());
    expect(new Set(a.values()).size).toBe(SOURCE_COLOURS);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
  });
});
