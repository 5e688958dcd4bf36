import { describe, expect, it } from 'vitest';
import type { LogLevel } from '../schemas/logs';
import { detectLogLevel } from './log-level';

/** Real-looking lines from the containers of a Plane deployment, and what a person would call them. */
const samples: Array<[string, string, LogLevel]> = [
  // gunicorn (api)
  ['gunicorn error', '[2024-05-01 12:00:00 +0000] [7] [ERROR] Exception in worker process', 'error'],
  ['gunicorn info', '[2024-05-01 12:00:00 +0000] [1] [INFO] Booting worker with pid: 7', 'info'],
  ['gunicorn warning', '[2024-05-01 12:00:00 +0000] [1] [WARNING] Worker with pid 7 was terminated due to signal 9', 'warn'],
  ['gunicorn critical', '[2024-05-01 12:00:00 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:7)', 'error'],
  // Django / Python logging
  ['Django verbose error', 'ERROR 2024-05-01 12:00:00,123 log 7 140245 Internal Server Error: /api/workspaces/', 'error'],
  ['Django verbose info', 'INFO 2024-05-01 12:00:00,123 basehttp 7 140245 "GET /api/instances/ HTTP/1.1" 200 1234', 'info'],
  ['Python basicConfig warning', 'WARNING:root:Failed to check bucket plane-uploads', 'warn'],
  ['Python basicConfig error', 'ERROR:django.request:Internal Server Error: /auth/sign-in/', 'error'],
  ['Python asctime first', '2024-05-01 12:00:00,123 DEBUG urllib3.connectionpool Starting new HTTP connection (1): minio:9000', 'debug'],
  ['Python traceback', 'Traceback (most recent call last):', 'error'],
  ['Python exception line', 'django.db.utils.OperationalError: connection to server at "plane-db" (172.18.0.3), port 5432 failed', 'error'],
  ['Python builtin exception', 'ValueError: invalid literal for int() with base 10', 'error'],
  ['Django system check error', '?: (corsheaders.E013) Origin \'plane.example.com\' in CORS_ALLOWED_ORIGINS is missing scheme or netloc', 'error'],
  ['Django system check warning', '?: (security.W004) You have not set a value for the SECURE_HSTS_SECONDS setting.', 'warn'],
  // celery (worker, beat-worker)
  ['celery error', '[2024-05-01 12:00:00,123: ERROR/MainProcess] consumer: Cannot connect to amqp://plane:**@plane-mq:5672//: [Errno 111] Connection refused.', 'error'],
  ['celery info', '[2024-05-01 12:00:00,123: INFO/MainProcess] Connected to amqp://plane:**@plane-mq:5672//', 'info'],
  ['celery warning', '[2024-05-01 12:00:00,123: WARNING/ForkPoolWorker-2] Task retry', 'warn'],
  // Postgres (plane-db)
  ['postgres error', '2024-05-01 12:00:00.123 UTC [62] ERROR:  relation "db_workspace" does not exist at character 15', 'error'],
  ['postgres fatal', '2024-05-01 12:00:00.123 UTC [63] FATAL:  password authentication failed for user "plane"', 'error'],
  ['postgres panic', '2024-05-01 12:00:00.123 UTC [1] PANIC:  could not write to file "pg_wal/xlogtemp.1": No space left on device', 'error'],
  ['postgres log', '2024-05-01 12:00:00.123 UTC [1] LOG:  database system is ready to accept connections', 'info'],
  ['postgres warning', '2024-05-01 12:00:00.123 UTC [70] WARNING:  there is no transaction in progress', 'warn'],
  ['postgres detail (continuation)', '2024-05-01 12:00:00.123 UTC [63] DETAIL:  Connection matched pg_hba.conf line 100', 'unknown'],
  ['postgres entrypoint bare', 'LOG:  received fast shutdown request', 'info'],
  // Redis / valkey (plane-redis)
  ['valkey warning', '1:M 01 May 2024 12:00:00.123 # WARNING Memory overcommit must be enabled!', 'warn'],
  ['valkey notice', '1:M 01 May 2024 12:00:00.123 * Ready to accept connections tcp', 'info'],
  ['valkey verbose', '1:M 01 May 2024 12:00:00.123 - Accepted 172.18.0.5:40000', 'debug'],
  // RabbitMQ (plane-mq)
  ['rabbitmq error', '2024-05-01 12:00:00.123456+00:00 [error] <0.1234.0> PLAIN login refused: user \'plane\' - invalid credentials', 'error'],
  ['rabbitmq warning', '2024-05-01 12:00:00.123456+00:00 [warning] <0.1234.0> closing AMQP connection', 'warn'],
  ['rabbitmq info', '2024-05-01 12:00:00.123456+00:00 [info] <0.230.0> Server startup complete', 'info'],
  // Caddy (proxy), JSON
  ['caddy error', '{"level":"error","ts":1714564800.123,"logger":"http.log.error","msg":"dial tcp 172.18.0.7:3000: connect: connection refused"}', 'error'],
  ['caddy info', '{"level":"info","ts":1714564800.123,"msg":"serving initial configuration"}', 'info'],
  ['caddy warn', '{"level":"warn","ts":1714564800.1,"logger":"tls","msg":"stapling OCSP"}', 'warn'],
  // nginx
  ['nginx error', '2024/05/01 12:00:00 [error] 29#29: *1 connect() failed (111: Connection refused) while connecting to upstream', 'error'],
  ['nginx warn', '2024/05/01 12:00:00 [warn] 1#1: the "http2" directive is deprecated', 'warn'],
  ['nginx crit', '2024/05/01 12:00:00 [crit] 1#1: *3 SSL_do_handshake() failed', 'error'],
  ['nginx notice', '2024/05/01 12:00:00 [notice] 1#1: start worker processes', 'info'],
  // Node (live) — pino numbers, logfmt, plain errors
  ['pino error', '{"level":50,"time":1714564800123,"pid":1,"msg":"Authentication failed"}', 'error'],
  ['pino warn', '{"level":40,"time":1714564800123,"msg":"slow"}', 'warn'],
  ['pino info', '{"level":30,"time":1714564800123,"msg":"listening on 3000"}', 'info'],
  ['pino fatal', '{"level":60,"time":1714564800123,"msg":"Invalid environment variables"}', 'error'],
  ['pino debug', '{"level":20,"msg":"x"}', 'debug'],
  ['node error', 'Error: connect ECONNREFUSED 127.0.0.1:6379', 'error'],
  ['node uncaught', 'Uncaught TypeError: Cannot read properties of undefined', 'error'],
  ['logfmt warn', 'time="2024-05-01T12:00:00Z" level=warn msg="disk almost full"', 'warn'],
  ['logfmt error quoted', 'ts=2024-05-01T12:00:00Z level="error" msg="boom"', 'error'],
  ['logfmt info', 'level=info msg="API server listening at: [::]:9000"', 'info'],
  ['go panic', 'panic: runtime error: invalid memory address or nil pointer dereference', 'error'],
  // what must NOT be called an error (or anything)
  ['counter named errors', 'sync done errors=0 warnings=0', 'unknown'],
  ['word in a message', 'Retrying after 0 errors in the last hour', 'unknown'],
  ['error in a URL', '172.18.0.1 - - [01/May/2024:12:00:00 +0000] "GET /api/error-report HTTP/1.1" 200 12', 'unknown'],
  ['traceback frame (continuation)', '  File "/code/plane/app/views/base.py", line 42, in dispatch', 'unknown'],
  ['plain message', 'Waiting for database migrations to complete...', 'unknown'],
  ['lower-case word at start', 'error handling middleware installed', 'unknown'],
  ['empty line', '', 'unknown'],
];

describe('detectLogLevel', () => {
  it.each(samples)('%s', (_name, line, level) => {
    expect(detectLogLevel(line)).toBe(level);
  });

  it('reads only the head of a very long line', () => {
    expect(detectLogLevel(`${'x'.repeat(10_000)} [ERROR]`)).toBe('unknown');
    expect(detectLogLevel(`[ERROR] ${'x'.repeat(10_000)}`)).toBe('error');
  });
});
