import type { CheckContext } from './check-context';
import { pass, stock, type Rule } from './rule';

const get = (ctx: CheckContext, key: string, fallback: string): string => {
  const v = ctx.value(key);
  return v === undefined || v === '' ? fallback : v;
};

interface ConnectionRule {
  readonly id: string;
  readonly invariant: number;
  readonly key: string;
  readonly scheme: string;
  readonly severity: 'error' | 'warning';
  readonly parts: readonly { key: string; stock: string }[];
  readonly build: (p: Readonly<Record<string, string>>) => string;
  readonly defaultPort: string;
  readonly why: string;
}

const connections: readonly ConnectionRule[] = [
  {
    id: 'database-url-mismatch',
    invariant: 12,
    key: 'DATABASE_URL',
    scheme: 'postgresql',
    severity: 'error',
    parts: [
      { key: 'POSTGRES_USER', stock: 'plane' },
      { key: 'POSTGRES_PASSWORD', stock: 'plane' },
      { key: 'PGHOST', stock: 'plane-db' },
      { key: 'POSTGRES_PORT', stock: '5432' },
      { key: 'POSTGRES_DB', stock: 'plane' },
    ],
    build: (p) =>
      `postgresql://${p.POSTGRES_USER}:${encodeURIComponent(p.POSTGRES_PASSWORD ?? '')}@${p.PGHOST}:${p.POSTGRES_PORT}/${p.POSTGRES_DB}`,
    defaultPort: '5432',
    why: 'the API and migrator fail with "password authentication failed"',
  },
  {
    id: 'amqp-url-mismatch',
    invariant: 13,
    key: 'AMQP_URL',
    scheme: 'amqp',
    severity: 'error',
    parts: [
      { key: 'RABBITMQ_USER', stock: 'plane' },
      { key: 'RABBITMQ_PASSWORD', stock: 'plane' },
      { key: 'RABBITMQ_HOST', stock: 'plane-mq' },
      { key: 'RABBITMQ_PORT', stock: '5672' },
      { key: 'RABBITMQ_VHOST', stock: 'plane' },
    ],
    build: (p) =>
      `amqp://${p.RABBITMQ_USER}:${encodeURIComponent(p.RABBITMQ_PASSWORD ?? '')}@${p.RABBITMQ_HOST}:${p.RABBITMQ_PORT}/${p.RABBITMQ_VHOST}`,
    defaultPort: '5672',
    why: 'api and worker get "ACCESS_REFUSED - Login was refused"',
  },
  {
    id: 'redis-url-mismatch',
    invariant: 14,
    key: 'REDIS_URL',
    scheme: 'redis',
    severity: 'warning',
    parts: [
      { key: 'REDIS_HOST', stock: 'plane-redis' },
      { key: 'REDIS_PORT', stock: '6379' },
    ],
    build: (p) => `redis://${p.REDIS_HOST}:${p.REDIS_PORT}/`,
    defaultPort: '6379',
    why: 'the cache and live keep using plane-redis',
  },
];

/** Compares URLs by their parts (default ports filled in, password decoded). */
function sameConnection(a: string, b: string, defaultPort: string): boolean {
  const parse = (u: string) => /^([a-z+]+):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]+)(?::(\d+))?(?:\/([^?#]*))?/.exec(u.trim());
  const x = parse(a);
  const y = parse(b);
  if (x === null || y === null) return a === b;
  const norm = (m: RegExpExecArray) =>
    [m[2] ?? '', safeDecode(m[3] ?? ''), m[4], m[5] ?? defaultPort, (m[6] ?? '').replace(/\/$/, '')].join('\u0000');
  return norm(x) === norm(y);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function connectionRule(c: ConnectionRule): Rule {
  return {
    id: c.id,
    invariant: c.invariant,
    severity: c.severity,
    title: `${c.key} matches ${c.parts.map((p) => p.key).join(', ')}`,
    keys: [c.key, ...c.parts.map((p) => p.key)],
    layouts: stock,
    fix: `Set ${c.key} explicitly to the URL built from those values (Hangar fills it in), or point it deliberately at an external server.`,
    check(ctx) {
      const parts = Object.fromEntries(c.parts.map((p) => [p.key, get(ctx, p.key, p.stock)]));
      if (c.parts.every((p) => parts[p.key] === p.stock)) return pass;
      const expected = c.build(parts);
      const actual = ctx.value(c.key) ?? '';
      if (sameConnection(actual, expected, c.defaultPort)) return pass;
      const changed = c.parts.filter((p) => parts[p.key] !== p.stock).map((p) => p.key);
      const masked = expected.replace(/:[^:@/]*@/, ':••••@');
      return [
        {
          keys: [c.key, ...changed],
          message: `${changed.join(', ')} differ from the stock values but ${c.key} ${(ctx.fileValue(c.key) ?? '') === '' ? 'is empty, so the compose default applies' : 'does not match them'}: ${c.why}. Expected ${masked}.`,
        },
      ];
    },
  };
}

/**
 * plane-reference.md §8 invariants 12–14: DATABASE_URL, AMQP_URL and REDIS_URL must agree with
 * the parts they are built from once any part differs from the stock value, because the compose
 * defaults hard-code plane:plane@plane-db, plane:plane@plane-mq and plane-redis.
 */
export const connectionRules: readonly Rule[] = connections.map(connectionRule);
