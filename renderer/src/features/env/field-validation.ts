import { checkOrigin, describeOriginProblem, splitList } from '../../../../shared/plane/rules/origin';
import type { EnvKeySpec } from '../../../../shared/schemas/env';

/**
 * Checks a value as the user types, by the key's schema type. Returns the plain sentence to show
 * under the field, or null. These are the mistakes Plane's containers refuse at start (an origin
 * with a path or trailing slash, a port out of range); the rules in shared/plane catch the rest
 * (cross-key invariants) and arrive as findings.
 */
export function validateValue(spec: Pick<EnvKeySpec, 'key' | 'type' | 'enumValues'> | undefined, value: string): string | null {
  if (spec === undefined || value === '') return null;
  const { key } = spec;
  switch (spec.type) {
    case 'origin': {
      const check = checkOrigin(value);
      return check.ok ? null : describeOriginProblem(key, value, check.problem);
    }
    case 'origin-list': {
      for (const item of splitList(value)) {
        const check = checkOrigin(item);
        if (!check.ok) return describeOriginProblem(key, item, check.problem);
      }
      return null;
    }
    case 'url':
      return /^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i.test(value)
        ? null
        : `${key} must be a URL like http://host:port (scheme, "://", then the host).`;
    case 'port': {
      const n = Number(value);
      return /^\d+$/.test(value) && n >= 1 && n <= 65535 ? null : `${key} must be a port number from 1 to 65535.`;
    }
    case 'integer':
      return /^\d+$/.test(value) ? null : `${key} must be a whole number (digits only).`;
    case 'bytes':
      return /^\d+$/.test(value) ? null : `${key} is a size in bytes: digits only (5242880 is 5 MB).`;
    case 'rate':
      return /^\d+\/(second|minute|hour|day|s|m|h|d)$/.test(value)
        ? null
        : `${key} must look like 60/minute (a number, "/", then second, minute, hour or day).`;
    case 'boolean':
      return /^(0|1|true|false|True|False|yes|no)$/.test(value) ? null : `${key} is a switch: use 1 (on) or 0 (off).`;
    case 'enum':
      return spec.enumValues === undefined || spec.enumValues.includes(value)
        ? null
        : `${key} must be one of: ${spec.enumValues.join(', ')}.`;
    case 'host':
      return /^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:.]+\](:\d+)?$/.test(value)
        ? null
        : `${key} is a host name only (like plane.example.com), without scheme or path.`;
    case 'cidr-list':
      return value.split(',').every((part) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(part.trim()))
        ? null
        : `${key} is a comma-separated list of addresses or ranges like 10.0.0.0/8.`;
    default:
      return null;
  }
}
