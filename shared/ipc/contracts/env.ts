import { rpc, stream } from '../define';
import { deploymentRefSchema } from '../../schemas/deployment';
import { deploymentsContract } from './deployments';
import {
  envApplyEventSchema,
  envApplyInputSchema,
  envChangesInputSchema,
  envDiffBackupsInputSchema,
  envDiffResultSchema,
  envHistoryResultSchema,
  envLoadResultSchema,
  envPreviewResultSchema,
  envRestoreInputSchema,
  envRevealInputSchema,
  envRevealResultSchema,
  envSaveInputSchema,
  envSaveResultSchema,
} from '../../schemas/env-edit';

/**
 * The env editor: load (secrets masked) → preview (diff, recreate plan, warnings) → save
 * (etag-guarded; ENV_CONFLICT carries base/mine/theirs) → apply (stream of compose output,
 * then states). History lists, diffs and restores backups. `revealSecret` is the only call
 * that returns a secret value, one key at a time, on explicit request. Includes
 * `deployments.list` (the editor's entry point) so the contract registers both in one spread.
 */
export const envContract = {
  ...deploymentsContract,
  'env.load': rpc(deploymentRefSchema, envLoadResultSchema),
  'env.preview': rpc(envChangesInputSchema, envPreviewResultSchema),
  'env.save': rpc(envSaveInputSchema, envSaveResultSchema),
  'env.history': rpc(deploymentRefSchema, envHistoryResultSchema),
  'env.diffBackups': rpc(envDiffBackupsInputSchema, envDiffResultSchema),
  'env.restore': rpc(envRestoreInputSchema, envSaveResultSchema),
  'env.revealSecret': rpc(envRevealInputSchema, envRevealResultSchema),
  'env.apply': stream(envApplyInputSchema, envApplyEventSchema),
};
