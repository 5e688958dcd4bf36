import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readComposeFile } from '../../../shared/plane/env/compose-model';
import { resolveContainerEnvironment } from '../../../shared/plane/env/container-env';
import { parseEnvFile } from '../../../shared/plane/env/parse-env-file';
import { resolveEnvFile } from '../../../shared/plane/env/resolve-env-file';

/**
 * Cross-checks Hangar's Compose v2 resolution against the real `docker-compose` 1.29 (v1, the
 * only Compose on the test machines). Where v1 and v2 agree the results must be identical; where
 * they differ (documented in shared/plane/env/interpolate.ts) Hangar must give the v2 value and
 * v1 must still differ, so a change on either side is noticed.
 */

interface Vector {
  /** env-file line(s) */
  readonly env: string;
  /** compose `environment:` entry for key `K` */
  readonly compose?: string;
  /** Expected value in Compose v2 (compose-go), which Hangar follows. */
  readonly v2: string;
  /** False where docker-compose 1.29 reads it differently. */
  readonly v1Agrees: boolean;
}

const vectors: Readonly<Record<string, Vector>> = {
  PLAIN: { env: 'PLAIN=plain # comment', v2: 'plain', v1Agrees: true },
  DQ_ESC: { env: 'DQ_ESC="dq \\n esc \\"q\\" \\t"', v2: 'dq \n esc "q" \t', v1Agrees: true },
  HASH_NO_SPACE: { env: 'HASH_NO_SPACE=x#y', v2: 'x#y', v1Agrees: true },
  REF_BRACED: { env: 'REF_BRACED=${PLAIN}/x', v2: 'plain/x', v1Agrees: true },
  SPACED: { env: 'SPACED=  spaced  ', v2: 'spaced', v1Agrees: true },
  EXPORTED: { env: 'export EXPORTED=exported', v2: 'exported', v1Agrees: true },
  DEFAULT_IN_FILE: { env: 'DEFAULT_IN_FILE=${UNDEF:-fallback}', v2: 'fallback', v1Agrees: true },
  BACKSLASH_N: { env: 'BACKSLASH_N=a\\nb', v2: 'a\\nb', v1Agrees: true },
  SQ_IN_DQ: { env: `SQ_IN_DQ="with 'single' inside"`, v2: "with 'single' inside", v1Agrees: true },
  ESCAPED_SQ: { env: "ESCAPED_SQ='it\\'s'", v2: "it's", v1Agrees: true },
  HASH_QUOTED: { env: 'HASH_QUOTED="#hash" # c', v2: '#hash', v1Agrees: true },
  COMMENT_ONLY: { env: 'COMMENT_ONLY= # comment', v2: '# comment', v1Agrees: true },
  LATER_REF: { env: 'LATER_REF=${LATER}\nLATER=1', v2: '', v1Agrees: true },
  DQ_BACKSLASH: { env: 'DQ_BACKSLASH="a\\\\b"', v2: 'a\\b', v1Agrees: true },
  EQUALS: { env: 'EQUALS=a=b=c', v2: 'a=b=c', v1Agrees: true },
  MULTILINE: { env: 'MULTILINE="multi\nline"', v2: 'multi\nline', v1Agrees: true },
  EMPTY_SOFT: { env: 'EMPTY_SOFT=', compose: '${EMPTY_SOFT:-def}', v2: 'def', v1Agrees: true },
  EMPTY_HARD: { env: 'EMPTY_HARD=', compose: '${EMPTY_HARD-def}', v2: '', v1Agrees: true },
  UNSET_HARD: { env: '', compose: '${UNSET_HARD-def}', v2: 'def', v1Agrees: true },
  ESCAPED_DOLLAR: { env: '', compose: 'lit$$eral', v2: 'lit$eral', v1Agrees: true },
  PLANE_DB_URL: {
    env: 'PLANE_DB_URL=',
    compose: '${PLANE_DB_URL:-postgresql://plane:plane@plane-db/plane}',
    v2: 'postgresql://plane:plane@plane-db/plane',
    v1Agrees: true,
  },
  // v1 (python-dotenv) expands only ${VAR} in env files and has no `$$` escape there.
  BARE_REF: { env: 'BARE_REF=$PLAIN', v2: 'plain', v1Agrees: false },
  DOUBLE_DOLLAR: { env: 'DOUBLE_DOLLAR=a$$b', v2: 'a$b', v1Agrees: false },
  DQ_BARE_REF: { env: 'DQ_BARE_REF="dq $PLAIN"', v2: 'dq plain', v1Agrees: false },
  DQ_ESCAPED_DOLLAR: { env: 'DQ_ESCAPED_DOLLAR="\\$PLAIN"', v2: '$PLAIN', v1Agrees: false },
  // v1 expands ${VAR} inside single quotes; v2 keeps single quotes literal.
  SQ_REF: { env: "SQ_REF='single ${PLAIN}'", v2: 'single ${PLAIN}', v1Agrees: false },
  SQ_BACKSLASHES: { env: "SQ_BACKSLASHES='a\\\\b'", v2: 'a\\\\b', v1Agrees: false },
  // v1 treats ':-' inside the env file like '-' (an empty value is kept).
  FILE_SOFT_DEFAULT: { env: 'EMPTY_FOR_SOFT=\nFILE_SOFT_DEFAULT=${EMPTY_FOR_SOFT:-d}', v2: 'd', v1Agrees: false },
  // v1 has no nested defaults in the compose file.
  NESTED: { env: '', compose: '${UNDEF:-${PLAIN}x}', v2: 'plainx', v1Agrees: false },
};

