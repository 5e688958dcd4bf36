import type { EnvKeySpec, KeyGroup, Layout } from '../../schemas/env';
import { communityKeys } from './community-keys';
import { dokployKeys, splitKeys } from './layout-keys';
import { inVersionRange, type PlaneVersion } from './plane-version';

/** Section titles of the editor, in display order. */
export const keyGroupLabels: Readonly<Record<KeyGroup, string>> = {
  domains: 'Domains & origins',
  secrets: 'Secrets',
  database: 'Database',
  'cache-queue': 'Cache & queue',
  storage: 'Storage',
  'proxy-tls': 'Proxy & TLS',
  advanced: 'Advanced',
};

/** The keys of one layout at one Plane version, with the lookups forms and rules need. */
export interface EnvSchema {
  readonly layout: Layout;
  readonly keys: readonly EnvKeySpec[];
  /** Spec of a key; for the split layout pass the file role, since API_BASE_URL means two things. */
  spec(key: string, file?: EnvKeySpec['file']): EnvKeySpec | undefined;
  /** Group a new key is inserted into (for `setValue`'s `groupOf`). */
  groupOf(key: string): KeyGroup | undefined;
}

/**
 * The schema as data for a layout and version: unknown keys are simply absent (the editor keeps
 * and shows them), version-bound keys (NGINX_PORT before v0.28, LIVE_SERVER_SECRET_KEY from v1.1)
 * appear only where they exist.
 */
export function getEnvSchema(layout: Layout, version?: PlaneVersion): EnvSchema {
  const all = layout === 'community' ? communityKeys : layout === 'dokploy' ? dokployKeys : splitKeys;
  const keys = all.filter((k) => inVersionRange(version, k.since, k.until));
  return {
    layout,
    keys,
    spec: (key, file) => keys.find((k) => k.key === key && (file === undefined || k.file === undefined || k.file === file)),
    groupOf: (key) => keys.find((k) => k.key === key)?.group,
  };
}
