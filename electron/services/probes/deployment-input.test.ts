import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { probeInputForResultSchema } from '../../../shared/ipc/contracts/probes';
import type { Deployment, EnvFileRef } from '../../../shared/schemas/deployment';
import { SECRET_MASK, type EnvLoadResult } from '../../../shared/schemas/env-edit';
import type { HostConfig } from '../../../shared/schemas/host';
import { probeInputSchema } from '../../../shared/schemas/probe';
import { probeDraftFromEnv, probeInputForHost, type DeploymentInputDeps } from './deployment-input';

const server: HostConfig = { kind: 'ssh', id: 'h1', name: 'prod', address: '203.0.113.7', port: 22, user: 'root', auth: { kind: 'agent' } };

function deployment(project: string, layout: Deployment['layout'], envFiles: EnvFileRef[]): Deployment {
  return { project, layout, workingDir: `/opt/${project}`, composeFiles: [], envFiles, dokployManaged: false, services: [] };
}

function file(name: string, role: EnvFileRef['role'], values: Record<string, string>): EnvLoadResult['files'][number] {
  const entries = Object.entries(values).map(([key, value], i) => ({
    key,
    line: i + 1,
    value,
    secret: value === SECRET_MASK,
    known: true,
  }));
  return {
    name,
    path: `/opt/${name}`,
    role,
    interpolation: role === 'env',
    usedBy: [],
    etag: 'e',
    mode: 0o600,
    mtime: '2025-01-01T00:00:00Z',
    text: '',
    entries,
    diagnostics: [],
  };
}

function community(values: Record<string, string>, apiEnv?: Record<string, string>): EnvLoadResult {
  const planeEnv = file('plane.env', 'env', values);
  return {
    deployment: deployment('plane-app', 'community', [planeEnv]),
    files: [planeEnv],
    findings: [],
    containerEnv: apiEnv
      ? [
          {
            service: 'api',
            variables: Object.entries(apiEnv).map(([key, value]) => ({ key, value, secret: false, source: 'env' as const })),
          },
        ]
      : [],
  };
}

