import { describe, expect, it } from 'vitest';
import { labServices } from './__fixtures__/layout-services';
import { readComposeFile } from '../env/compose-model';
import { fixture } from '../fixtures';
import { buildTopology } from './build-topology';
import type { Topology } from './topology-types';

const servicesOf = (name: string): string[] => [...readComposeFile(fixture(name).composeText).services.keys()];
const edgeIds = (t: Topology): string[] => t.edges.map((e) => e.id);
const node = (t: Topology, id: string) => t.nodes.find((n) => n.id === id);

describe('buildTopology', () => {
  it('draws the community layout as Plane’s Caddy routes it', () => {
    const t = buildTopology({ layout: 'community', services: servicesOf('plane v1.3.1') });
    expect(t.nodes.map((n) => n.id)).toEqual([
      'browser',
      'proxy',
      'web',
      'space',
      'admin',
      'live',
      'api',
      'worker',
      'beat-worker',
      'migrator',
      'db',
      'redis',
      'mq',
      'minio',
    ]);
    expect(t.nodes.map((n) => n.services.join(','))).toEqual([
      '',
      'proxy',
      'web',
      'space',
      'admin',
      'live',
      'api',
      'worker',
      'beat-worker',
      'migrator',
      'plane-db',
      'plane-redis',
      'plane-mq',
      'plane-minio',
    ]);
    expect(edgeIds(t)).toEqual([
      'browser->proxy',
      'proxy->web',
      'proxy->space',
      'proxy->admin',
      'proxy->live',
      'proxy->api',
      'proxy->minio',
      'live->api',
      'live->redis',
      'api->db',
      'api->redis',
      'api->mq',
      'api->minio',
      'worker->db',
      'worker->redis',
      'worker->mq',
      'beat-worker->db',
      'beat-worker->redis',
      'beat-worker->mq',
      'migrator->db',
    ]);
    expect(node(t, 'migrator')?.oneShot).toBe(true);
  });

  it('probes only the hops a browser request crosses', () => {
    const t = buildTopology({ layout: 'community', services: [...labServices.community] });
    const probed = t.edges.filter((e) => e.probes.length > 0).map((e) => `${e.id}=${e.probes.join('+')}`);
    expect(probed).toEqual([
      'browser->proxy=proxy',
      'proxy->web=web',
      'proxy->space=space',
      'proxy->admin=admin',
      'proxy->live=live',
      'proxy->api=api',
      'proxy->minio=minio',
    ]);
  });

  it('draws the old nginx layout (v0.27.1) with the same roles', () => {
    const t = buildTopology({ layout: 'community', services: servicesOf('plane v0.27.1') });
    expect(t.nodes.filter((n) => !n.external && n.services.length === 0)).toEqual([]);
  });

  it('draws the split layout with one frontend for web, space and admin, and Traefik in front', () => {
    const t = buildTopology({ layout: 'split', services: [...labServices.split, labServices.splitEdge] });
    expect(t.nodes.map((n) => n.id)).toEqual([
      'browser',
      'edge',
      'frontend',
      'live',
      'api',
      'worker',
      'beat-worker',
      'migrator',
      'db',
      'redis',
      'mq',
      'minio',
    ]);
    expect(node(t, 'frontend')).toMatchObject({ services: ['plane-frontend'], roles: ['web', 'space', 'admin'] });
    expect(node(t, 'edge')).toMatchObject({ label: 'Traefik', services: ['traefik'], external: false, roles: ['proxy'] });
    expect(edgeIds(t).slice(0, 5)).toEqual(['browser->edge', 'edge->frontend', 'frontend->live', 'edge->api', 'edge->minio']);
    expect(t.edges.find((e) => e.id === 'edge->frontend')?.probes).toEqual(['web', 'space', 'admin']);
  });

  it('keeps Traefik as an external node when it runs outside the project (the user’s Dokploy)', () => {
    const t = buildTopology({ layout: 'split', services: [...labServices.split] });
    expect(node(t, 'edge')).toMatchObject({ services: [], external: true });
    expect(node(t, 'proxy')).toBeUndefined();
  });

  it('draws Dokploy’s template: Traefik, then the template’s proxy, then plane-* services', () => {
    const services = servicesOf('dokploy template v1.3.1');
    const t = buildTopology({ layout: 'dokploy', services });
    expect(node(t, 'edge')).toMatchObject({ external: true, services: [] });
    expect(node(t, 'proxy')?.services).toEqual(['proxy']);
    expect(node(t, 'api')?.services).toEqual(['plane-api']);
    expect(edgeIds(t).slice(0, 3)).toEqual(['browser->edge', 'edge->proxy', 'proxy->web']);
    // The lab's stand-in runs in the project: it becomes the Traefik node, not a second proxy.
    const lab = buildTopology({ layout: 'dokploy', services: [...services, labServices.dokployEdge] });
    expect(node(lab, 'edge')?.services).toEqual([labServices.dokployEdge]);
    expect(node(lab, 'proxy')?.services).toEqual(['proxy']);
  });

  it('keeps every role of the layout, even one no service plays, so the shape never changes', () => {
    const full = buildTopology({ layout: 'community', services: [...labServices.community] });
    const partial = buildTopology({
      layout: 'community',
      services: labServices.community.filter((s) => s !== 'worker' && s !== 'plane-mq'),
    });
    expect(partial.nodes.map((n) => [n.id, n.column, n.row])).toEqual(full.nodes.map((n) => [n.id, n.column, n.row]));
    expect(node(partial, 'worker')?.services).toEqual([]);
    expect(edgeIds(partial)).toEqual(edgeIds(full));
  });

  it('uses Plane’s build-from-source names (bgworker, beatworker)', () => {
    const t = buildTopology({ layout: 'community', services: ['web', 'api', 'bgworker', 'beatworker', 'plane-db', 'proxy'] });
    expect(node(t, 'worker')?.services).toEqual(['bgworker']);
    expect(node(t, 'beat-worker')?.services).toEqual(['beatworker']);
  });
});
