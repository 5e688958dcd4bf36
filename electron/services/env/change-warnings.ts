import type { Deployment } from '../../../shared/schemas/deployment';
import type { ChangeWarning, KeyChange } from '../../../shared/schemas/env-edit';

/** What the warnings are computed from: the deployment's containers and the changed keys. */
export interface WarningInput {
  readonly deployment: Pick<Deployment, 'project' | 'services' | 'dokployManaged' | 'editElsewhere'>;
  readonly changed: readonly KeyChange[];
  /** Effective values after the change, interpolation file first (for USE_MINIO, user names in commands). */
  readonly valueAfter: (key: string) => string | undefined;
}

const postgresKeys = ['POSTGRES_USER', 'POSTGRES_PASSWORD', 'POSTGRES_DB'];
const rabbitKeys = ['RABBITMQ_USER', 'RABBITMQ_PASSWORD', 'RABBITMQ_VHOST'];
const minioKeys = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];

/**
 * What a plain save and recreate will not do (plane-reference.md §2.5, invariants 9 and 15):
 * Postgres, RabbitMQ and MinIO apply credentials only when their volume is first initialised,
 * and SECRET_KEY encrypts stored settings. A volume counts as initialised when the service has
 * a container; the steps never contain a secret, only placeholders.
 */
export function changeWarnings(input: WarningInput): ChangeWarning[] {
  const changedKeys = new Set(input.changed.map((c) => c.key));
  const hits = (keys: readonly string[]) => keys.filter((k) => changedKeys.has(k));
  const exists = (...services: string[]) => input.deployment.services.some((s) => services.includes(s.service) && s.containers.length > 0);
  const service = (stock: string) => input.deployment.services.find((s) => s.service === stock || s.service === `plane-${stock}`)?.service ?? stock;
  const compose = `docker compose -p ${input.deployment.project}`;
  const out: ChangeWarning[] = [];

  const pg = hits(postgresKeys);
  if (pg.length > 0 && exists('plane-db')) {
    const user = input.valueAfter('POSTGRES_USER') || 'plane';
    out.push({
      id: 'init-only-postgres',
      severity: 'warning',
      keys: pg,
      message: `Postgres applies ${pg.join(', ')} only when its data volume is first created; this deployment's volume already exists, so the database keeps the old value and the API will fail to log in.`,
      steps: [
        `Before applying, change it inside Postgres, e.g. ${compose} exec plane-db psql -U <current user> -d <database> -c "ALTER USER ${user} WITH PASSWORD '<new password>'" (a renamed user or database needs ALTER USER … RENAME / ALTER DATABASE … RENAME).`,
        'Make DATABASE_URL use the same user, password (URL-encoded) and database; an empty DATABASE_URL means plane:plane.',
        'Then apply the recreate below.',
      ],
    });
  }
  const mq = hits(rabbitKeys);
  if (mq.length > 0 && exists('plane-mq')) {
    const user = input.valueAfter('RABBITMQ_USER') || 'plane';
    out.push({
      id: 'init-only-rabbitmq',
      severity: 'warning',
      keys: mq,
      message: `RabbitMQ applies ${mq.join(', ')} only when its data volume is first created; the existing broker keeps the old credentials and the workers will be refused (ACCESS_REFUSED).`,
      steps: [
        `Before applying, change it inside RabbitMQ, e.g. ${compose} exec plane-mq rabbitmqctl change_password ${user} '<new password>' (a new user or vhost: rabbitmqctl add_user / add_vhost / set_permissions).`,
        'Make AMQP_URL use the same user, password (URL-encoded) and vhost; an empty AMQP_URL means plane:plane.',
        'Then apply the recreate below.',
      ],
    });
  }
  const minio = hits(minioKeys);
  if (minio.length > 0 && exists('plane-minio') && (input.valueAfter('USE_MINIO') ?? '1') === '1') {
    out.push({
      id: 'init-only-minio',
      severity: 'warning',
      keys: minio,
      message: `${minio.join(' and ')} are also MinIO's root credentials. Existing uploads stay in the volume, but MinIO and Plane must switch together or uploads fail.`,
      steps: [
        `Recreate ${service('minio')} together with the API services (the recreate below includes every service that reads the keys).`,
        'MinIO needs a root user of at least 3 and a password of at least 8 characters, or it refuses to start.',
        'If MinIO refuses the new root credentials for the existing data, restore the previous values from History and rotate them with MinIO\'s admin tools instead.',
      ],
    });
  }
  if (changedKeys.has('SECRET_KEY') && exists('api', 'plane-api')) {
    out.push({
      id: 'secret-key-changed',
      severity: 'warning',
      keys: ['SECRET_KEY'],
      message: 'SECRET_KEY signs sessions and encrypts instance settings. Changing it after the first start signs everyone out and makes stored secrets (SMTP password, OAuth client secrets) unreadable.',
      steps: ['After applying, sign in again and re-enter the SMTP and OAuth settings in God mode (/god-mode/).', 'Keep the previous value (History keeps a backup) in case you need to roll back.'],
    });
  }
  if (input.deployment.dokployManaged) {
    out.push({
      id: 'dokploy-managed',
      severity: 'warning',
      keys: [],
      message: input.deployment.editElsewhere ?? 'Dokploy regenerates these files on every deploy, so this edit is lost at the next deploy.',
      steps: ['Make the same change in Dokploy so the next deploy keeps it.'],
    });
  }
  return out;
}
