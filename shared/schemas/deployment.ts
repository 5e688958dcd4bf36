import { z } from 'zod';
import { containerHealthSchema, containerStateSchema } from './container';
import { layoutSchema } from './env';

/**
 * A Plane deployment as Hangar discovers it on a host from compose's container labels: what it
 * is (layout, version), where its files are, and which containers run each service. Shared by
 * the deployments list, the env editor and `env.apply`.
 */

/** What an env file is to compose: the `--env-file` interpolation source, or a service's `env_file:`. */
export const envFileRoleSchema = z.enum(['env', 'api', 'frontend', 'live']);
export type EnvFileRole = z.infer<typeof envFileRoleSchema>;

/** An env file of a deployment: how compose uses it and who reads it. */
export const envFileRefSchema = z.object({
  /** File name as the editor and `changes[].file` name it, e.g. `plane.env`, `.env.api`. */
  name: z.string().min(1),
  /** Absolute path on the host. */
  path: z.string().min(1),
  role: envFileRoleSchema,
  /** True for the file compose interpolates `${…}` from (`--env-file`, or `.env` by default). */
  interpolation: z.boolean(),
  /** Services that list it under `env_file:` (empty for a pure interpolation file). */
  usedBy: z.array(z.string()),
});
export type EnvFileRef = z.infer<typeof envFileRefSchema>;

/** One container of a service, with its state as Docker reports it. */
export const deploymentContainerSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: containerStateSchema,
  status: z.string(),
  health: containerHealthSchema,
  image: z.string(),
});
export type DeploymentContainer = z.infer<typeof deploymentContainerSchema>;

/** A compose service and its containers (replicas). */
export const deploymentServiceSchema = z.object({
  service: z.string(),
  containers: z.array(deploymentContainerSchema),
});
export type DeploymentService = z.infer<typeof deploymentServiceSchema>;

/** A discovered Plane deployment. */
export const deploymentSchema = z.object({
  /** The compose project name (`plane-app` for setup.sh installs, the app name under Dokploy). */
  project: z.string().min(1),
  layout: layoutSchema,
  /** `com.docker.compose.project.working_dir`: where compose ran. */
  workingDir: z.string(),
  /** Absolute compose file paths in `-f` order. */
  composeFiles: z.array(z.string()),
  envFiles: z.array(envFileRefSchema),
  /** Plane version: APP_RELEASE when it is a concrete tag, else the api image's tag. */
  version: z.string().optional(),
  versionSource: z.enum(['APP_RELEASE', 'image']).optional(),
  /** Files under /etc/dokploy/compose/<app>/code: Dokploy rewrites them on every deploy. */
  dokployManaged: z.boolean(),
  /** Where to edit instead when Dokploy manages the files (plain sentence), absent otherwise. */
  editElsewhere: z.string().optional(),
  services: z.array(deploymentServiceSchema),
});
export type Deployment = z.infer<typeof deploymentSchema>;

/** Identifies a deployment in every env/deployment call: a host and a compose project on it. */
export const deploymentRefSchema = z.object({
  hostId: z.string().min(1),
  project: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'A compose project name has letters, digits, "_", "." and "-" only.'),
});
export type DeploymentRef = z.infer<typeof deploymentRefSchema>;
