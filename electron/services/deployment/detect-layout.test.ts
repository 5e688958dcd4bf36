import { describe, expect, it } from 'vitest';
import { detectLayout, dokployAppOf, isPlaneProject } from './detect-layout';

const community = ['web', 'space', 'admin', 'live', 'api', 'worker', 'beat-worker', 'migrator', 'plane-db', 'plane-redis', 'plane-mq', 'plane-minio', 'proxy'];

describe('Plane deployment detection', () => {
  it('recognises Plane by its services or images, not a random app with web and api', () => {
    expect(isPlaneProject(community, [])).toBe(true);
    expect(isPlaneProject(['web', 'api'], ['nginx:1', 'node:20'])).toBe(false);
    expect(isPlaneProject(['app'], ['makeplane/plane-backend:v1.3.1'])).toBe(true);
    expect(isPlaneProject(['frontend'], ['registry.example/plane-frontend:custom'])).toBe(true);
  });

  it('tells community, split and Dokploy layouts apart', () => {
    expect(detectLayout({ workingDir: '/root/plane-app', services: community, envFileNames: ['plane.env'], composeEnvFiles: [] })).toBe('community');
    expect(detectLayout({ workingDir: '/srv/plane', services: ['plane-api', 'plane-frontend'], envFileNames: [], composeEnvFiles: ['./.env.api', './.env.live'] })).toBe('split');
    expect(detectLayout({ workingDir: '/etc/dokploy/compose/plane-x1/code', services: community, envFileNames: ['.env'], composeEnvFiles: [] })).toBe('dokploy');
    expect(detectLayout({ workingDir: '/opt/plane', services: ['plane-api', 'plane-web', 'proxy'], envFileNames: ['.env'], composeEnvFiles: [] })).toBe('dokploy');
  });

  it('split under Dokploy stays split but is still Dokploy-managed', () => {
    const dir = '/etc/dokploy/compose/plane-ab12/code';
    expect(detectLayout({ workingDir: dir, services: ['plane-api'], envFileNames: ['.env.api', '.env.frontend', '.env.live'], composeEnvFiles: [] })).toBe('split');
    expect(dokployAppOf(dir)).toBe('plane-ab12');
    expect(dokployAppOf('/etc/dokploy/compose/plane-ab12')).toBeUndefined();
    expect(dokployAppOf('/root/plane-app')).toBeUndefined();
  });
});
