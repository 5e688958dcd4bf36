import type { CheckContext, LoadedFile } from './check-context';
import { everyLayout, pass, stock, type Rule, type RuleHit } from './rule';

function diagnosticHits(ctx: CheckContext, code: (c: string) => boolean, severity: 'error' | 'warning'): RuleHit[] {
  return ctx.files.flatMap((f) =>
    f.doc.diagnostics
      .filter((d) => code(d.code) && d.severity === severity)
      .map((d) => ({ message: d.message, keys: d.key === undefined ? [] : [d.key], at: { path: f.path, line: d.line } })),
  );
}

function entries(file: LoadedFile) {
  return file.doc.lines.filter((l) => l.kind === 'entry');
}

const floating = new Set(['', 'stable', 'latest', 'preview', 'develop']);

/** plane-reference.md §8 invariants 22–26 and the file's own syntax. */
export const hygieneRules: readonly Rule[] = [
  {
    id: 'env-syntax-error',
    severity: 'error',
    title: 'Docker Compose can read the file',
    keys: [],
    layouts: everyLayout,
    source: 'compose',
    fix: 'Fix the line shown: Compose refuses the whole file until then.',
    check(ctx) {
      const hits = diagnosticHits(ctx, () => true, 'error');
      for (const f of ctx.files) {
        for (const [key, entry] of f.resolved.entries) {
          for (const e of entry.errors)
            hits.push({ keys: [key], message: `${key}: ${e.message}.`, at: { path: f.path, line: entry.line } });
        }
      }
      return hits;
    },
  },
  {
    id: 'duplicate-key',
    invariant: 22,
    severity: 'warning',
    title: 'Each key is set once',
    keys: [],
    layouts: everyLayout,
    fix: 'Delete the earlier line; Compose uses the last one.',
    check: (ctx) => diagnosticHits(ctx, (c) => c === 'duplicate-key', 'warning'),
  },
  {
    id: 'unexpanded-dollar',
    invariant: 22,
    severity: 'warning',
    title: 'A literal $ is written $$',
    keys: [],
    layouts: everyLayout,
    fix: "Write a literal '$' as '$$' (or put the value in single quotes). If you meant a reference, define that key above this line.",
    check(ctx) {
      const hits: RuleHit[] = [];
      for (const f of ctx.files) {
        for (const [key, entry] of f.resolved.entries) {
          if (entry.missing.length === 0) continue;
          hits.push({
            keys: [key],
            at: { path: f.path, line: entry.line },
            message: `${key} contains ${entry.missing.map((m) => `$${m}`).join(', ')}, which Compose reads as a variable not set above this line and replaces with ''.`,
          });
        }
      }
      return hits;
    },
  },
  {
    id: 'setup-sh-unsafe',
    invariant: 22,
    severity: 'warning',
    title: "Lines setup.sh's upgrade can carry over",
    keys: [],
    layouts: ['community'],
    fix: "Write KEY=value with no spaces or 'export', and avoid '=', '&' and '\\' in values (or re-check plane.env after every setup.sh upgrade).",
    check(ctx) {
      const hits: RuleHit[] = [];
      for (const f of ctx.files) {
        for (const e of entries(f)) {
          if (e.kind !== 'entry') continue;
          const at = { path: f.path, line: e.line };
          if (e.prefix !== `${e.key}=`)
            hits.push({
              keys: [e.key],
              at,
              message: `${e.key} is written with spaces or 'export': setup.sh's upgrade looks for '^${e.key}=' and silently resets it to the template value.`,
            });
          const bad = [...new Set(e.valueText.match(/[=&\\]/g) ?? [])];
          if (bad.length > 0)
            hits.push({
              keys: [e.key],
              at,
              message: `The value of ${e.key} contains ${bad.map((c) => `'${c}'`).join(', ')}: setup.sh's upgrade cuts values at '=' and sed mangles '&' and '\\'.`,
            });
        }
      }
      return hits;
    },
  },
  {
    id: 'key-not-passed',
    invariant: 23,
    severity: 'warning',
    title: 'Every key reaches a container',
    keys: [],
    layouts: stock,
    fix: 'Remove the key, or add it to the environment of the services that need it in the compose file (then recreate them).',
    check(ctx) {
      const hits: RuleHit[] = [];
      for (const f of ctx.files) {
        // A key other values are built from (APP_DOMAIN in WEB_URL=http://${APP_DOMAIN}) has an effect.
        const usedInFile = new Set([...f.resolved.entries.values()].flatMap((r) => r.used));
        for (const e of entries(f)) {
          if (e.kind !== 'entry' || ctx.referenced(e.key) || usedInFile.has(e.key)) continue;
          const consumers = ctx.schema.spec(e.key)?.consumers ?? [];
          // Read by setup.sh or written by Dokploy for itself: they never were meant for a container.
          if (consumers.includes('setup.sh') || consumers.includes('dokploy')) continue;
          const note = ctx.schema.spec(e.key)?.notes;
          hits.push({
            keys: [e.key],
            at: { path: f.path, line: e.line },
            message: `${e.key} is in ${f.path} but ${ctx.compose === undefined ? 'the stock compose file' : 'the compose file'} passes it to no container, so changing it has no effect.${note !== undefined && consumers.length === 0 ? ` ${note}` : ''}`,
          });
        }
      }
      return hits;
    },
  },
  {
    id: 'app-release-floating',
    invariant: 24,
    severity: 'warning',
    title: 'APP_RELEASE is a concrete version',
    keys: ['APP_RELEASE'],
    layouts: stock,
    fix: 'Pin APP_RELEASE to a release tag such as v1.3.1, and change it deliberately when upgrading.',
    check(ctx) {
      const value = (ctx.fileValue('APP_RELEASE') ?? ctx.schema.spec('APP_RELEASE')?.default ?? '').trim();
      if (!floating.has(value)) return pass;
      return [
        { message: `APP_RELEASE is '${value || '(empty)'}': any recreate can pull a newer Plane and run its migrations without warning.` },
      ];
    },
  },
  {
    id: 'debug-enabled',
    invariant: 25,
    severity: 'warning',
    title: 'DEBUG=0 in production',
    keys: ['DEBUG'],
    layouts: everyLayout,
    fix: 'Set DEBUG=0.',
    check(ctx) {
      const value = ctx.value('DEBUG');
      if (value === undefined || value === '' || value === '0') return pass;
      return [{ message: `DEBUG is '${value}': Django shows stack traces and settings to anyone who triggers an error.` }];
    },
  },
  {
    id: 'dokploy-managed-files',
    invariant: 26,
    severity: 'warning',
    title: 'Dokploy owns these files',
    keys: [],
    layouts: ['dokploy'],
    fix: "Change variables in Dokploy (the application's Environment tab, or the compose.update API) and redeploy. Attach the domain to the proxy service, port 80, with strip path off.",
    check: (ctx) => [
      {
        message: `Dokploy rewrites ${ctx.files.map((f) => f.path).join(', ')} and the compose file from its database on every deploy: edits made here are lost at the next deploy.`,
      },
    ],
  },
];
