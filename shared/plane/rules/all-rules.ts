import { hygieneRules } from './hygiene-rules';
import { originRules } from './origin-rules';
import { proxyRules } from './proxy-rules';
import type { Rule } from './rule';
import { secretRules } from './secret-rules';
import { serviceRules } from './service-rules';
import { splitRules } from './split-rules';

/**
 * Every rule Hangar checks, in report order: syntax first, then plane-reference.md §8 by
 * invariant, then the user guide's split-layout checklist. Ids are stable (CI scripts and the
 * editor refer to them); add rules, never rename one.
 */
export const allRules: readonly Rule[] = [
  ...hygieneRules.slice(0, 1),
  ...originRules,
  ...proxyRules,
  ...secretRules,
  ...serviceRules,
  ...hygieneRules.slice(1),
  ...splitRules,
];

/** A rule by id, for the editor's "why" links and tests. */
export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}
