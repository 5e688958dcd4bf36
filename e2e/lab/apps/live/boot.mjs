// Boot-time checks of Plane's live server (>= v1.1): the env schema refuses to start without
// LIVE_SERVER_SECRET_KEY / API_BASE_URL, and a configured Redis must answer before the server
// listens. Either failure exits 1, so Compose's restart policy turns it into a crash loop.
import { connect } from 'node:net';

/** One JSON log line, the shape Plane's pino logger writes to stdout. */
export const log = (level, msg) => console.log(JSON.stringify({ level, time: new Date().toISOString(), msg }));

/**
 * Exits like Plane's zod env parse does when a required variable is missing or empty: the
 * "Invalid environment variables" line is what self-hosters find in `docker logs`.
 */
export function requireEnv(env) {
  const missing = ['LIVE_SERVER_SECRET_KEY', 'API_BASE_URL'].filter((k) => !env[k]);
  if (missing.length === 0) return;
  console.error('❌ Invalid environment variables:', JSON.stringify(Object.fromEntries(missing.map((k) => [k, ['Required']]))));
  process.exit(1);
}

/** PINGs REDIS_URL (or REDIS_HOST/REDIS_PORT) when one is configured; exits 1 when it does not answer. */
export async function requireRedis(env) {
  await pingRedis(env).catch((error) => {
    log('error', `REDIS_MANAGER: Failed to initialize: ${error.message}`);
    process.exit(1);
  });
}

function pingRedis(env) {
  const target = env.REDIS_URL ? new URL(env.REDIS_URL) : { hostname: env.REDIS_HOST, port: env.REDIS_PORT };
  if (!target.hostname) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const sock = connect({ host: target.hostname, port: Number(target.port || 6379) });
    sock.setTimeout(5000, () => sock.destroy(new Error('timeout')));
    sock.once('error', reject);
    sock.once('connect', () => sock.write('PING\r\n'));
    sock.once('data', (d) => {
      sock.end();
      if (d.toString().startsWith('+PONG')) {
        log('info', 'REDIS_MANAGER: Redis connected');
        resolve();
      } else reject(new Error(d.toString().trim()));
    });
  });
}
