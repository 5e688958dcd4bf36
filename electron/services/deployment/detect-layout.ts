import type { Layout } from '../../../shared/schemas/env';

/** The split layout's files (user-deployment-guide.md): Django, frontend build args, live. */
export const splitEnvFileNames: readonly string[] = ['.env.api', '.env.frontend', '.env.live'];

/** Service names of Plane's community compose and of Dokploy's template (plane-*). */
const planeServiceNames = new Set([
  'web', 'space', 'admin', 'live', 'api', 'worker', 'beat-worker', 'migrator', 'proxy',
  'plane-web', 'plane-space', 'plane-admin', 'plane-live', 'plane-api', 'plane-worker', 'plane-beat-worker', 'plane-migrator',
  'plane-frontend', 'plane-db', 'plane-redis', 'plane-mq', 'plane-minio',
]);
const planeImage = /(^|\/)(plane-(backend|frontend|space|admin|live|proxy)|plane-aio-community)(:|@|$)/;
const dokployCode = /^\/etc\/dokploy\/compose\/([^/]+)\/code(\/|$)/;

/** What discovery knows about a compose project before deciding its layout. */
export interface LayoutEvidence {
  readonly workingDir: string;
  readonly services: readonly string[];
  /** Env file names present in the working directory. */
  readonly envFileNames: readonly string[];
  /** `env_file:` entries of the compose file(s), as written. */
  readonly composeEnvFiles: readonly string[];
}

/**
 * Whether a compose project is Plane: two or more of Plane's service names, or a Plane image.
 * Names alone would match any app with `web` and `api`, so one name needs the image as well.
 */
export function isPlaneProject(services: readonly string[], images: readonly string[]): boolean {
  if (images.some((image) => planeImage.test(image))) return true;
  return services.filter((s) => planeServiceNames.has(s)).length >= 3;
}

/**
 * The layout decides the schema and rules: split when the guide's three files are used,
 * dokploy for Dokploy's template (plane-* services) or anything under its compose folder,
 * community otherwise. Whether Dokploy manages the files is separate ({@link dokployAppOf}):
 * a split deployment can live under Dokploy too.
 */
export function detectLayout(evidence: LayoutEvidence): Layout {
  const names = [...evidence.envFileNames, ...evidence.composeEnvFiles.map((p) => p.split('/').pop() ?? p)];
  if (names.some((n) => splitEnvFileNames.includes(n))) return 'split';
  if (dokployAppOf(evidence.workingDir) !== undefined) return 'dokploy';
  if (evidence.services.includes('plane-api') && evidence.services.includes('proxy')) return 'dokploy';
  return 'community';
}

/** The Dokploy app name when the working dir is Dokploy's `/etc/dokploy/compose/<app>/code`. */
export function dokployAppOf(workingDir: string): string | undefined {
  return dokployCode.exec(workingDir)?.[1];
}

/** Where to make a change that must survive Dokploy's next deploy (plane-reference.md §7.1). */
export function dokployEditHint(app: string, file: string): string {
  return `Dokploy rewrites ${file} from its own database on every deploy of "${app}", so an edit made here is lost at the next deploy. Change the variables in Dokploy (the "${app}" compose app → Environment), then Deploy.`;
}
