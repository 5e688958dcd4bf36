import { describe, expect, it } from 'vitest';
import { labServices } from './__fixtures__/layout-services';
import type { ProbeService, ProbeStatus } from '../../schemas/probe';
import { buildTopology } from './build-topology';
import { edgeTone } from './edge-status';

const community = buildTopology({ layout: 'community', services: [...labServices.community] });
const tones = (statuses: Partial<Record<ProbeService, ProbeStatus>>, layout = community) =>
  Object.fromEntries(layout.edges.map((e) => [e.id, edgeTone(e, statuses)]));

describe('edge colours from a probe report', () => {
  it('colours each hop a browser request crosses with its service’s worst result', () => {
    const t = tones({ proxy: 'pass', api: 'fail', web: 'pass', live: 'warn', minio: 'pass' });
    expect(t['browser->proxy']).toBe('pass');
    expect(t['proxy->api']).toBe('fail');
    expect(t['proxy->web']).toBe('pass');
    expect(t['proxy->live']).toBe('warn');
    expect(t['proxy->minio']).toBe('pass');
  });

  it('leaves hops no check exercised neutral, never green', () => {
    const t = tones({ proxy: 'pass', api: 'pass', web: 'pass', space: 'pass', admin: 'pass', live: 'pass', minio: 'pass' });
    for (const id of ['live->api', 'live->redis', 'api->db', 'api->minio', 'worker->mq', 'migrator->db']) expect(t[id], id).toBe('neutral');
  });

  it('says nothing before any check ran, or for a skipped one', () => {
    expect(Object.values(tones({})).every((tone) => tone === 'neutral')).toBe(true);
    expect(tones({ space: 'skip' })['proxy->space']).toBe('neutral');
  });

  it('takes the worst of the services a shared frontend serves', () => {
    const split = buildTopology({ layout: 'split', services: [...labServices.split] });
    expect(tones({ web: 'pass', space: 'warn', admin: 'pass' }, split)['edge->frontend']).toBe('warn');
    expect(tones({ web: 'pass', admin: 'fail' }, split)['edge->frontend']).toBe('fail');
    expect(tones({ proxy: 'fail' }, split)['browser->edge']).toBe('fail');
  });
});
