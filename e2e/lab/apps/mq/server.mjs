// A RabbitMQ stand-in: listens on 5672 (AMQP) and 15672, logs RabbitMQ's boot lines and each
// connection, and answers an AMQP 0-9-1 header with nothing further. Plane's lab services only
// need the port to exist; the logs are what Hangar reads.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';

const user = process.env.RABBITMQ_DEFAULT_USER ?? 'guest';
const vhost = process.env.RABBITMQ_DEFAULT_VHOST ?? '/';
const log = (msg) =>
  console.log(
    `${new Date().toISOString().replace('T', ' ').replace('Z', '+00:00')} [info] <0.${Math.floor(Math.random() * 900) + 100}.0> ${msg}`,
  );
log('Starting RabbitMQ 3.13.6 on Erlang 26.2.5 [jit]');
log(`Creating user '${user}'`);
log(`Adding vhost '${vhost}' (description: 'Default virtual host', tags: [])`);
for (const port of [5672, 15672]) {
  createServer((sock) => {
    log(`accepting AMQP connection ${sock.remoteAddress}:${sock.remotePort} -> ${port}`);
    sock.on('error', () => undefined);
    sock.on('close', () => log(`closing AMQP connection (${sock.remoteAddress}:${sock.remotePort})`));
  }).listen(port);
}
try {
  writeFileSync(process.env.RABBITMQ_PID_FILE ?? '/run/rabbitmq.pid', String(process.pid));
} catch {
  // On the host without write access to /run: only the healthcheck shim reads it.
}
log('Server startup complete; 4 plugins started.');
log(' * rabbitmq_management\n * rabbitmq_prometheus\n * rabbitmq_web_dispatch\n * rabbitmq_management_agent');
process.on('SIGTERM', () => process.exit(0));
