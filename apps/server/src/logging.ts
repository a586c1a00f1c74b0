import type { FastifyServerOptions } from 'fastify';

/**
 * What the server may write to its log. The log goes to files and log services kept longer, and read by more
 * people, than the database: it must never hold a personnummer, a request body or a query string (officers
 * search the queue by personnummer). Three layers, so one forgotten call site cannot leak:
 * - `err`: database errors lose their message (drizzle puts the SQL and every parameter in it) and keep the
 *   SQLSTATE code, constraint and table; no error keeps arbitrary own properties (bodies, params, queries).
 * - `req`: the path without its query string.
 * - the written line: any 10- or 12-digit personnummer form left anywhere (a message, a binding, a path) is
 *   replaced, as is a number of that shape.
 */

/** YYMMDD or YYYYMMDD (days 61–91: samordningsnummer), an optional - or +, four digits; not inside a longer number. */
export const PERSONNUMMER_PATTERN =
  /(?<!\d)(?:(?:18|19|20)\d{2}|\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+]?\d{4}(?!\d)/g;
export const PERSONNUMMER_MASK = '[personnummer]';

export const redactPersonnummer = (text: string) => text.replace(PERSONNUMMER_PATTERN, PERSONNUMMER_MASK);

const MAX_DEPTH = 12;

/** Every string (and personnummer-shaped integer) in a parsed log line, redacted. */
function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactPersonnummer(value);
  if (typeof value === 'number')
    return Number.isInteger(value) && redactPersonnummer(String(value)) !== String(value) ? PERSONNUMMER_MASK : value;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[redactPersonnummer(k)] = redactValue(v, depth + 1);
  return out;
}

/** The last line of defence: the JSON line pino is about to write. */
export function redactLogLine(line: string): string {
  const end = line.endsWith('\n') ? '\n' : '';
  try {
    return JSON.stringify(redactValue(JSON.parse(line))) + end;
  } catch {
    // Not JSON (never expected from pino): the text as a whole, then.
    return redactPersonnummer(line);
  }
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  statusCode?: unknown;
  cause?: unknown;
  severity?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  schema?: unknown;
  routine?: unknown;
  query?: unknown;
  params?: unknown;
}

const isSqlState = (code: unknown): code is string => typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
const str = (v: unknown) => (typeof v === 'string' && v.length <= 200 ? v : undefined);
/** A stack's frames only: its first line repeats the message. */
const framesOf = (stack: unknown) =>
  typeof stack === 'string'
    ? stack
        .split('\n')
        .filter((l) => /^\s+at /.test(l))
        .join('\n')
    : undefined;

/** The driver's error (pg's or PGlite's DatabaseError) somewhere in the cause chain, or the drizzle wrapper. */
function databaseError(err: ErrorLike): { db: ErrorLike | null; isDb: boolean } {
  let e: unknown = err;
  let isDb = false;
  for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
    const x = e as ErrorLike;
    if (x.name === 'DrizzleQueryError' || ('query' in x && 'params' in x)) isDb = true;
    if (isSqlState(x.code) && typeof x.severity === 'string') return { db: x, isDb: true };
    e = x.cause;
  }
  return { db: null, isDb };
}

export function serializeError(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? value : value;
  const err = value as ErrorLike;
  const { db, isDb } = databaseError(err);
  if (isDb) {
    const code = db && isSqlState(db.code) ? db.code : undefined;
    return {
      type: 'DatabaseError',
      message: `database query failed${code ? ` (SQLSTATE ${code})` : ''}`,
      ...(code ? { code } : {}),
      ...(db && str(db.constraint) ? { constraint: db.constraint } : {}),
      ...(db && str(db.table) ? { table: db.table } : {}),
      ...(db && str(db.column) ? { column: db.column } : {}),
      ...(db && str(db.routine) ? { routine: db.routine } : {}),
      stack: framesOf(err.stack),
    };
  }
  if (!(value instanceof Error)) {
    // A plain object logged as `err` (e.g. a response-schema mismatch's message and issues): kept as given; the
    // written line is still redacted.
    return value;
  }
  return {
    type: typeof err.name === 'string' ? err.name : 'Error',
    message: typeof err.message === 'string' ? err.message : '',
    stack: typeof err.stack === 'string' ? err.stack : undefined,
    ...(typeof err.code === 'string' || typeof err.code === 'number' ? { code: err.code } : {}),
    ...(typeof err.statusCode === 'number' ? { statusCode: err.statusCode } : {}),
    ...(err.cause !== undefined && depth < 3 ? { cause: serializeError(err.cause, depth + 1) } : {}),
  };
}

interface RequestLike {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
}

/**
 * The codes in links and letters (a remiss key, a co-owner's signing link, a neighbour's consent link, a hearing
 * letter's code) never reach a log line: a remiss key is its body's only credential, and the others say who was
 * asked about which case.
 */
const LINK_CODE =
  /(\/(?:api\/consultations|remiss|api\/signatures|underskrift|api\/consents|medgivande|api\/hearings|underrattelse)\/)[A-Za-z0-9_-]{8,64}(?=\/|$)/;

export function serializeRequest(req: RequestLike) {
  const url = req.url ?? '';
  const q = url.indexOf('?');
  return {
    method: req.method,
    url: (q === -1 ? url : url.slice(0, q)).replace(LINK_CODE, '$1[redacted]'),
    ...(q === -1 ? {} : { query: '[redacted]' }),
    host: req.host,
    remoteAddress: req.ip,
  };
}

type LoggerOption = FastifyServerOptions['logger'];

/**
 * The server's logger options with the safe serializers and the line redaction added. buildApp applies this
 * to whatever logger it is given, so the server and the tests log through the same rules.
 */
export function safeLogger(logger: LoggerOption): LoggerOption {
  if (!logger) return false;
  const base =
    logger === true ? {} : (logger as Exclude<LoggerOption, boolean | undefined> & { hooks?: Record<string, unknown> });
  return {
    ...base,
    serializers: { ...base.serializers, err: serializeError, req: serializeRequest as never },
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    hooks: { ...base.hooks, streamWrite: redactLogLine },
  } as LoggerOption;
}
