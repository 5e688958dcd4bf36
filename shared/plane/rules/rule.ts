import type { Layout, Severity } from '../../schemas/env';
import type { CheckContext, FileRole } from './check-context';

/** One problem a rule found; the rule's id, default severity and fix fill the rest of the Finding. */
export interface RuleHit {
  readonly message: string;
  readonly keys?: readonly string[];
  readonly fix?: string;
  readonly severity?: Severity;
  /** Which file the keys are located in (split layout); the first key's line is reported. */
  readonly role?: FileRole;
  /** Exact place, for problems tied to a line rather than a key (syntax, duplicates). */
  readonly at?: { readonly path: string; readonly line: number };
}

/**
 * A rule as data: id, default severity, the keys it is about, the layouts it applies to, and a
 * pure check over the resolved deployment. `invariant` ties it to plane-reference.md §8; `source`
 * says when it comes from the user deployment guide instead.
 */
export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly keys: readonly string[];
  readonly layouts: readonly Layout[];
  readonly fix: string;
  readonly invariant?: number;
  readonly source?: 'plane-reference' | 'user-guide' | 'compose';
  check(ctx: CheckContext): readonly RuleHit[];
}

/** Layouts built on Plane's own compose file (community, Dokploy's template): §8 applies as written. */
export const stock: readonly Layout[] = ['community', 'dokploy'];
/** Rules about Django/live settings that hold whatever the layout. */
export const everyLayout: readonly Layout[] = ['community', 'dokploy', 'split'];

/** No hit: the rule holds. */
export const pass: readonly RuleHit[] = [];
