import type { CheckContext } from './check-context';
import { everyLayout, pass, stock, type Rule, type RuleHit } from './rule';

function knownValues(ctx: CheckContext, key: string): readonly string[] {
  return ctx.schema.spec(key)?.knownValues ?? [];
}

/** The value live gets: the live container's when the compose is known. */
function liveSecret(ctx: CheckContext): string | undefined {
  const values = ctx.containerValues('LIVE_SERVER_SECRET_KEY');
  const live = [...values].find(([service]) => service === 'live' || service === 'plane-live');
  return live?.[1] ?? ctx.value('LIVE_SERVER_SECRET_KEY');
}

/** Whether live needs the key: v1.1+ (required by its env validation) and, with a compose, passed to live. */
function liveNeedsSecret(ctx: CheckContext): boolean {
  if (ctx.schema.spec('LIVE_SERVER_SECRET_KEY') === undefined) return false;
  if (ctx.compose === undefined) return true;
  return [...ctx.containerValues('LIVE_SERVER_SECRET_KEY').keys()].some((s) => s === 'live' || s === 'plane-live');
}

/** plane-reference.md §8 invariants 9, 10 and 15, plus D21 (shipped credentials still in use). */
export const secretRules: readonly Rule[] = [
  {
    id: 'secret-key-default',
    invariant: 9,
    severity: 'error',
    title: 'SECRET_KEY is not a published value',
    keys: ['SECRET_KEY'],
    layouts: everyLayout,
    fix: "Generate a new SECRET_KEY (Hangar's generate button: 64 random characters) before the first start. On a running instance this logs everyone out and makes saved SMTP/OAuth secrets unreadable: re-enter them in god-mode.",
    check(ctx) {
      const value = ctx.value('SECRET_KEY');
      if (value === undefined || !knownValues(ctx, 'SECRET_KEY').includes(value)) return pass;
      return [
        {
          message:
            "SECRET_KEY is the value shipped in Plane's public files: anyone can forge sessions and decrypt the instance's stored secrets. Newer Plane releases refuse to start with it.",
        },
      ];
    },
  },
  {
    id: 'secret-key-weak',
    invariant: 9,
    severity: 'error',
    title: 'SECRET_KEY has at least 50 characters',
    keys: ['SECRET_KEY'],
    layouts: everyLayout,
    fix: 'Generate a SECRET_KEY of 64 random characters.',
    check(ctx) {
      const value = ctx.value('SECRET_KEY');
      if (value === undefined || knownValues(ctx, 'SECRET_KEY').includes(value) || (value.length >= 50 && new Set(value).size >= 5))
        return pass;
      return [
        {
          message:
            value === ''
              ? 'SECRET_KEY is empty: Plane cannot sign sessions and refuses to configure the instance.'
              : `SECRET_KEY has ${value.length} characters: Django's minimum for a safe key is 50 random ones.`,
        },
      ];
    },
  },
  {
    id: 'secret-key-changed',
    invariant: 9,
    severity: 'warning',
    title: 'SECRET_KEY is not changed after the first start',
    keys: ['SECRET_KEY'],
    layouts: everyLayout,
    fix: 'Keep the old SECRET_KEY unless it leaked. If you rotate it, expect every user to be signed out and re-enter SMTP and OAuth secrets in god-mode.',
    check(ctx) {
      const before = ctx.baseline?.get('SECRET_KEY');
      const now = ctx.fileValue('SECRET_KEY', ctx.layout === 'split' ? 'api' : undefined);
      if (before === undefined || now === undefined || before === now) return pass;
      return [
        {
          message:
            'SECRET_KEY differs from the deployed one: sessions become invalid and instance settings encrypted with the old key (SMTP password, OAuth secrets) can no longer be decrypted.',
        },
      ];
    },
  },
  {
    id: 'live-secret-missing',
    invariant: 10,
    severity: 'error',
    title: 'LIVE_SERVER_SECRET_KEY is set for live',
    keys: ['LIVE_SERVER_SECRET_KEY'],
    layouts: stock,
    fix: 'Set LIVE_SERVER_SECRET_KEY to a generated value (32+ random characters) and make sure the compose passes it to live and api.',
    check(ctx) {
      if (!liveNeedsSecret(ctx) || (liveSecret(ctx) ?? '') !== '') return pass;
      return [
        {
          message:
            'live receives no LIVE_SERVER_SECRET_KEY: since v1.1.0 it exits at boot with "Invalid environment variables" and pages lose real-time editing.',
        },
      ];
    },
  },
  {
    id: 'live-secret-known-default',
    invariant: 10,
    severity: 'error',
    title: 'LIVE_SERVER_SECRET_KEY is not a published value',
    keys: ['LIVE_SERVER_SECRET_KEY'],
    layouts: stock,
    fix: 'Generate a LIVE_SERVER_SECRET_KEY (32+ random characters). It is independent of SECRET_KEY; api and live read the same variable, so one value serves both.',
    check(ctx) {
      if (!liveNeedsSecret(ctx)) return pass;
      const value = liveSecret(ctx);
      if (value === undefined || !knownValues(ctx, 'LIVE_SERVER_SECRET_KEY').includes(value)) return pass;
      const empty = (ctx.fileValue('LIVE_SERVER_SECRET_KEY') ?? '') === '';
      return [
        {
          message: `${empty ? 'LIVE_SERVER_SECRET_KEY is empty, so the compose default applies: ' : 'LIVE_SERVER_SECRET_KEY is '}the value published in Plane's files ('${value.slice(0, 8)}…'), which anyone can send to live.`,
        },
      ];
    },
  },
  {
    id: 'live-secret-mismatch',
    invariant: 10,
    severity: 'error',
    title: 'api and live get the same LIVE_SERVER_SECRET_KEY',
    keys: ['LIVE_SERVER_SECRET_KEY'],
    layouts: stock,
    fix: 'Pass the same ${LIVE_SERVER_SECRET_KEY} to live and api in the compose file.',
    check(ctx) {
      const values = new Set(ctx.containerValues('LIVE_SERVER_SECRET_KEY').values());
      if (values.size <= 1) return pass;
      return [
        { message: "The containers receive different LIVE_SERVER_SECRET_KEY values: live rejects the API's calls that carry the secret." },
      ];
    },
  },
  {
    id: 'init-only-changed',
    invariant: 15,
    severity: 'warning',
    title: 'First-initialisation credentials are not edited in place',
    keys: [
      'POSTGRES_USER',
      'POSTGRES_PASSWORD',
      'POSTGRES_DB',
      'RABBITMQ_USER',
      'RABBITMQ_PASSWORD',
      'RABBITMQ_VHOST',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
    ],
    layouts: everyLayout,
    fix: 'Change the credential inside the running service first (Postgres: ALTER USER … PASSWORD …; RabbitMQ: rabbitmqctl change_password; MinIO: mc admin), then save the env file and recreate the app containers.',
    check(ctx) {
      const hits: RuleHit[] = [];
      for (const spec of ctx.schema.keys) {
        if (spec.initOnly !== true || spec.key === 'SECRET_KEY') continue;
        const before = ctx.baseline?.get(spec.key);
        const now = ctx.fileValue(spec.key);
        if (before === undefined || now === undefined || before === now) continue;
        hits.push({
          keys: [spec.key],
          message: `${spec.key} changed, but its service applies it only when its data volume is first created: on this existing deployment the old value stays in force and the app can no longer log in.`,
        });
      }
      return hits;
    },
  },
  {
    id: 'default-credentials',
    severity: 'warning',
    title: 'Database and broker passwords are not the shipped ones',
    keys: ['POSTGRES_PASSWORD', 'RABBITMQ_PASSWORD'],
    layouts: stock,
    fix: 'Before the first start, set generated passwords and matching DATABASE_URL/AMQP_URL. On an existing deployment change them inside Postgres/RabbitMQ first (see init-only-changed).',
    check(ctx) {
      const weak = ['POSTGRES_PASSWORD', 'RABBITMQ_PASSWORD'].filter((k) => ctx.value(k) === 'plane');
      if (weak.length === 0) return pass;
      return [
        {
          keys: weak,
          message: `${weak.join(' and ')} ${weak.length > 1 ? 'are' : 'is'} still 'plane', the value in Plane's public files.`,
        },
      ];
    },
  },
];
