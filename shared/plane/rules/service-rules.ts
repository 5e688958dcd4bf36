import { connectionRules } from './connection-rules';
import { checkOrigin, isServiceHostName, urlHost } from './origin';
import { everyLayout, pass, stock, type Rule, type RuleHit } from './rule';

const reservedBuckets = new Set(['api', 'auth', 'static', 'live', 'spaces', 'god-mode']);

/** plane-reference.md §8 invariants 11–14 and 16–21: service URLs, storage, limits. */
export const serviceRules: readonly Rule[] = [
  {
    id: 'live-api-url',
    invariant: 11,
    severity: 'error',
    title: 'live reaches the API on the internal network',
    keys: ['API_BASE_URL'],
    layouts: stock,
    fix: 'Set API_BASE_URL to the API service inside Docker: http://api:8000 (http://plane-api:8000 with the Dokploy template).',
    check(ctx) {
      const value = ctx.value('API_BASE_URL');
      if (value === undefined || !ctx.referenced('API_BASE_URL')) return pass;
      const host = urlHost(value);
      if (host === undefined || !/^https?:\/\//.test(value))
        return [{ message: `API_BASE_URL is '${value}', not a valid URL: live validates it at boot and exits.` }];
      if (isServiceHostName(host)) return pass;
      return [
        {
          severity: 'warning',
          message: `API_BASE_URL points at ${host}, not an internal service: live's cookie checks then depend on public DNS, TLS and hairpin routing.`,
        },
      ];
    },
  },
  ...connectionRules,
  {
    id: 'minio-credentials-short',
    invariant: 16,
    severity: 'error',
    title: 'MinIO root credentials are long enough',
    keys: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'],
    layouts: everyLayout,
    fix: 'Use an AWS_ACCESS_KEY_ID of at least 3 and an AWS_SECRET_ACCESS_KEY of at least 8 characters (generate the secret).',
    check(ctx) {
      if (ctx.value('USE_MINIO') !== '1') return pass;
      const user = ctx.value('AWS_ACCESS_KEY_ID') ?? '';
      const secret = ctx.value('AWS_SECRET_ACCESS_KEY') ?? '';
      if (user.length >= 3 && secret.length >= 8) return pass;
      return [
        {
          message:
            "With USE_MINIO=1 the AWS keys are MinIO's root user and password, and MinIO refuses a user under 3 or a password under 8 characters: uploads fail.",
        },
      ];
    },
  },
  {
    id: 'minio-default-secret',
    invariant: 16,
    severity: 'warning',
    title: "AWS_SECRET_ACCESS_KEY is not the shipped 'secret-key'",
    keys: ['AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID'],
    layouts: everyLayout,
    fix: 'Generate AWS_SECRET_ACCESS_KEY before the first start. On an existing MinIO volume change the root password in MinIO first.',
    check(ctx) {
      if (ctx.value('USE_MINIO') !== '1' || ctx.value('AWS_SECRET_ACCESS_KEY') !== 'secret-key') return pass;
      return [
        {
          message: "MinIO's root password is 'secret-key', the value in Plane's public files: anyone reaching MinIO can read every upload.",
        },
      ];
    },
  },
  {
    id: 'use-minio-value',
    invariant: 17,
    severity: 'error',
    title: 'USE_MINIO is exactly 0 or 1',
    keys: ['USE_MINIO'],
    layouts: everyLayout,
    fix: 'Set USE_MINIO=1 (bundled MinIO) or USE_MINIO=0 (external S3).',
    check(ctx) {
      const value = ctx.value('USE_MINIO');
      if (value === undefined || value === '0' || value === '1') return pass;
      return [
        {
          message: `USE_MINIO is '${value}': Plane compares it to the string "1", so anything else means external S3 and browsers get the internal endpoint in upload URLs.`,
        },
      ];
    },
  },
  {
    id: 's3-endpoint',
    invariant: 17,
    severity: 'warning',
    title: 'AWS_S3_ENDPOINT_URL fits USE_MINIO',
    keys: ['AWS_S3_ENDPOINT_URL', 'USE_MINIO'],
    layouts: everyLayout,
    fix: "With USE_MINIO=1 use http://plane-minio:9000; with USE_MINIO=0 use your provider's public https endpoint and allow the Plane origin in the bucket's CORS.",
    check(ctx) {
      const endpoint = ctx.value('AWS_S3_ENDPOINT_URL') ?? '';
      const minio = ctx.value('USE_MINIO');
      if (minio === '1' && endpoint !== '' && !isServiceHostName(urlHost(endpoint) ?? '')) {
        return [
          {
            message: `USE_MINIO=1 but AWS_S3_ENDPOINT_URL is ${endpoint}: the API should talk to the bundled MinIO on the internal network.`,
          },
        ];
      }
      if (minio === '0' && endpoint !== '' && !endpoint.startsWith('https://')) {
        return [
          {
            message: `USE_MINIO=0 but AWS_S3_ENDPOINT_URL is ${endpoint}: browsers upload straight to this endpoint, so it must be public https.`,
          },
        ];
      }
      return pass;
    },
  },
  {
    id: 'minio-endpoint-ssl',
    invariant: 18,
    severity: 'info',
    title: 'MINIO_ENDPOINT_SSL=1 when TLS ends before Plane',
    keys: ['MINIO_ENDPOINT_SSL', 'WEB_URL'],
    layouts: stock,
    fix: 'Set MINIO_ENDPOINT_SSL=1, or make sure every proxy forwards X-Forwarded-Proto and is listed in TRUSTED_PROXIES.',
    check(ctx) {
      const web = checkOrigin(ctx.value('WEB_URL') ?? '');
      if (!web.ok || web.scheme !== 'https' || ctx.value('USE_MINIO') !== '1' || ctx.value('MINIO_ENDPOINT_SSL') === '1') return pass;
      if (ctx.layout === 'dokploy' && (ctx.value('TRUSTED_PROXIES') ?? '').includes('private_ranges')) return pass;
      return [
        {
          message:
            'WEB_URL is https and MINIO_ENDPOINT_SSL is 0: upload URLs are https only if X-Forwarded-Proto survives every proxy hop; otherwise browsers block them as mixed content.',
        },
      ];
    },
  },
  {
    id: 'bucket-name',
    invariant: 19,
    severity: 'error',
    title: 'AWS_S3_BUCKET_NAME is a valid bucket that does not shadow a Plane path',
    keys: ['AWS_S3_BUCKET_NAME'],
    layouts: everyLayout,
    fix: 'Use 3–63 lowercase letters, digits, dots or hyphens, not api, auth, static, live, spaces or god-mode (uploads is the default).',
    check(ctx) {
      const value = ctx.value('AWS_S3_BUCKET_NAME');
      if (value === undefined || value === '') return pass;
      if (reservedBuckets.has(value))
        return [
          {
            message: `AWS_S3_BUCKET_NAME is '${value}': the proxy routes /${value}/ to MinIO before Plane, so that part of Plane stops working.`,
          },
        ];
      if (/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value) && !value.includes('..')) return pass;
      return [{ message: `'${value}' is not a valid S3 bucket name: MinIO cannot create it and uploads fail.` }];
    },
  },
  {
    id: 'file-size-limit',
    invariant: 20,
    severity: 'error',
    title: 'FILE_SIZE_LIMIT is a positive number of bytes',
    keys: ['FILE_SIZE_LIMIT'],
    layouts: everyLayout,
    fix: 'Write the limit in bytes, e.g. 52428800 for 50 MB; raise the limit of every proxy in front of Plane too.',
    check(ctx) {
      const value = ctx.value('FILE_SIZE_LIMIT');
      if (value === undefined || /^[1-9]\d*$/.test(value)) return pass;
      return [{ message: `FILE_SIZE_LIMIT is '${value}': Django and Caddy need a plain positive integer in bytes (no units).` }];
    },
  },
  {
    id: 'api-rate-limit',
    invariant: 21,
    severity: 'error',
    title: 'API_KEY_RATE_LIMIT is <n>/(second|minute|hour|day)',
    keys: ['API_KEY_RATE_LIMIT'],
    layouts: everyLayout,
    fix: 'Write it like 60/minute.',
    check(ctx): RuleHit[] {
      const value = ctx.value('API_KEY_RATE_LIMIT');
      if (value === undefined || /^\d+\/(s|sec|second|m|min|minute|h|hour|d|day)$/.test(value)) return [];
      return [{ message: `API_KEY_RATE_LIMIT is '${value}': Django REST framework cannot parse it and API-key requests fail.` }];
    },
  },
];