describe('probeDraftFromEnv', () => {
  it('takes WEB_URL, the raw CORS list, bucket and release from what the api container receives', () => {
    const loaded = community(
      { WEB_URL: 'http://file.example', CORS_ALLOWED_ORIGINS: 'http://file.example' },
      {
        WEB_URL: 'https://plane.example.com',
        CORS_ALLOWED_ORIGINS: 'https://plane.example.com/,https://other.example.com',
        AWS_S3_BUCKET_NAME: 'files',
        APP_RELEASE: 'v1.3.1',
      },
    );
    const { draft, notes } = probeDraftFromEnv(loaded, server);
    expect(draft).toEqual({
      webUrl: 'https://plane.example.com',
      layout: 'community',
      resolve: [],
      expected: {
        corsAllowedOrigins: ['https://plane.example.com/', 'https://other.example.com'],
        bucketName: 'files',
        appRelease: 'v1.3.1',
        serverAddresses: ['203.0.113.7'],
      },
    });
    expect(notes).toEqual([]);
    expect(probeInputSchema.safeParse(draft).success).toBe(true);
  });

  it('keeps an empty CORS list as "set but empty" (allow-all) and an unset one as unknown, and says so', () => {
    expect(
      probeDraftFromEnv(community({ WEB_URL: 'http://a.test', CORS_ALLOWED_ORIGINS: '' }), server).draft.expected.corsAllowedOrigins,
    ).toEqual([]);
    const unset = probeDraftFromEnv(community({ WEB_URL: 'http://a.test' }), server);
    expect(unset.draft.expected.corsAllowedOrigins).toBeUndefined();
    expect(unset.notes.join(' ')).toMatch(/CORS_ALLOWED_ORIGINS is not set/);
  });

  it('never invents a web URL and does not compare DNS with a host that is only a name', () => {
    const named: HostConfig = { ...server, address: 'plane.example.com' } as HostConfig;
    const { draft, notes } = probeDraftFromEnv(community({ CORS_ALLOWED_ORIGINS: 'http://a.test' }), named);
    expect(draft.webUrl).toBe('');
    expect(draft.expected.serverAddresses).toEqual([]);
    expect(notes.join(' ')).toMatch(/WEB_URL is not set/);
    expect(notes.join(' ')).toMatch(/plane\.example\.com is not an IP address/);
  });

  it('reads the split layout API and live URLs from .env.frontend', () => {
    const apiFile = file('.env.api', 'api', { WEB_URL: 'https://plane.lab.test', CORS_ALLOWED_ORIGINS: 'https://plane.lab.test' });
    const front = file('.env.frontend', 'frontend', {
      VITE_API_BASE_URL: 'https://plane-api.lab.test',
      VITE_LIVE_BASE_URL: 'https://plane.lab.test/',
      VITE_LIVE_BASE_PATH: '/live',
    });
    const loaded: EnvLoadResult = {
      deployment: deployment('plane', 'split', [apiFile, front]),
      files: [apiFile, front],
      findings: [],
      containerEnv: [],
    };
    const { draft } = probeDraftFromEnv(loaded, server);
    expect(draft).toMatchObject({
      webUrl: 'https://plane.lab.test',
      apiUrl: 'https://plane-api.lab.test',
      liveUrl: 'https://plane.lab.test/live',
      layout: 'split',
      expected: { frontendApiUrl: 'https://plane-api.lab.test', corsAllowedOrigins: ['https://plane.lab.test'] },
    });
  });

  it('drops an invalid bucket name with a note instead of failing the whole draft', () => {
    const { draft, notes } = probeDraftFromEnv(community({ WEB_URL: 'http://a.test', AWS_S3_BUCKET_NAME: 'Bad_Bucket' }), server);
    expect(draft.expected.bucketName).toBe('uploads');
    expect(notes.join(' ')).toMatch(/"Bad_Bucket" is not a valid bucket name/);
  });
});

describe('probeInputForHost', () => {
  const deps = (deployments: Deployment[], load: DeploymentInputDeps['env']['load']): DeploymentInputDeps => ({
    hosts: { get: async () => server },
    env: { listDeployments: async () => deployments, load },
  });

  it('prefers plane-app among several deployments and lists them all', async () => {
    const seen: string[] = [];
    const result = await probeInputForHost(
      deps([deployment('other', 'community', []), deployment('plane-app', 'community', [])], async (ref) => {
        seen.push(ref.project);
        return community({ WEB_URL: 'http://plane.test' });
      }),
      { hostId: 'h1' },
    );
    expect(seen).toEqual(['plane-app']);
    expect(result.project).toBe('plane-app');
    expect(result.projects).toEqual(['other', 'plane-app']);
    expect(result.draft.webUrl).toBe('http://plane.test');
    expect(probeInputForResultSchema.safeParse(result).success).toBe(true);
  });

  it('answers an empty, editable draft with a note when the host runs no Plane', async () => {
    const result = await probeInputForHost(
      deps([], async () => {
        throw new Error('not called');
      }),
      { hostId: 'h1' },
    );
    expect(result).toMatchObject({ project: null, projects: [], draft: { webUrl: '' } });
    expect(result.notes[0]).toMatch(/No Plane deployment was found on prod/);
  });

  it('keeps the deployment and explains when its env files cannot be read', async () => {
    const result = await probeInputForHost(
      deps([deployment('plane-app', 'split', [])], async () => {
        throw new AppError('FILE_NOT_FOUND', 'No such file: /opt/plane/.env.api');
      }),
      { hostId: 'h1' },
    );
    expect(result.project).toBe('plane-app');
    expect(result.draft.layout).toBe('split');
    expect(result.notes[0]).toMatch(/could not be read \(No such file: \/opt\/plane\/\.env\.api\)/);
  });
});
