import { AppError } from '../../ipc/errors';
import { checkDeploymentInputSchema, type CheckDeploymentInput, type Finding } from '../../schemas/env';
import { allRules } from './all-rules';
import { buildCheckContext, type CheckContext } from './check-context';
import type { Rule, RuleHit } from './rule';

const severityOrder = { error: 0, warning: 1, info: 2 } as const;

/**
 * Runs every rule of the layout over the deployment's env files (and compose file, when known)
 * and returns the findings, errors first. Pure: the same input always gives the same findings,
 * so the CLI, the editor and CI agree. Throws INVALID_INPUT when the input is malformed.
 */
export function checkDeployment(input: CheckDeploymentInput): Finding[] {
  const parsed = checkDeploymentInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'INVALID_INPUT',
      `The deployment to check is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`,
    );
  }
  const ctx = buildCheckContext(parsed.data);
  const findings: Finding[] = [];
  for (const rule of allRules) {
    if (!rule.layouts.includes(ctx.layout)) continue;
    for (const hit of rule.check(ctx)) findings.push(toFinding(rule, hit, ctx));
  }
  return findings.sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
}

function toFinding(rule: Rule, hit: RuleHit, ctx: CheckContext): Finding {
  const keys = [...(hit.keys ?? rule.keys)];
  const place = hit.at ?? locate(ctx, keys, hit.role);
  const finding: Finding = {
    ruleId: rule.id,
    severity: hit.severity ?? rule.severity,
    keys,
    message: hit.message,
    fix: hit.fix ?? rule.fix,
  };
  return place === undefined ? finding : { ...finding, file: place.path, line: place.line };
}

/** The line of the first key that is in a file (of `role`, in the split layout). */
function locate(ctx: CheckContext, keys: readonly string[], role: RuleHit['role']): { path: string; line: number } | undefined {
  for (const key of keys) {
    for (const f of ctx.files) {
      if (role !== undefined && f.role !== role) continue;
      const entry = f.resolved.entries.get(key);
      if (entry !== undefined) return { path: f.path, line: entry.line };
    }
  }
  const file = role === undefined ? ctx.files[0] : ctx.files.find((f) => f.role === role);
  return file === undefined ? undefined : { path: file.path, line: 1 };
}
