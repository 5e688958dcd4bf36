import type { FaultName, Layout } from './faults';
import type { ImageSpec } from './image-build';
import { writeCommunityLayout } from './layout-community';
import { writeDokployLayout } from './layout-dokploy';
import { writeSplitLayout } from './layout-split';

/** How a layout is written: the ports the proxy publishes and the faults to bake in. */
export interface LayoutOptions {
  httpPort: number;
  httpsPort: number;
  faults: ReadonlySet<FaultName>;
  /** True when re-writing a running lab whose database volume already exists. */
  existingData: boolean;
}

/** The files of a layout as written on the "server" and how to drive and probe them. */
export interface LayoutFiles {
  projectName: string;
  composeDir: string;
  /** Relative to composeDir, in `-f` order. */
  composeFiles: string[];
  /** `--env-file` for compose interpolation (community: plane.env), relative to composeDir. */
  interpolationEnvFile?: string;
  /** Every env file a user of this layout edits: file name → absolute path. */
  envFiles: Record<string, string>;
  services: string[];
  /** The service expected to exit (code 0): the migrator. */
  oneShot: string;
  /** The Django api service (`api`, or `plane-api` in the split and dokploy layouts). */
  apiService: string;
  /** Layout-specific images built besides the shared Plane images (e.g. the split frontend). */
  extraImages?: ImageSpec[];
  /** Options for the frontend bundles (the split layout bakes its API URL in). */
  imageOptions: { apiBaseUrl?: string; tagSuffix?: string };
  hostNames: string[];
  urls: { web: string; api: string; live: string };
  tls?: { caCertPath: string };
  /** A request that answers 200 once Plane is up; with `tls` it goes to the https port. */
  readinessProbe: { path: string; headers?: Record<string, string>; tls?: { servername: string; ca: string } };
}

/** Writes the files of `layout` under `root` and says how to run them. */
export function writeLayout(layout: Layout, root: string, opts: LayoutOptions): Promise<LayoutFiles> {
  switch (layout) {
    case 'community':
      return writeCommunityLayout(root, opts);
    case 'split':
      return writeSplitLayout(root, opts);
    case 'dokploy':
      return writeDokployLayout(root, opts);
  }
}
