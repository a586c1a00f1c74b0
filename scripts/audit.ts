/**
 * `npm audit` of the production dependencies, with an allowlist (security/audit-allowlist.json).
 *
 *   node --import tsx scripts/audit.ts [--report FILE] [--allowlist FILE] [--today YYYY-MM-DD]
 *
 * Runs `npm audit --omit=dev --json` (or reads a recorded report with --report), and fails on any high or
 * critical advisory the allowlist does not name. Exit codes:
 *   0  nothing high or critical outside the allowlist (stale entries and lower findings are listed)
 *   1  a high or critical advisory not allowlisted, or an allowlist entry past its expiry date
 *   2  the advisory endpoint could not be reached: nothing was audited (.ci/run reports this as a warning)
 *   3  the check itself could not run: npm's answer was not understood, or the allowlist is malformed
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const EXIT = { ok: 0, findings: 1, unreachable: 2, broken: 3 } as const;

export type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';
const FAILING: ReadonlySet<Severity> = new Set(['high', 'critical']);

/** One advisory against one vulnerable package, as npm's report names it. */
export interface Finding {
  package: string;
  /** npm's numeric advisory id (`via[].source`). */
  source: number | null;
  /** The GitHub advisory id (GHSA-xxxx-xxxx-xxxx), from the advisory's URL. */
  ghsa: string | null;
  url: string;
  title: string;
  severity: Severity;
  /** The vulnerable versions. */
  range: string;
}

export type AuditOutcome =
  | { kind: 'report'; findings: Finding[]; dependencies: number | null }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'unreadable'; reason: string };

const GHSA = /GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}/i;
const ghsaOf = (text: string): string | null => {
  const found = text.match(GHSA)?.[0];
  return found ? `GHSA-${found.slice(5).toLowerCase()}` : null;
};

const SeveritySchema = z.enum(['info', 'low', 'moderate', 'high', 'critical']);
/** npm 7+ `npm audit --json`, auditReportVersion 2: what this check reads of it, the rest let through. */
const AdvisorySchema = z.looseObject({
  source: z.number().int().optional(),
  name: z.string().optional(),
  dependency: z.string().optional(),
  title: z.string().default(''),
  url: z.string().default(''),
  severity: SeveritySchema,
  range: z.string().default(''),
});
const ReportSchema = z.looseObject({
  auditReportVersion: z.literal(2),
  vulnerabilities: z.record(
    z.string(),
    z.looseObject({
      name: z.string(),
      severity: SeveritySchema,
      // An advisory of this package, or the name of a vulnerable package this one depends on.
      via: z.array(z.union([z.string(), AdvisorySchema])),
    }),
  ),
  metadata: z
    .looseObject({
      dependencies: z.looseObject({ total: z.number().optional(), prod: z.number().optional() }).optional(),
    })
    .optional(),
});

/** Network failures npm reports as `{ error: { code } }` when it cannot reach the registry. */
const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'ERR_SOCKET_TIMEOUT',
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);

/** Reads what `npm audit --json` printed (and its stderr) into findings, or says why there are none. */
export function parseAuditOutput(stdout: string, stderr = ''): AuditOutcome {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    if (/audit endpoint returned an error|security\/advisories/i.test(stderr))
      return { kind: 'unreachable', reason: firstLine(stderr) };
    return { kind: 'unreadable', reason: `npm audit printed no JSON: ${firstLine(stdout || stderr) || '(nothing)'}` };
  }
  const report = ReportSchema.safeParse(json);
  if (report.success) {
    const findings = new Map<string, Finding>();
    for (const [key, vulnerability] of Object.entries(report.data.vulnerabilities)) {
      for (const via of vulnerability.via) {
        if (typeof via === 'string') continue; // reached through another package: its own entry carries the advisory
        const pkg = via.name ?? vulnerability.name ?? key;
        const finding: Finding = {
          package: pkg,
          source: via.source ?? null,
          ghsa: ghsaOf(via.url),
          url: via.url,
          title: via.title,
          severity: via.severity,
          range: via.range,
        };
        findings.set(`${pkg} ${finding.source ?? finding.url}`, finding);
      }
    }
    const deps = report.data.metadata?.dependencies;
    return { kind: 'report', findings: [...findings.values()], dependencies: deps?.prod ?? deps?.total ?? null };
  }
  const failure = unreachableReason(json, stderr);
  if (failure) return { kind: 'unreachable', reason: failure };
  const version = (json as { auditReportVersion?: unknown } | null)?.auditReportVersion;
  if (version !== undefined && version !== 2)
    return {
      kind: 'unreadable',
      reason: `unsupported npm audit report version ${String(version)} (this check reads version 2, npm 7 and later)`,
    };
  const message = (json as { error?: { summary?: string; code?: string } } | null)?.error;
  return {
    kind: 'unreadable',
    reason: `npm audit failed: ${message?.code ?? ''} ${message?.summary ?? firstLine(stdout)}`.trim(),
  };
}

