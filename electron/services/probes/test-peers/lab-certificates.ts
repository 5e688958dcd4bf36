import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A private CA and a server certificate signed by it, written under `dir`. */
export interface LabCertificates {
  caPem: string;
  caPath: string;
  certPath: string;
  keyPath: string;
}

/**
 * Issues a lab CA and a 90-day server certificate for `names` with openssl, so TLS findings
 * are judged on a real chain: trusted only when the CA override is passed.
 */
export async function issueLabCertificates(dir: string, names: readonly string[]): Promise<LabCertificates> {
  const caKey = join(dir, 'ca.key');
  const caPath = join(dir, 'ca.pem');
  const keyPath = join(dir, 'server.key');
  const csr = join(dir, 'server.csr');
  const certPath = join(dir, 'server.pem');
  const ext = join(dir, 'server.ext');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    caKey,
    '-out',
    caPath,
    '-days',
    '365',
    '-subj',
    '/CN=Hangar Lab CA/O=Hangar',
  ]);
  await run('openssl', [
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyPath,
    '-out',
    csr,
    '-subj',
    `/CN=${names[0] ?? 'localhost'}`,
  ]);
  await writeFile(ext, `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}\nextendedKeyUsage=serverAuth\n`);
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    caPath,
    '-CAkey',
    caKey,
    '-CAcreateserial',
    '-out',
    certPath,
    '-days',
    '90',
    '-extfile',
    ext,
  ]);
  return { caPem: await readFile(caPath, 'utf8'), caPath, certPath, keyPath };
}
