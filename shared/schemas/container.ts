import { z } from 'zod';

export const containerHealthSchema = z.enum(['healthy', 'unhealthy', 'starting', 'none']);
export type ContainerHealth = z.infer<typeof containerHealthSchema>;

/** Docker's container states, kept open-ended: a newer engine may add one and the UI shows it as is. */
export const containerStateSchema = z.union([
  z.enum(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']),
  z.string(),
]);

export const containerPortSchema = z.object({
  privatePort: z.number().int(),
  publicPort: z.number().int().optional(),
  ip: z.string().optional(),
  type: z.string(),
});
export type ContainerPort = z.infer<typeof containerPortSchema>;

/**
 * One container as the list shows it. `startedAt`/`uptimeMs` are exact when the service inspected
 * the container, otherwise uptime is derived from Docker's status text ("Up 5 minutes") and
 * `uptimeApproximate` is true.
 */
export const containerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  service: z.string().optional(),
  project: z.string().optional(),
  image: z.string(),
  state: containerStateSchema,
  status: z.string(),
  health: containerHealthSchema,
  createdAt: z.string(),
  startedAt: z.string().optional(),
  uptimeMs: z.number().nonnegative().optional(),
  uptimeApproximate: z.boolean().optional(),
  ports: z.array(containerPortSchema),
});
export type ContainerSummary = z.infer<typeof containerSummarySchema>;

/** Containers of one compose project; `project: null` gathers the ones outside any project. */
export const containerGroupSchema = z.object({
  project: z.string().nullable(),
  workingDir: z.string().optional(),
  configFiles: z.array(z.string()).optional(),
  containers: z.array(containerSummarySchema),
});
export type ContainerGroup = z.infer<typeof containerGroupSchema>;