/** Why npm could not get an answer from the advisory endpoint, or null if that is not what happened. */
function unreachableReason(json: unknown, stderr: string): string | null {
  if (!json || typeof json !== 'object') return null;
  const o = json as {
    statusCode?: unknown;
    message?: unknown;
    uri?: unknown;
    error?: { code?: unknown; summary?: unknown };
  };
  const uri = typeof o.uri === 'string' ? o.uri : '';
  // An HTTP error from the registry's advisory endpoint (here: a proxy answering 405 to the bulk POST).
  if (typeof o.statusCode === 'number' && o.statusCode >= 400) {
    return typeof o.message === 'string' ? o.message : `HTTP ${o.statusCode} from ${uri || 'the advisory endpoint'}`;
  }
  const code = typeof o.error?.code === 'string' ? o.error.code : '';
  if (NETWORK_CODES.has(code))
    return `${code}: ${typeof o.error?.summary === 'string' ? o.error.summary : 'the registry could not be reached'}`;
  if (uri.includes('/-/npm/v1/security/') || /audit endpoint returned an error/i.test(stderr))
    return firstLine(stderr) || `no answer from ${uri}`;
  return null;
}

const firstLine = (text: string) => text.trim().split('\n')[0]?.slice(0, 300) ?? '';

/** One allowlisted advisory: accepted for a reason, until a date. */
const AllowEntrySchema = z.strictObject({
  /** npm's advisory number, the GHSA id, or the advisory's URL (https://github.com/advisories/GHSA-…). */
  id: z.union([z.number().int().positive(), z.string().min(1).max(200)]),
  package: z.string().min(1).max(214),
  reason: z.string().trim().min(10, 'say why the advisory does not apply or cannot be fixed yet'),
  /** The last day the entry holds (YYYY-MM-DD); after it the check fails until the entry is renewed or removed. */
  expires: z.iso.date(),
});
export type AllowEntry = z.infer<typeof AllowEntrySchema>;
const AllowlistSchema = z.looseObject({ entries: z.array(AllowEntrySchema) });

