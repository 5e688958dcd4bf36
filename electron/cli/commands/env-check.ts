import { z } from 'zod';
import { AppError } from '../../../shared/ipc/errors';
import { checkDeployment } from '../../../shared/plane/rules/check-deployment';
import { layoutSchema, type Finding } from '../../../shared/schemas/env';
import { loadLocalDeployment } from '../../services/env/env-files-local';
import type { CliCommand, CliIo } from '../command';

const usage = `Usage: hangar env check <dir | files…> [--layout community|split|dokploy] [--version vX.Y.Z] [--json]

Checks a Plane deployment's env files against Plane's rules and prints each finding
(rule id, severity, keys, message, fix). The layout is detected from file names:
  plane.env                              community (setup.sh) layout
  .env.api  .env.frontend  .env.live     split-domain layout
  .env beside a Dokploy compose file     Dokploy template
A docker-compose.y(a)ml next to the files (or given as an argument) is used to compute what
each container really receives.

Exit status: 0 no errors, 1 at least one error finding, 2 usage error.`;

const argsSchema = z.object({
  paths: z.array(z.string().min(1)).min(1, 'give a deployment directory or at least one env file'),
  layout: layoutSchema.optional(),
  version: z
    .string()
    .regex(/^v?\d+\.\d+\.\d+$/, 'write the version like v1.3.1')
    .optional(),
  json: z.boolean(),
});
type Args = z.infer<typeof argsSchema>;

/** `hangar env check`: the rules of shared/plane/rules for people and CI scripts. */
export const envCheckCommand: CliCommand = {
  path: ['env', 'check'],
  summary: "Check env files of a Plane deployment against Plane's rules.",
  usage,
  async run(argv, io) {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    const parsed = parseArgs(argv);
    if (!parsed.ok) {
      io.stderr(`${parsed.message}\n\n${usage}\n`);
      return 2;
    }
    const args = parsed.args;
    try {
      const deployment = await loadLocalDeployment(args.paths, {
        cwd: io.cwd,
        signal: io.signal,
        ...(args.layout === undefined ? {} : { layout: args.layout }),
      });
      const findings = checkDeployment({
        layout: deployment.layout,
        files: [...deployment.files],
        ...(deployment.composeText === undefined ? {} : { composeText: deployment.composeText }),
        ...(args.version === undefined ? {} : { version: args.version }),
      });
      const counts = { error: 0, warning: 0, info: 0 };
      for (const f of findings) counts[f.severity] += 1;
      if (args.json) {
        io.stdout(
          `${JSON.stringify({ layout: deployment.layout, files: deployment.files.map((f) => f.path), compose: deployment.composePath ?? null, findings, counts }, null, 2)}\n`,
        );
      } else {
        io.stdout(
          render(
            deployment.layout,
            deployment.reason,
            deployment.files.map((f) => f.path),
            deployment.composePath,
            findings,
            counts,
          ),
        );
      }
      return counts.error > 0 ? 1 : 0;
    } catch (error) {
      return reportError(error, args.json, io);
    }
  },
};

function parseArgs(argv: readonly string[]): { ok: true; args: Args } | { ok: false; message: string } {
  const raw: { paths: string[]; layout?: string; version?: string; json: boolean } = { paths: [], json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--json') raw.json = true;
    else if (flag === '--layout' || flag === '--version') {
      const value = inline ?? argv[++i];
      if (value === undefined) return { ok: false, message: `${flag} needs a value.` };
      if (flag === '--layout') raw.layout = value;
      else raw.version = value;
    } else if (arg.startsWith('-')) return { ok: false, message: `Unknown option ${arg}.` };
    else raw.paths.push(arg);
  }
  const result = argsSchema.safeParse(raw);
  if (!result.success)
    return { ok: false, message: result.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ') };
  return { ok: true, args: result.data };
}

function render(
  layout: string,
  reason: string,
  files: readonly string[],
  compose: string | undefined,
  findings: readonly Finding[],
  counts: Record<'error' | 'warning' | 'info', number>,
): string {
  const lines = [
    `${files.join(', ')}: ${layout} layout (${reason})${compose === undefined ? ', no compose file: stock compose defaults assumed' : `, compose ${compose}`}`,
    '',
  ];
  for (const f of findings) {
    const where = f.file === undefined ? '' : `  ${f.file}${f.line === undefined ? '' : `:${f.line}`}`;
    lines.push(`${f.severity.padEnd(7)} ${f.ruleId}${f.keys.length > 0 ? `  [${f.keys.join(', ')}]` : ''}${where}`);
    lines.push(`        ${f.message}`);
    lines.push(`        Fix: ${f.fix}`);
    lines.push('');
  }
  lines.push(
    `${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info`,
  );
  return `${lines.join('\n')}\n`;
}

function reportError(error: unknown, json: boolean, io: CliIo): number {
  const appError =
    error instanceof AppError
      ? error
      : new AppError('INTERNAL', `env check failed: ${error instanceof Error ? error.message : String(error)}`);
  if (json) io.stdout(`${JSON.stringify({ error: appError.toData() })}\n`);
  else io.stderr(`${appError.message}\n`);
  // Bad paths and undetectable layouts are the caller's to fix: a usage error, like a bad flag.
  return appError.code === 'FILE_NOT_FOUND' || appError.code === 'INVALID_INPUT' ? 2 : 1;
}
