import { describe, expect, it } from 'vitest';
import type { ContainerGroup, ContainerSummary } from '../schemas/container';
import type { LogLine } from '../schemas/logs';
import { formatLogLineText } from './log-format';
import { selectLogTargets } from './log-targets';

const container = (id: string, name: string, service?: string): ContainerSummary => ({
  id,
  name,
  ...(service !== undefined ? { service } : {}),
  image: 'img',
  state: 'running',
  status: 'Up',
  health: 'none',
  createdAt: '2024-05-01T12:00:00Z',
  ports: [],
});

const groups: ContainerGroup[] = [
  {
    project: 'plane-app',
    containers: [
      container('a'.repeat(64), 'plane-app-api-1', 'api'),
      container('b'.repeat(64), 'plane-app-worker-1', 'worker'),
      container('c'.repeat(64), 'plane-app-plane-db-1', 'plane-db'),
    ],
  },
  { project: 'plane-lab', containers: [container('d'.repeat(64), 'plane-lab-plane-api-1', 'plane-api'), container('e'.repeat(64), 'plane-lab-plane-db-1', 'plane-db')] },
  { project: null, containers: [container('f'.repeat(64), 'portainer')] },
];

const names = (words: string[], project?: string) => {
  const selection = selectLogTargets(groups, words, project);
  return { names: selection.containers.map((c) => c.name), unmatched: selection.unmatched };
};

describe('selectLogTargets', () => {
  it('selects by container name, id and id prefix', () => {
    expect(names(['portainer', 'b'.repeat(64), 'cccccccccccc'])).toEqual({ names: ['portainer', 'plane-app-worker-1', 'plane-app-plane-db-1'], unmatched: [] });
  });

  it('selects a compose service, in every project unless one is named', () => {
    expect(names(['plane-db'])).toEqual({ names: ['plane-app-plane-db-1', 'plane-lab-plane-db-1'], unmatched: [] });
    expect(names(['plane-db'], 'plane-lab')).toEqual({ names: ['plane-lab-plane-db-1'], unmatched: [] });
  });

  it('selects a Plane role whatever the layout calls the service', () => {
    expect(names(['api'], 'plane-lab')).toEqual({ names: ['plane-lab-plane-api-1'], unmatched: [] });
    expect(names(['db'], 'plane-app')).toEqual({ names: ['plane-app-plane-db-1'], unmatched: [] });
  });

  it('lists each container once and reports words that select nothing', () => {
    expect(names(['api', 'plane-app-api-1', 'nope', 'minio'], 'plane-app')).toEqual({ names: ['plane-app-api-1'], unmatched: ['nope', 'minio'] });
  });
});

describe('formatLogLineText', () => {
  const line: LogLine = { containerId: 'x', container: 'api-1', stream: 'stdout', ts: '2024-05-01T12:03:04.056789Z', text: 'hello', level: 'info' };

  it('writes clock, optional padded container column and text, marking a cut line', () => {
    expect(formatLogLineText(line, { utc: true })).toBe('12:03:04.056 hello');
    expect(formatLogLineText(line, { utc: true, showContainer: true, containerWidth: 8 })).toBe('12:03:04.056 api-1    | hello');
    expect(formatLogLineText({ ...line, truncated: true }, { fullTimestamp: true })).toBe('2024-05-01T12:03:04.056789Z hello …[truncated]');
  });
});
