import type { envContract } from '../../../shared/ipc/contracts/env';
import type { Services } from '../../app/create-services';
import type { Handlers } from '../router';
import { deploymentsHandlers } from './deployments';

/** The env editor's calls (and `deployments.list`), straight to the env service so the CLI can share the logic. */
export function envHandlers(services: Services): Handlers<typeof envContract> {
  const { env } = services;
  return {
    ...deploymentsHandlers(services),
    'env.load': (ref, ctx) => env.load(ref, ctx.signal),
    'env.preview': (input, ctx) => env.preview(input, ctx.signal),
    'env.save': (input, ctx) => env.save(input, ctx.signal),
    'env.history': (ref, ctx) => env.history(ref, ctx.signal),
    'env.diffBackups': (input, ctx) => env.diffBackups(input, ctx.signal),
    'env.restore': (input, ctx) => env.restore(input, ctx.signal),
    'env.revealSecret': (input, ctx) => env.revealSecret(input, ctx.signal),
    'env.apply': (input, ctx) => env.apply(input, ctx.signal),
  };
}
