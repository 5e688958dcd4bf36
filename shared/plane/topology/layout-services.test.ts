import { describe, expect, it } from 'vitest';
import { labServices } from './__fixtures__/layout-services';

/** Loads a lab module without a static import: shared/ is type-checked without Node's types. */
async function labModule(name: string): Promise<Record<string, unknown>> {
  const path = `../../../e2e/lab/${name}.ts`;
  return (await import(/* @vite-ignore */ path)) as Record<string, unknown>;
}

describe('the topology tests’ copy of the lab’s service lists', () => {
  it('matches e2e/lab/layout-*.ts', async () => {
    expect((await labModule('layout-community')).communityServices).toEqual(labServices.community);
    const split = await labModule('layout-split');
    expect(split.splitServices).toEqual(labServices.split);
    expect(split.SPLIT_EDGE).toBe(labServices.splitEdge);
    const dokploy = await labModule('layout-dokploy');
    expect(dokploy.dokployServices).toEqual(labServices.dokploy);
    expect(dokploy.DOKPLOY_EDGE).toBe(labServices.dokployEdge);
  });
});