/** The allowlist's entries, or the reason it cannot be used. */
export function parseAllowlist(text: string): { ok: true; entries: AllowEntry[] } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not JSON: ${(err as Error).message}` };
  }
  const parsed = AllowlistSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { ok: true, entries: parsed.data.entries };
}

export function entryMatches(entry: AllowEntry, finding: Finding): boolean {
  if (entry.package !== finding.package) return false;
  const id = String(entry.id).trim();
  if (finding.source !== null && id === String(finding.source)) return true;
  const ghsa = ghsaOf(id);
  if (ghsa && ghsa === finding.ghsa) return true;
  return id === finding.url;
}

export interface Verdict {
  exitCode: (typeof EXIT)[keyof typeof EXIT];
  /** What makes the check fail. */
  failures: string[];
  /** What someone should look at, without failing the check. */
  warnings: string[];
  /** Everything else worth printing. */
  notes: string[];
}

const describeFinding = (f: Finding) =>
  `${f.severity.toUpperCase()} ${f.package} ${f.range ? `(${f.range}) ` : ''}${f.ghsa ?? f.source ?? ''}: ${f.title}${f.url ? ` <${f.url}>` : ''}`;
const describeEntry = (e: AllowEntry) => `${e.package} ${e.id} (expires ${e.expires})`;

/** The decision: which findings fail, which entries have expired or match nothing. `today` is YYYY-MM-DD. */
export function judge(outcome: AuditOutcome, entries: AllowEntry[], today: string): Verdict {
  const failures: string[] = [];
  const warnings: string[] = [];
  const notes: string[] = [];
  // The entry holds through its expiry day; after it, it must be renewed (with a fresh reason) or removed.
  const expired = entries.filter((e) => e.expires < today);
  const live = entries.filter((e) => e.expires >= today);
  for (const e of expired)
    failures.push(`allowlist entry expired: ${describeEntry(e)} — renew it with a fresh reason, or remove it`);

  if (outcome.kind === 'unreadable') {
    return {
      exitCode: EXIT.broken,
      failures: [...failures, `the audit could not be read: ${outcome.reason}`],
      warnings,
      notes,
    };
  }
  if (outcome.kind === 'unreachable') {
    warnings.push(`the npm advisory endpoint could not be reached, so NOTHING WAS AUDITED: ${outcome.reason}`);
    return { exitCode: failures.length > 0 ? EXIT.findings : EXIT.unreachable, failures, warnings, notes };
  }

  const used = new Set<AllowEntry>();
  for (const finding of outcome.findings) {
    const entry = live.find((e) => entryMatches(e, finding));
    if (entry) used.add(entry);
    if (!FAILING.has(finding.severity))
      notes.push(`below the bar: ${describeFinding(finding)}${entry ? ' (allowlisted)' : ''}`);
    else if (entry) notes.push(`allowlisted until ${entry.expires}: ${describeFinding(finding)} — ${entry.reason}`);
    else failures.push(`not allowlisted: ${describeFinding(finding)}`);
  }
  for (const e of live)
    if (!used.has(e))
      warnings.push(`stale allowlist entry (matches no advisory any more): ${describeEntry(e)} — remove it`);
  const audited = outcome.dependencies === null ? '' : ` in ${outcome.dependencies} production dependencies`;
  notes.push(
    `${outcome.findings.length} advisories${audited}, ${outcome.findings.filter((f) => FAILING.has(f.severity)).length} high or critical`,
  );
  return { exitCode: failures.length > 0 ? EXIT.findings : EXIT.ok, failures, warnings, notes };
}

/** `npm audit --omit=dev --json` in the repository, as run in CI. */
export function runNpmAudit(cwd: string, timeoutMs = 180_000): AuditOutcome {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) {
    if ((run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT')
      return { kind: 'unreachable', reason: `npm audit got no answer within ${timeoutMs / 1000} s` };
    return { kind: 'unreadable', reason: `npm could not be run: ${run.error.message}` };
  }
  // npm exits non-zero both when it finds something and when it fails: the JSON says which.
  return parseAuditOutput(run.stdout, run.stderr);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(args: string[]): number {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const allowlistFile = option(args, '--allowlist') ?? path.join(root, 'security/audit-allowlist.json');
  const reportFile = option(args, '--report');
  const today = option(args, '--today') ?? new Date().toISOString().slice(0, 10);
  const out = (line: string) => process.stdout.write(`${line}\n`);

  let allowlist: ReturnType<typeof parseAllowlist>;
  try {
    allowlist = parseAllowlist(readFileSync(allowlistFile, 'utf8'));
  } catch (err) {
    allowlist = { ok: false, reason: (err as Error).message };
  }
  if (!allowlist.ok) {
    process.stderr.write(
      `audit: the allowlist ${path.relative(root, allowlistFile)} cannot be used: ${allowlist.reason}\n`,
    );
    return EXIT.broken;
  }
  const outcome = reportFile ? parseAuditOutput(readFileSync(reportFile, 'utf8')) : runNpmAudit(root);
  const verdict = judge(outcome, allowlist.entries, today);
  for (const n of verdict.notes) out(`audit: ${n}`);
  for (const w of verdict.warnings) process.stderr.write(`audit: WARNING: ${w}\n`);
  for (const f of verdict.failures) process.stderr.write(`audit: FAIL: ${f}\n`);
  const summary = {
    [EXIT.ok]: 'passed',
    [EXIT.findings]: 'FAILED',
    [EXIT.unreachable]: 'could not run: the advisory endpoint is unreachable (exit 2)',
    [EXIT.broken]: 'could not run (exit 3)',
  }[verdict.exitCode];
  out(`audit: ${summary}`);
  return verdict.exitCode;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
