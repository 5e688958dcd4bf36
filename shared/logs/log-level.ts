import type { LogLevel } from '../schemas/logs';

/**
 * The level a line states about itself, read from the formats Plane's containers write. Only
 * *structural* markers count — a level field, a bracketed or prefixed level word, a severity
 * column — never a word somewhere in the message, so `errors=0`, `0 errors` or
 * `GET /api/error-report 200` stay `unknown` instead of painting the view red.
 *
 * Recognised (first match wins):
 * - JSON: `"level":"error"` (Caddy, zap, bunyan), `"level":50` (pino numbers), `"severity"`, `"lvl"`
 * - logfmt: `level=warn`, `lvl=info`, `severity=ERROR`
 * - celery: `[2024-05-01 12:00:00,123: ERROR/MainProcess]`
 * - Redis/valkey: `1:M 01 May 2024 12:00:00.123 # msg` (`#` warning, `*` notice, `-`/`.` debug)
 * - bracketed words: gunicorn `[ERROR]`, nginx `[error]`/`[warn]`/`[crit]`, RabbitMQ `[error]`/`[warning]`
 * - a level word after an optional date/time, pid or bracket prefix: Postgres `… UTC [1] ERROR:`,
 *   `FATAL:`, `PANIC:`, `LOG:`; Python logging `WARNING:root:…`; Django verbose `ERROR 2024-…`;
 *   `2024-… INFO …`
 * - generic: `Traceback (most recent call last):`, `SomethingError: …`, `…Exception: …`, Go `panic:`,
 *   Django system checks `(corsheaders.E013)` / `(security.W004)`
 *
 * Continuation lines (a traceback's `  File …`, Postgres `DETAIL:`) stay `unknown`: the level is
 * per line, without memory of the previous one.
 */
export function detectLogLevel(text: string): LogLevel {
  const head = text.length > 512 ? text.slice(0, 512) : text;
  return fromJson(head) ?? fromLogfmt(head) ?? fromCelery(head) ?? fromRedis(head) ?? fromPrefix(head) ?? fromBracket(head) ?? fromGeneric(head) ?? 'unknown';
}

/** A level word as any of these formats spells it → Hangar's five levels. */
export function normaliseLevelWord(word: string): LogLevel | undefined {
  return LEVEL_WORDS[word.toLowerCase()];
}

const LEVEL_WORDS: Record<string, LogLevel> = {
  error: 'error',
  err: 'error',
  eror: 'error',
  fatal: 'error',
  panic: 'error',
  crit: 'error',
  critical: 'error',
  alert: 'error',
  emerg: 'error',
  emergency: 'error',
  severe: 'error',
  warn: 'warn',
  warning: 'warn',
  wrn: 'warn',
  info: 'info',
  inf: 'info',
  notice: 'info',
  log: 'info',
  debug: 'debug',
  dbug: 'debug',
  dbg: 'debug',
  trace: 'debug',
  verbose: 'debug',
  debug1: 'debug',
  debug2: 'debug',
  debug3: 'debug',
  debug4: 'debug',
  debug5: 'debug',
};

const JSON_LEVEL = /"(?:level|severity|lvl|log\.level|levelname)"\s*:\s*(?:"([A-Za-z]+\d?)"|(\d{1,2}))/;

function fromJson(text: string): LogLevel | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  const m = JSON_LEVEL.exec(text);
  if (m === null) return undefined;
  if (m[1] !== undefined) return normaliseLevelWord(m[1]);
  const pino = Number(m[2]);
  return pino >= 50 ? 'error' : pino >= 40 ? 'warn' : pino >= 30 ? 'info' : 'debug';
}

const LOGFMT = /(?:^|\s)(?:level|lvl|severity)=("?)([A-Za-z]+\d?)\1(?=\s|$)/;

function fromLogfmt(text: string): LogLevel | undefined {
  const m = LOGFMT.exec(text);
  return m === null ? undefined : normaliseLevelWord(m[2] ?? '');
}

const CELERY = /^\[[^\]]*:\s*(CRITICAL|ERROR|WARNING|INFO|DEBUG)\/[\w-]+\]/;

function fromCelery(text: string): LogLevel | undefined {
  const m = CELERY.exec(text);
  return m === null ? undefined : normaliseLevelWord(m[1] ?? '');
}

const REDIS = /^\d+:[XCSM] \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2}\.\d{3} ([.\-*#]) /;
const REDIS_MARKS: Record<string, LogLevel> = { '#': 'warn', '*': 'info', '-': 'debug', '.': 'debug' };

function fromRedis(text: string): LogLevel | undefined {
  const m = REDIS.exec(text);
  return m === null ? undefined : REDIS_MARKS[m[1] ?? ''];
}

/**
 * A level word right after the usual prefixes: date/time (ISO, `2024/05/01 12:00:00`, `… UTC`),
 * a `[pid]`, a `[date]` block. The word must be followed by `:`, whitespace or `]` and be upper
 * case (Postgres, Python, Django, Go) — lower-case words only count inside brackets (below).
 */
const PREFIX =
  /^(?:\[[^\]]{1,64}\]\s*)?(?:\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:\s?(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT|[A-Z]{3,4}))?\s+)?(?:\[\d+\]\s+)?(CRITICAL|FATAL|PANIC|ERROR|ERR|WARNING|WARN|INFO|NOTICE|LOG|DEBUG[1-5]?|TRACE)(?=[:\s\]]|$)/;

function fromPrefix(text: string): LogLevel | undefined {
  const m = PREFIX.exec(text);
  return m === null ? undefined : normaliseLevelWord(m[1] ?? '');
}

/** `[ERROR]`, `[error]`, `[warn]`, `[crit]` within the first 160 characters (the line's header). */
const BRACKET = /\[(emerg|alert|crit|critical|error|err|fatal|warn|warning|notice|info|debug|trace)\]/i;

function fromBracket(text: string): LogLevel | undefined {
  const m = BRACKET.exec(text.length > 160 ? text.slice(0, 160) : text);
  return m === null ? undefined : normaliseLevelWord(m[1] ?? '');
}

const GENERIC_ERROR = /^(?:Traceback \(most recent call last\):|panic: |(?:[\w.]+\.)?(?:[A-Z]\w*)?(?:Error|Exception)(?::|$)|Uncaught \w*(?:Error|Exception)\b)/;
/** Django system checks: `?: (corsheaders.E013) …` is an error, `(security.W004)` a warning. */
const DJANGO_CHECK = /^(?:[\w.?]+: )?\(\w+\.([EW])\d{3}\)/;

function fromGeneric(text: string): LogLevel | undefined {
  const trimmed = text.trimStart();
  const check = DJANGO_CHECK.exec(trimmed);
  if (check !== null) return check[1] === 'E' ? 'error' : 'warn';
  return GENERIC_ERROR.test(trimmed) ? 'error' : undefined;
}