function hasDockerCompose(): boolean {
  try {
    execFileSync('docker-compose', ['version', '--short'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

const available = hasDockerCompose();
const dir = mkdtempSync(join(tmpdir(), 'hangar-compose-xcheck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `docker-compose config` through PyYAML (installed with docker-compose) to JSON, `$$` unescaped. */
function dockerComposeV1(envText: string, composeText: string): Record<string, string> {
  writeFileSync(join(dir, 'test.env'), envText);
  writeFileSync(join(dir, 'compose.yml'), composeText);
  const yaml = execFileSync('docker-compose', ['--env-file', join(dir, 'test.env'), '-f', join(dir, 'compose.yml'), 'config'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 30_000,
  });
  const json = execFileSync(
    '/usr/bin/python3',
    ['-c', 'import json,sys,yaml; print(json.dumps(yaml.safe_load(sys.stdin)["services"]["s"]["environment"]))'],
    {
      input: yaml,
      encoding: 'utf8',
      timeout: 10_000,
    },
  );
  const parsed = JSON.parse(json) as Record<string, string>;
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v).replace(/\$\$/g, '$')]));
}

// CI installs docker-compose, so there a missing binary is a failure, not a skip.
describe.skipIf(!available && process.env.CI === undefined)('Compose env resolution vs docker-compose 1.29', () => {
  const envText =
    Object.values(vectors)
      .map((v) => v.env)
      .filter((l) => l !== '')
      .join('\n') + '\n';
  const composeText =
    'version: "3.8"\nservices:\n  s:\n    image: busybox\n    environment:\n' +
    Object.entries(vectors)
      .map(([key, v]) => `      ${key}: '${(v.compose ?? `\${${key}}`).replace(/'/g, "''")}'`)
      .join('\n') +
    '\n';
  const hangar = resolveContainerEnvironment(readComposeFile(composeText), resolveEnvFile(parseEnvFile(envText)).values).get('s');
  const v1 = available ? dockerComposeV1(envText, composeText) : {};

  it.each(Object.entries(vectors))('%s', (key, vector) => {
    expect(hangar?.get(key)?.value).toBe(vector.v2);
    if (vector.v1Agrees) expect(v1[key]).toBe(vector.v2);
    else expect(v1[key]).not.toBe(vector.v2);
  });
});
