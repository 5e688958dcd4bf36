import { z } from 'zod';
import { rpc } from '../define';
import { deploymentRefSchema } from '../../schemas/deployment';
import {
  probeExpectationsSchema,
  probeInputSchema,
  probeLayoutSchema,
  probeReportSchema,
  resolveOverrideSchema,
} from '../../schemas/probe';

/**
 * The Checks screen's starting values, read from a deployment. URLs stay plain strings (not the
 * validated URL of `probes.run`): a WEB_URL the env file gets wrong must still reach the form,
 * where the user sees it and `probes.run` says what is wrong with it.
 */
export const probeDraftSchema = z.object({
  webUrl: z.string(),
  apiUrl: z.string().optional(),
  liveUrl: z.string().optional(),
  layout: probeLayoutSchema,
  expected: probeExpectationsSchema,
  resolve: z.array(resolveOverrideSchema),
});
export type ProbeDraft = z.infer<typeof probeDraftSchema>;

/** `probes.inputFor`: a host, and optionally which of its compose projects (default: the Plane one). */
export const probeInputForSchema = z.object({
  hostId: z.string().min(1),
  project: deploymentRefSchema.shape.project.optional(),
});
export type ProbeInputForRequest = z.infer<typeof probeInputForSchema>;

/** What `probes.inputFor` answers; `notes` say, in plain sentences, what could not be read and why. */
export const probeInputForResultSchema = z.object({
  /** The project the draft was read from; null when the host runs no Plane deployment. */
  project: z.string().nullable(),
  /** Every Plane deployment on the host, so the screen can offer the others. */
  projects: z.array(z.string()),
  draft: probeDraftSchema,
  notes: z.array(z.string()),
});
export type ProbeInputForResult = z.infer<typeof probeInputForResultSchema>;

/**
 * Checks run from this machine the way a browser sees the deployment (CORS, WebSocket, TLS,
 * routes). One call runs the whole suite; it takes well under the 3 s target, so no progress
 * stream is needed and each check's own timeout bounds it. `probes.inputFor` reads the
 * deployment's env over SSH so the user starts from what the server says, not from a blank form.
 */
export const probesContract = {
  'probes.run': rpc(probeInputSchema, probeReportSchema),
  'probes.inputFor': rpc(probeInputForSchema, probeInputForResultSchema),
};
