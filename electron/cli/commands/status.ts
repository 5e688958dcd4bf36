import { AppError } from '../../../shared/ipc/errors';
import { buildTopology } from '../../../shared/plane/topology/build-topology';
import { evaluateTopology, isFailing, type NodeState, type NodeStatus } from '../../../shared/plane/topology/node-status';
import type { ContainerGroup } from '../../../shared/schemas/container';
import { deploymentRefSchema, type Deployment } from '../../../shared/schemas/deployment';
import { createServices } from '../../app/create-services';
import { createHostStore } from '../../services/hosts/host-store';
import { createNodePlatform } from '../../services/platform/node-platform';
import { parseArgs, usageError } from '../args';
import { createCliPrompts } from '../cli-prompts';
import type { CliCommand } from '../command';
import { formatDuration } from '../format-duration';
import { formatTable } from '../format-table';
import { resolveCliHost, withOneOffHost } from '../resolve-host';

const USAGE = [
  'Usage: hangar status --host NAME|user@address[:port] [--project NAME] [--identity FILE] [--known-hosts FILE] [--json]',
  '',
  'Each part of the host’s Plane deployment (proxy, frontends, live, API, workers, data stores)',
  'with its state and containers, as the Overview draws it. Exits 1 when a part failed, stopped',
  'or has no container, or when the host runs no Plane deployment.',
  '',
  '  --host         a saved host (name or id), or user@address[:port] for one-off use',
  '  --project      only this compose project (default: every Plane deployment on the host)',
  '  --identity     private key for a one-off host (default: ssh-agent)',
  '  --known-hosts  extra known_hosts file to trust keys from',
].join('\n');

/** One deployment's part of the report (also the `--json` shape). */
export interface DeploymentStatus {
  project: string;
  layout: Deployment['layout'];
  version: string | null;
  workingDir: string;
  ok: boolean;
  nodes: Array<Omit<NodeState, 'containers'> & { label: string; services: readonly string[]; containers: ContainerLine[] }>;
}

interface ContainerLine {
  name: string;
  service: string | null;
  state: string;
  health: string;
  status: string;
  image: string;
  uptimeMs: number | null;
}

/** `hangar status`: the architecture view's verdict per node, for scripts and cron. */
export const statusCommand: CliCommand = {
  path: ['status'],
  summary: 'Show each part of a host’s Plane deployment and its containers.',
  usage: USAGE,
  async run(argv, io) {
    const args = parseArgs(argv, { booleans: ['json'], values: ['host', 'project', 'identity', 'known-hosts'] });
    const hostArg = args.get('host');
    if (hostArg === undefined) throw usageError('--host is required.');
    const projectArg = args.get('project');
    if (projectArg !== undefined && !deploymentRefSchema.shape.project.safeParse(projectArg).success)
      throw usageError(`--project ${projectArg}: a compose project name has letters, digits, "_", "." and "-" only.`);
    const platform = createNodePlatform({ env: io.env });
    const saved = createHostStore(platform);
    const host = await resolveCliHost(saved, hostArg, args.get('identity'));
    const extraKnownHosts = args.get('known-hosts');
    const home = platform.homeDir();
    const services = createServices({
      platform,
      hosts: withOneOffHost(saved, host),
      prompts: createCliPrompts(),
      knownHostsFiles:
        extraKnownHosts === undefined ? undefined : [extraKnownHosts, `${home}/.ssh/known_hosts`, '/etc/ssh/ssh_known_hosts'],
    });
    try {
      const all = await services.env.listDeployments(host.id, io.signal);
      const deployments = projectArg === undefined ? all : all.filter((d) => d.project === projectArg);
      if (deployments.length === 0) {
        const names = all.map((d) => d.project);
        throw new AppError(
          'NOT_FOUND',
          projectArg === undefined
            ? `No Plane deployment runs on ${host.name}: no compose project there has Plane’s services. Start Plane (docker compose up -d in its folder) and run this again.`
            : `No Plane deployment "${projectArg}" on ${host.name}. ${names.length > 0 ? `Found: ${names.join(', ')}.` : 'None runs there.'}`,
          { found: names },
        );
      }
      const groups = await services.connections.listContainers(host.id, io.signal);
      const report = deployments.map((d) => deploymentStatus(d, groups));
      if (args.has('json')) io.stdout(`${JSON.stringify({ host: host.name, deployments: report })}\n`);
      else io.stdout(report.map(renderDeployment).join('\n'));
      return report.every((r) => r.ok) ? 0 : 1;
    } finally {
      services.dispose();
    }
  },
};

/**
 * A deployment against the live container list: the same topology and node verdicts as the
 * Overview. Services come from discovery and from the current containers, so a service whose
 * containers were removed still shows (as missing).
 */
export function deploymentStatus(deployment: Deployment, groups: readonly ContainerGroup[]): DeploymentStatus {
  const containers = groups.find((g) => g.project === deployment.project)?.containers ?? [];
  const serviceNames = [
    ...new Set([...deployment.services.map((s) => s.service), ...containers.flatMap((c) => (c.service === undefined ? [] : [c.service]))]),
  ];
  const topology = buildTopology({ layout: deployment.layout, services: serviceNames });
  const states = evaluateTopology(topology, containers);
  const nodes = topology.nodes
    .filter((n) => n.kind !== 'client')
    .map((n) => {
      const state = states.find((s) => s.id === n.id);
      if (state === undefined) throw new AppError('INTERNAL', `No state for node ${n.id}.`);
      return {
        ...state,
        label: n.label,
        services: n.services,
        containers: state.containers.map((c) => ({
          name: c.name,
          service: c.service ?? null,
          state: c.state,
          health: c.health,
          status: c.status,
          image: c.image,
          uptimeMs: c.uptimeMs ?? null,
        })),
      };
    });
  return {
    project: deployment.project,
    layout: deployment.layout,
    version: deployment.version ?? null,
    workingDir: deployment.workingDir,
    ok: !nodes.some((n) => isFailing(n.status)),
    nodes,
  };
}

const statusWord: Record<NodeStatus, string> = {
  ok: 'ok',
  warn: 'warn',
  fail: 'FAIL',
  stopped: 'stopped',
  missing: 'missing',
  external: 'external',
};

/** The text report of one deployment: a row per container, the node's columns on its first row. */
export function renderDeployment(d: DeploymentStatus): string {
  const rows: string[][] = [];
  for (const node of d.nodes) {
    const head = [node.label, statusWord[node.status], node.detail];
    if (node.containers.length === 0) rows.push([...head, node.services.join(', ') || '—', '', '', '', '']);
    node.containers.forEach((c, i) => {
      const up = c.state === 'running' && c.uptimeMs !== null ? formatDuration(c.uptimeMs) : '';
      rows.push([...(i === 0 ? head : ['', '', '']), c.service ?? '', c.name, c.state, c.health === 'none' ? '' : c.health, up]);
    });
  }
  const failing = d.nodes.filter((n) => isFailing(n.status));
  const verdict =
    failing.length === 0
      ? 'Every part is up.'
      : `${failing.length} ${failing.length === 1 ? 'part needs' : 'parts need'} attention: ${failing.map((n) => `${n.label} (${n.detail})`).join(', ')}.`;
  const table = formatTable(['NODE', 'STATUS', 'DETAIL', 'SERVICE', 'CONTAINER', 'STATE', 'HEALTH', 'UP'], rows)
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
  return `${d.project}  ${d.layout}${d.version === null ? '' : ` · ${d.version}`} · ${d.workingDir || 'working dir unknown'}\n${table}${verdict}\n`;
}
