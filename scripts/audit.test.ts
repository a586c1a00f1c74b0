import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  EXIT,
  entryMatches,
  judge,
  parseAllowlist,
  parseAuditOutput,
  type AllowEntry,
  type AuditOutcome,
  type Finding,
} from './audit';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => path.join(here, 'audit-fixtures', name);
const read = (name: string) => readFileSync(fixture(name), 'utf8');
const report = (name: string) => {
  const outcome = parseAuditOutput(read(name));
  if (outcome.kind !== 'report') throw new Error(`${name}: ${outcome.kind}`);
  return outcome;
};
const TODAY = '2026-11-30';
const entry = (over: Partial<AllowEntry> = {}): AllowEntry => ({
  id: 'GHSA-hrpp-h998-j3pp',
  package: 'qs',
  reason: 'qs is only reached by the dev server here; no untrusted query strings reach it.',
  expires: '2027-01-31',
  ...over,
});

describe('reading npm audit --json (auditReportVersion 2)', () => {
  it('finds each package’s own advisories, not the packages that only depend on them', () => {
    const { findings, dependencies } = report('findings.json');
    expect(dependencies).toBe(212);
    const summary = findings.map((f) => `${f.severity} ${f.package} ${f.ghsa} ${f.source}`).sort();
    expect(summary).toEqual([
      'critical form-data GHSA-fjxv-7rqg-78g4 1106506',
      'high body-parser GHSA-qwcr-r2fm-qrc7 1099520',
      'high qs GHSA-hrpp-h998-j3pp 1090193',
      'low cookie GHSA-pxg6-pf52-xh8x 1103907',
      // express is "high" only through body-parser and qs; its own advisory is moderate.
      'moderate express GHSA-rv95-896h-c2vc 1096820',
    ]);
    const qs = findings.find((f) => f.package === 'qs')!;
    expect(qs).toMatchObject({
      url: 'https://github.com/advisories/GHSA-hrpp-h998-j3pp',
      range: '>=6.7.0 <6.7.3',
      title: 'qs vulnerable to Prototype Pollution',
    });
  });

  it('reads a clean report as no findings', () => {
    expect(report('clean.json')).toEqual({ kind: 'report', findings: [], dependencies: 212 });
  });

  it('tells an unreachable advisory endpoint apart: the 405 recorded here, and no network at all', () => {
    const recorded = parseAuditOutput(
      read('unreachable-405.json'),
      'npm warn audit 405 Method Not Allowed - POST …\nnpm error audit endpoint returned an error\n',
    );
    expect(recorded).toEqual({
      kind: 'unreachable',
      reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
    expect(parseAuditOutput(read('unreachable-network.json'))).toMatchObject({
      kind: 'unreachable',
      reason: expect.stringMatching(/^ENOTFOUND: request to https:\/\/registry.npmjs.org/),
    });
    // npm printed nothing usable on stdout but said on stderr what failed.
    expect(parseAuditOutput('', 'npm error audit endpoint returned an error')).toMatchObject({ kind: 'unreachable' });
  });

  it('says when it cannot read what npm printed, rather than passing', () => {
    expect(parseAuditOutput(read('no-lockfile.json'))).toEqual({
      kind: 'unreadable',
      reason: 'npm audit failed: ENOLOCK This command requires an existing lockfile.',
    });
    expect(parseAuditOutput('not json')).toMatchObject({ kind: 'unreadable' });
    expect(parseAuditOutput('')).toMatchObject({ kind: 'unreadable' });
    // npm 6's format (advisories by number, no auditReportVersion 2) is not silently read as "nothing found".
    expect(parseAuditOutput(JSON.stringify({ advisories: { '1': {} }, metadata: {} }))).toMatchObject({
      kind: 'unreadable',
    });
    expect(parseAuditOutput(JSON.stringify({ auditReportVersion: 3, vulnerabilities: {} }))).toMatchObject({
      kind: 'unreadable',
      reason: expect.stringContaining('version 3'),
    });
    // A report whose advisories are not as documented is not a clean report either.
    expect(
      parseAuditOutput(
        JSON.stringify({ auditReportVersion: 2, vulnerabilities: { qs: { name: 'qs', severity: 'severe', via: [] } } }),
      ),
    ).toMatchObject({ kind: 'unreadable' });
  });
});

describe('the allowlist', () => {
  it('matches by npm advisory number, GHSA id (any case) or advisory URL, and only for the named package', () => {
    const qs = report('findings.json').findings.find((f) => f.package === 'qs')!;
    expect(entryMatches(entry(), qs)).toBe(true);
    expect(entryMatches(entry({ id: 'ghsa-HRPP-h998-j3pp' }), qs)).toBe(true);
    expect(entryMatches(entry({ id: 'https://github.com/advisories/GHSA-hrpp-h998-j3pp' }), qs)).toBe(true);
    expect(entryMatches(entry({ id: 1090193 }), qs)).toBe(true);
    expect(entryMatches(entry({ id: '1090193' }), qs)).toBe(true);
    expect(entryMatches(entry({ package: 'body-parser' }), qs)).toBe(false);
    expect(entryMatches(entry({ id: 'GHSA-qwcr-r2fm-qrc7' }), qs)).toBe(false);
    expect(entryMatches(entry({ id: 1099520 }), qs)).toBe(false);
  });

  it('is checked: every entry needs an id, the package, a reason and an ISO expiry date', () => {
    expect(parseAllowlist(readFileSync(path.join(here, '..', 'security', 'audit-allowlist.json'), 'utf8'))).toEqual({
      ok: true,
      entries: [],
    });
    expect(parseAllowlist(JSON.stringify({ entries: [entry()] }))).toEqual({ ok: true, entries: [entry()] });
    const bad = (e: object) => parseAllowlist(JSON.stringify({ entries: [e] }));
    expect(bad({ ...entry(), expires: '31/01/2027' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('entries.0.expires'),
    });
    expect(bad({ ...entry(), expires: '2027-02-30' })).toMatchObject({ ok: false });
    expect(bad({ ...entry(), reason: 'ok' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('entries.0.reason'),
    });
    expect(bad({ id: entry().id, reason: entry().reason, expires: entry().expires })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('package'),
    });
    expect(bad({ ...entry(), until: '2027-01-01' })).toMatchObject({ ok: false }); // a misspelt field is not ignored
    expect(parseAllowlist('[]')).toMatchObject({ ok: false });
    expect(parseAllowlist('{')).toMatchObject({ ok: false, reason: expect.stringContaining('not JSON') });
  });
});

describe('the decision', () => {
  const findings = () => report('findings.json');

  it('fails on every high or critical advisory not allowlisted, and only on those', () => {
    const v = judge(findings(), [], TODAY);
    expect(v.exitCode).toBe(EXIT.findings);
    expect(v.failures).toEqual([
      'not allowlisted: HIGH body-parser (<1.20.3) GHSA-qwcr-r2fm-qrc7: body-parser vulnerable to denial of service when url encoding is enabled <https://github.com/advisories/GHSA-qwcr-r2fm-qrc7>',
      expect.stringMatching(/^not allowlisted: CRITICAL form-data .*GHSA-fjxv-7rqg-78g4/),
      expect.stringMatching(/^not allowlisted: HIGH qs .*GHSA-hrpp-h998-j3pp/),
    ]);
    // The moderate and the low one are listed, not failed.
    expect(v.notes.filter((n) => n.startsWith('below the bar'))).toHaveLength(2);
    expect(v.notes.at(-1)).toBe('5 advisories in 212 production dependencies, 3 high or critical');
  });

  it('passes when every high and critical one is allowlisted, and shows why each is accepted', () => {
    const entries = [
      entry(),
      entry({ id: 'GHSA-qwcr-r2fm-qrc7', package: 'body-parser' }),
      entry({ id: 1106506, package: 'form-data', expires: TODAY }),
    ];
    const v = judge(findings(), entries, TODAY);
    expect(v).toMatchObject({ exitCode: EXIT.ok, failures: [], warnings: [] });
    expect(v.notes).toContain(
      `allowlisted until 2027-01-31: HIGH qs (>=6.7.0 <6.7.3) GHSA-hrpp-h998-j3pp: qs vulnerable to Prototype Pollution <https://github.com/advisories/GHSA-hrpp-h998-j3pp> — ${entry().reason}`,
    );
  });

  it('fails on an expired entry (the day after its date), and the advisory it covered fails again', () => {
    const expired = entry({ expires: '2026-11-29' });
    const v = judge(
      findings(),
      [
        expired,
        entry({ id: 'GHSA-qwcr-r2fm-qrc7', package: 'body-parser' }),
        entry({ id: 1106506, package: 'form-data' }),
      ],
      TODAY,
    );
    expect(v.exitCode).toBe(EXIT.findings);
    expect(v.failures).toEqual([
      'allowlist entry expired: qs GHSA-hrpp-h998-j3pp (expires 2026-11-29) — renew it with a fresh reason, or remove it',
      expect.stringMatching(/^not allowlisted: HIGH qs /),
    ]);
    // An expired entry fails even when the advisory is gone, and even when nothing could be audited.
    expect(judge(report('clean.json'), [expired], TODAY).exitCode).toBe(EXIT.findings);
    expect(judge(parseAuditOutput(read('unreachable-405.json')), [expired], TODAY).exitCode).toBe(EXIT.findings);
  });

  it('reports an entry that matches nothing as stale, without failing', () => {
    const gone = entry({ id: 'GHSA-xxxx-xxxx-xxxx', package: 'lodash' });
    const v = judge(report('clean.json'), [gone], TODAY);
    expect(v.exitCode).toBe(EXIT.ok);
    expect(v.warnings).toEqual([
      'stale allowlist entry (matches no advisory any more): lodash GHSA-xxxx-xxxx-xxxx (expires 2027-01-31) — remove it',
    ]);
    // Allowlisting a moderate advisory is allowed, and then the entry is in use, not stale.
    expect(judge(findings(), [entry({ id: 'GHSA-rv95-896h-c2vc', package: 'express' })], TODAY).warnings).toEqual([]);
  });

  it('says plainly that nothing was audited when the endpoint is unreachable, with its own exit code', () => {
    const v = judge(parseAuditOutput(read('unreachable-405.json')), [entry()], TODAY);
    expect(v).toMatchObject({ exitCode: EXIT.unreachable, failures: [] });
    expect(v.warnings).toEqual([
      'the npm advisory endpoint could not be reached, so NOTHING WAS AUDITED: 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    ]);
    expect(judge(parseAuditOutput(read('no-lockfile.json')), [], TODAY).exitCode).toBe(EXIT.broken);
  });

  it('never lets a finding pass by its package’s severity alone', () => {
    // A critical advisory on a package npm rates lower overall still fails (the advisory's own severity counts).
    const odd: AuditOutcome = {
      kind: 'report',
      dependencies: null,
      findings: [
        {
          package: 'x',
          source: 1,
          ghsa: null,
          url: '',
          title: 't',
          severity: 'critical',
          range: '*',
        } satisfies Finding,
      ],
    };
    expect(judge(odd, [], TODAY).exitCode).toBe(EXIT.findings);
  });
});

describe('scripts/audit.ts as CI runs it', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'lovisa-audit-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const cli = (...args: string[]) => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'audit.ts'), ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: run.status, out: run.stdout + run.stderr };
  };

  it('exits 2 and says so when the endpoint is unreachable, 1 on an un-allowlisted finding, 0 when clean, 3 on a broken allowlist', () => {
    const unreachable = cli('--report', fixture('unreachable-405.json'));
    expect(unreachable.code).toBe(2);
    expect(unreachable.out).toContain('NOTHING WAS AUDITED: 405 Method Not Allowed');
    const found = cli('--report', fixture('findings.json'), '--today', TODAY);
    expect(found.code).toBe(1);
    expect(found.out).toContain('FAIL: not allowlisted: CRITICAL form-data');
    expect(cli('--report', fixture('clean.json')).code).toBe(0);
    const broken = path.join(tmp, 'allowlist.json');
    writeFileSync(broken, JSON.stringify({ entries: [{ id: 'GHSA-hrpp-h998-j3pp', package: 'qs' }] }));
    const bad = cli('--report', fixture('clean.json'), '--allowlist', broken);
    expect(bad.code).toBe(3);
    expect(bad.out).toContain('cannot be used');
  }, 60_000);
});
