import type { z } from 'zod';
import type { sshConfigIssueSchema } from '../../../../shared/ipc/contracts/hosts';

type SshConfigIssue = z.infer<typeof sshConfigIssueSchema>;

const kindLabels: Record<SshConfigIssue['kind'], string> = { unsupported: 'Not supported', ignored: 'Ignored', malformed: 'Malformed' };

/**
 * The lines of ~/.ssh/config Hangar did not apply, each with its line number and why, in file
 * order. Always rendered in full: a hidden Match block is exactly what makes Hangar and
 * `ssh alias` disagree.
 */
export function SshConfigIssues({ issues }: { issues: readonly SshConfigIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <section aria-label="Lines Hangar did not apply" data-testid="ssh-config-issues" className="banner banner-warn">
      <strong>
        {issues.length} {issues.length === 1 ? 'line was' : 'lines were'} not applied
      </strong>
      <ul style={{ margin: '6px 0 0', paddingLeft: 18 }}>
        {[...issues]
          .sort((a, b) => a.line - b.line)
          .map((issue) => (
            <li key={`${issue.line}-${issue.directive}`} data-testid="ssh-config-issue" data-line={issue.line}>
              <span className="mono">
                Line {issue.line} · {issue.directive}
              </span>{' '}
              — {kindLabels[issue.kind]}: {issue.message}
            </li>
          ))}
      </ul>
    </section>
  );
}
