import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './docker-cli';

/** The lab's TLS material: a local CA and one server certificate covering every lab host name. */
export interface LabTls {
  /** Root CA certificate (PEM): what a client must trust to reach the lab over https. */
  caCertPath: string;
  certPath: string;
  keyPath: string;
}

/**
 * Creates (once) a local CA and a server certificate for `hostNames` under `dir` with `openssl`.
 * The files are reused while the name list is unchanged, so a CA a user imported into a browser
 * keeps working across `lab:up` runs. Nothing here talks to the network: no ACME, no OCSP URL.
 */
export async function ensureLabTls(dir: string, hostNames: readonly string[], signal?: AbortSignal): Promise<LabTls> {
  await mkdir(dir, { recursive: true });
  const tls: LabTls = { caCertPath: join(dir, 'ca.crt'), certPath: join(dir, 'lab.crt'), keyPath: join(dir, 'lab.key') };
  const namesFile = join(dir, 'names.txt');
  const names = [...hostNames].sort().join('\n');
  const caKey = join(dir, 'ca.key');
  const opts = { timeoutMs: 30_000, signal };
  if (!existsSync(tls.caCertPath) || !existsSync(caKey)) {
    await runCommand(
      'openssl',
      [
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
        tls.caCertPath,
        '-days',
        '825',
        '-subj',
        '/CN=Hangar lab local CA',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      ],
      opts,
    );
    await rm(namesFile, { force: true });
  }
  if (existsSync(tls.certPath) && existsSync(namesFile) && readFileSync(namesFile, 'utf8') === names) return tls;

  const csr = join(dir, 'lab.csr');
  const ext = join(dir, 'lab.ext');
  await writeFile(
    ext,
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      `subjectAltName=${hostNames.map((n) => `DNS:${n}`).join(',')}`,
    ].join('\n'),
  );
  await runCommand(
    'openssl',
    [
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      tls.keyPath,
      '-out',
      csr,
      '-subj',
      `/CN=${hostNames[0] ?? 'lab.test'}`,
    ],
    opts,
  );
  await runCommand(
    'openssl',
    [
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      tls.caCertPath,
      '-CAkey',
      caKey,
      '-CAcreateserial',
      '-out',
      tls.certPath,
      '-days',
      '825',
      '-extfile',
      ext,
    ],
    opts,
  );
  await rm(csr, { force: true });
  await writeFile(namesFile, names);
  return tls;
}
