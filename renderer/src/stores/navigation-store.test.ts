import { afterEach, describe, expect, it } from 'vitest';
import { useNavigationStore } from './navigation-store';
import { useUiStore } from './ui-store';

afterEach(() => {
  useNavigationStore.setState({ focusEnvKey: null, containersFilter: null, logsTarget: null });
  useUiStore.setState({ hostView: 'containers' });
});

describe('navigation store', () => {
  it('"Open in Environment" switches to the env tab and leaves the key for the env screen to consume', () => {
    useUiStore.setState({ hostView: 'checks' });
    useNavigationStore.getState().openEnvAt({ hostId: 'h1', key: 'CORS_ALLOWED_ORIGINS', file: 'plane.env' });
    expect(useUiStore.getState().hostView).toBe('env');
    expect(useNavigationStore.getState().focusEnvKey).toEqual({ hostId: 'h1', key: 'CORS_ALLOWED_ORIGINS', file: 'plane.env' });
    useNavigationStore.getState().clearEnvFocus();
    expect(useNavigationStore.getState().focusEnvKey).toBeNull();
  });

  it('"Show logs of proxy" from a failed check switches to Logs with the role and the time of the check', () => {
    useUiStore.setState({ hostView: 'checks' });
    useNavigationStore
      .getState()
      .openServiceLogs('h1', 'proxy', { at: '2025-01-01T12:06:00.000Z', project: 'plane-app', reason: 'the check' });
    expect(useUiStore.getState().hostView).toBe('logs');
    expect(useNavigationStore.getState().logsTarget).toEqual({
      hostId: 'h1',
      target: 'proxy',
      project: 'plane-app',
      at: '2025-01-01T12:06:00.000Z',
      reason: 'the check',
    });
    useNavigationStore.getState().clearLogsTarget();
    expect(useNavigationStore.getState().logsTarget).toBeNull();
  });

  it('keeps the two-argument call (hostId, role) working: live logs of the role', () => {
    useNavigationStore.getState().openServiceLogs('h1', 'api');
    expect(useUiStore.getState().hostView).toBe('logs');
    expect(useNavigationStore.getState().logsTarget).toEqual({ hostId: 'h1', target: 'api' });
  });

  it('opens exactly the containers of a table row, and still filters Containers by service on request', () => {
    useNavigationStore.getState().openContainerLogs('h1', ['abc']);
    expect(useNavigationStore.getState().logsTarget).toEqual({ hostId: 'h1', containerIds: ['abc'] });
    useNavigationStore.getState().openContainersOf('h1', 'proxy');
    expect(useUiStore.getState().hostView).toBe('containers');
    expect(useNavigationStore.getState().containersFilter).toEqual({ hostId: 'h1', service: 'proxy' });
  });
});
