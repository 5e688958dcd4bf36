import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { z } from 'zod';
import { faultNames, faults, faultSchema, layoutSchema } from './faults';
import { startLab, type Lab } from './lab';
import { LAB_HOME, readLabState, saveLabState, stopLab } from './lab-state';

/**
 * `npm run lab:up -- --layout community|split|dokploy [--fault NAME …]` and `npm run lab:down`.
 * `up` leaves the lab (containers and sshd) running after it exits and prints how to add it
 * to Hangar; `down` stops whatever the last `up` recorded.
 */
const argsSchema = z.object({
  command: z.enum(['up', 'down', 'status']),
  layout: layoutSchema.default('community'),
  fault: z.array(faultSchema).default([]),
});

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { layout: { type: 'string' }, fault: { type: 'string', multiple: true }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length === 0) return usage();
  const parsed = argsSchema.safeParse({ command: positionals[0], layout: values.layout, fault: values.fault });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `${i.path.join('.') || 'argument'}: ${i.message}`).join('\n'));
    return usage(1);
  }
  const args = parsed.data;
  if (args.command === 'down') {
    console.log((await stopLab()) ? 'Lab stopped: containers, networks, volumes and sshd are gone.' : 'No lab is running.');
    return;
  }
  if (args.command === 'status') {
    console.log(JSON.stringify(readLabState() ?? null, null, 2));
    return;
  }
  if (await stopLab()) console.log('Stopped the previous lab.');
  const started = Date.now();
  const sshdDir = join(LAB_HOME, 'sshd');
  const lab = await startLab({
    layout: args.layout,
    faults: args.fault,
    root: join(LAB_HOME, args.layout),
    detached: true,
    sshdDir,
    sshdPort: await previousPortIfFree(join(sshdDir, 'last-port')),
  });
  await writeFile(join(sshdDir, 'last-port'), String(lab.sshd?.port ?? ''));
  await saveLabState(lab);
  const s = lab.sshd;
  console.log(`\nPlane lab "${lab.layout}" is up in ${((Date.now() - started) / 1000).toFixed(1)} s${args.fault.length ? ` with faults: ${args.fault.join(', ')}` : ''}.
  Compose project: ${lab.projectName} in ${lab.composeDir}
  Env files: ${Object.values(lab.envFiles).join(', ')}
  Web:   ${lab.urls.web}
  API:   ${lab.urls.api}
  Live:  ${lab.urls.live}
${namesHint(lab)}${
    s
      ? `
Add it in Hangar as a host:
  Address  ${s.host}
  Port     ${s.port}
  User     ${s.user}
  Key file ${s.clientKeyPath}
  Host key ${s.hostPublicKey}
Or from a shell: ssh -p ${s.port} -i ${s.clientKeyPath} ${s.user}@${s.host}`
      : ''
  }
Stop it with: npm run lab:down`);
}

/**
 * How to reach a layout served under *.lab.test names: they resolve nowhere, so the user maps them
 * to 127.0.0.1 (hosts file, or curl --resolve) and trusts the lab CA for https.
 */
function namesHint(lab: Lab): string {
  if (lab.hostNames.length === 0) return '';
  const port = lab.httpsPort ?? lab.httpPort;
  const first = lab.hostNames[0]!;
  return `
The ${lab.hostNames.join(', ')} names must resolve to 127.0.0.1:
  hosts file: echo "127.0.0.1 ${lab.hostNames.join(' ')}" | sudo tee -a /etc/hosts
  or curl:    curl --cacert ${lab.caCertPath ?? '<ca>'} ${lab.hostNames.map((n) => `--resolve ${n}:${port}:127.0.0.1`).join(' ')} https://${first}:${port}/
${lab.caCertPath ? `  TLS: certificates come from the lab CA ${lab.caCertPath}; trust it (browser, Hangar) to connect without warnings.\n` : ''}  http://…:${lab.httpPort} redirects to https on port 443 like Traefik does; use the https port above.
`;
}

/** The sshd port of the last run when it is still free, so the host saved in Hangar keeps working. */
async function previousPortIfFree(file: string): Promise<number | undefined> {
  const port = Number(existsSync(file) ? readFileSync(file, 'utf8').trim() : NaN);
  if (!Number.isInteger(port) || port <= 0) return undefined;
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(undefined));
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePort(port)));
  });
}

function usage(code = 0): void {
  console.log(`Usage: npm run lab:up -- [--layout community|split|dokploy] [--fault NAME …]
       npm run lab:down
Faults:\n${faultNames.map((n) => `  ${n.padEnd(26)} ${faults[n].summary}`).join('\n')}`);
  process.exitCode = code;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
