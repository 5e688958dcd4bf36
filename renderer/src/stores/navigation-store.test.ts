import { afterEach, describe, expect, it } from 'vitest';
import { useNavigationStore } from './navigation-store';
import { useUiStore } from './ui-store';

afterEach(() => {
  useNavigationStore.setState({ focusEnvKey: null, containersFilter: null });
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

  it('"Show logs of proxy" switches to Containers with the service as the filter', () => {
    useUiStore.setState({ hostView: 'checks' });
    useNavigationStore.getState().openServiceLogs('h1', 'proxy');
    expect(useUiStore.getState().hostView).toBe('containers');
    expect(useNavigationStore.getState().containersFilter).toEqual({ hostId: 'h1', service: 'proxy' });
  });
});
