import { z } from 'zod';

/**
 * Host configuration as persisted in the host store and sent over IPC. Only references to
 * credentials live here (a key path, "use the agent"); passphrases and passwords never do.
 */

/** How Hangar authenticates to an SSH host. Passwords are asked each time, never stored here. */
export const sshAuthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agent') }),
  z.object({ kind: z.literal('key'), keyPath: z.string().min(1, 'Choose the private key file to use.') }),
  z.object({ kind: z.literal('password') }),
]);
export type SshAuth = z.infer<typeof sshAuthSchema>;

/** A DNS name, IPv4 or IPv6 literal: no spaces, no `user@`, no scheme, so it cannot smuggle options to ssh. */
export const hostAddressSchema = z
  .string()
  .trim()
  .min(1, 'Enter the server address, e.g. plane.example.com or 192.0.2.10.')
  .max(253)
  .regex(/^[A-Za-z0-9._:%[\]-]+$/, 'The address may only contain letters, digits, dots, dashes and colons (no "user@" or "ssh://").')
  .refine((s) => !s.startsWith('-'), 'The address cannot start with "-".');

/** A POSIX user name as OpenSSH accepts it. */
export const sshUserSchema = z
  .string()
  .trim()
  .min(1, 'Enter the user name to log in as, e.g. root or ubuntu.')
  .max(64)
  .regex(/^[A-Za-z0-9._][A-Za-z0-9._@-]*$/, 'The user name may only contain letters, digits, ".", "_", "-" and "@".');

export const portSchema = z.number().int().min(1).max(65535);

/** ProxyJump as written in ssh_config: `[user@]host[:port]` hops separated by commas. */
export const proxyJumpSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._@:%[\]-]+(,[A-Za-z0-9._@:%[\]-]+)*$/, 'ProxyJump must be hops like "user@bastion:22", separated by commas.');

/** A remote host reached over SSH. `sshConfigAlias` makes connect re-read ~/.ssh/config for that alias. */
export const sshHostConfigSchema = z.object({
  kind: z.literal('ssh'),
  id: z.string().min(1),
  name: z.string().trim().min(1, 'Give the host a name.').max(80),
  address: hostAddressSchema,
  port: portSchema.default(22),
  user: sshUserSchema,
  auth: sshAuthSchema,
  sshConfigAlias: z.string().min(1).optional(),
  proxyJump: proxyJumpSchema.optional(),
});
export type SshHostConfig = z.infer<typeof sshHostConfigSchema>;

/** "This computer": the local Docker socket, no SSH involved. */
export const localHostConfigSchema = z.object({
  kind: z.literal('local'),
  id: z.string().min(1),
  name: z.string().trim().min(1).max(80),
  /** Overrides the socket (default: $DOCKER_HOST unix socket or /var/run/docker.sock). */
  socketPath: z.string().min(1).optional(),
});
export type LocalHostConfig = z.infer<typeof localHostConfigSchema>;

export const hostConfigSchema = z.discriminatedUnion('kind', [sshHostConfigSchema, localHostConfigSchema]);
export type HostConfig = z.infer<typeof hostConfigSchema>;

/** What the "add host" form sends: a host without an id (the store assigns it). */
export const hostDraftSchema = z.discriminatedUnion('kind', [
  sshHostConfigSchema.omit({ id: true }),
  localHostConfigSchema.omit({ id: true }),
]);
export type HostDraft = z.infer<typeof hostDraftSchema>;

/** The whole persisted file; `version` lets a later release migrate it. */
export const hostStoreFileSchema = z.object({
  version: z.literal(1),
  hosts: z.array(hostConfigSchema),
  lastUsedHostId: z.string().optional(),
});
export type HostStoreFile = z.infer<typeof hostStoreFileSchema>;
