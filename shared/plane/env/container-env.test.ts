import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures';
import { readComposeFile } from './compose-model';
import { resolveContainerEnvironment } from './container-env';
import { parseYaml } from './mini-yaml';
import { parseEnvFile } from './parse-env-file';
import { resolveEnvFile } from './resolve-env-file';

function containers(composeText: string, envText: string) {
  return resolveContainerEnvironment(readComposeFile(composeText), resolveEnvFile(parseEnvFile(envText)).values);
}

describe('resolveContainerEnvironment on Plane v1.3.1', () => {
  const { composeText, envText } = fixture('plane v1.3.1');
  const env = containers(composeText, envText);

  it('shows the compose default the api really gets for an empty DATABASE_URL=', () => {
    expect(env.get('api')?.get('DATABASE_URL')).toMatchObject({
      value: 'postgresql://plane:plane@plane-db/plane',
      source: 'compose-default',
    });
    expect(env.get('worker')?.get('AMQP_URL')?.value).toBe('amqp://plane:plane@plane-mq:5672/plane');
  });

  it('gives live the publicly known LIVE_SERVER_SECRET_KEY when plane.env leaves it empty', () => {
    expect(env.get('live')?.get('LIVE_SERVER_SECRET_KEY')).toMatchObject({
      value: '2FiJk1U2aiVPEQtzLehYGlTSnTnrs7LW',
      source: 'compose-default',
    });
  });

  it('passes WEB_URL as expanded inside plane.env and hard-codes GUNICORN_WORKERS', () => {
    expect(env.get('api')?.get('WEB_URL')).toMatchObject({ value: 'http://localhost', source: 'env' });
    expect(env.get('api')?.get('GUNICORN_WORKERS')).toMatchObject({ value: '1', source: 'literal' });
  });

  it('renames through anchors: MinIO root password is AWS_SECRET_ACCESS_KEY', () => {
    expect(env.get('plane-minio')?.get('MINIO_ROOT_PASSWORD')?.used).toEqual(['AWS_SECRET_ACCESS_KEY']);
    expect(env.get('proxy')?.has('TRUSTED_PROXIES')).toBe(false);
    expect(env.get('web')?.size).toBe(0);
  });

  it('lists every variable the compose reads, but not GUNICORN_WORKERS or TRUSTED_PROXIES', () => {
    const refs = readComposeFile(composeText).references;
    expect(refs.has('APP_RELEASE') && refs.has('LIVE_SERVER_SECRET_KEY') && refs.has('WEB_REPLICAS')).toBe(true);
    expect(refs.has('GUNICORN_WORKERS') || refs.has('TRUSTED_PROXIES')).toBe(false);
  });
});

describe('readComposeFile', () => {
  it('merges anchors earlier-first with explicit keys winning, reads list environments and env_file', () => {
    const compose = readComposeFile(`
x-a: &a
  K: from-a
  ONLY_A: a
x-b: &b
  K: from-b
  ONLY_B: "b # not a comment"
services:
  one:
    env_file: [.env.api]
    environment:
      <<: [*a, *b]
      OWN: 'it''s'
  two:
    env_file:
      - path: ./.env.live
        required: false
    environment:
      - LIST=\${ONLY_A:-x}
      - PASSED
    depends_on: { one: { condition: service_started } }
`);
    const one = compose.services.get('one');
    expect(Object.fromEntries(one?.environment ?? [])).toEqual({ K: 'from-a', ONLY_A: 'a', ONLY_B: 'b # not a comment', OWN: "it's" });
    expect(one?.envFiles).toEqual(['.env.api']);
    const two = compose.services.get('two');
    expect(Object.fromEntries(two?.environment ?? [])).toEqual({ LIST: '${ONLY_A:-x}', PASSED: null });
    expect(two?.envFiles).toEqual(['./.env.live']);
    expect(two?.dependsOn).toEqual(['one']);
    expect(compose.problems).toEqual([]);
  });

  it('layers a service env_file under environment:', () => {
    const compose = readComposeFile('services:\n  api:\n    env_file: .env.api\n    environment:\n      DEBUG: "0"\n');
    const env = resolveContainerEnvironment(compose, new Map(), {
      serviceEnvFile: (path) =>
        path === '.env.api'
          ? new Map([
              ['DEBUG', '1'],
              ['SECRET_KEY', 's'],
            ])
          : undefined,
    });
    expect(env.get('api')?.get('DEBUG')?.value).toBe('0');
    expect(env.get('api')?.get('SECRET_KEY')).toMatchObject({ value: 's', source: 'service-env-file' });
  });

  it('reports what the YAML subset cannot read instead of guessing', () => {
    expect(parseYaml('a: [unclosed\nb: 1\n').problems.length).toBeGreaterThan(0);
    expect(parseYaml('a: *nowhere\n').problems[0]?.message).toContain('*nowhere');
  });

  it('reads block scalars, flow maps and quoted keys', () => {
    const { root } = parseYaml('"quoted key": 1\nscript: |\n  line1\n  line2\nflow: {a: 1, b: [x, "y,z"]}\nempty:\nnull: ~\n');
    expect(root).toEqual(
      new Map<string, unknown>([
        ['quoted key', '1'],
        ['script', 'line1\nline2\n'],
        [
          'flow',
          new Map<string, unknown>([
            ['a', '1'],
            ['b', ['x', 'y,z']],
          ]),
        ],
        ['empty', null],
        ['null', null],
      ]),
    );
  });
});
