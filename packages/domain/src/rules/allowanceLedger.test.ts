import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  allowanceBalances,
  ledgerAdditions,
  notificationEntries,
  siteWithLedger,
  type LedgerCase,
  type LedgerEntry,
} from './allowanceLedger';
import { assessPermitNeed } from './permitNeed';
import { ruleSetFor } from './ruleSets';
import { box, house, outsidePlanSite, shed, site } from './testSupport';
import type { ExistingBuilding, Site } from './site';

const REFORM = ruleSetFor('2026-01-15')!;
const BEFORE = ruleSetFor('2025-06-01')!;

/**
 * The owner's loop: ask, get "no permit needed", save the answer to the ledger, ask again. Each saved answer is
 * then part of the site the next answer is judged on, exactly as the server does it.
 */
function askAndSave(s: Site, ledger: LedgerEntry[], footprint = box(3, 12, 3, 4)) {
  const measure = shed(footprint);
  const assessment = assessPermitNeed(measure, siteWithLedger(s, ledger), REFORM);
  for (const add of ledgerAdditions(measure, assessment, REFORM))
    ledger.push({
      id: randomUUID(),
      source: 'lovisaAnswer',
      measure: measure.type,
      ruleSetId: REFORM.id,
      recordedAt: '2026-01-15T10:00:00+01:00',
      ...add,
    });
  return assessment;
}

const remainingText = (a: ReturnType<typeof assessPermitNeed>) =>
  a.reasons.find((r) => r.code === 'ALLOWANCE_REMAINING')?.text.sv;

describe('the allowance ledger', () => {
  it('adds up three permit-free answers on one plot, and turns the fourth that exceeds the allowance into "permit"', () => {
    // 12 m² sheds, each 4.5 m or more from the boundary and near the house, on a plot inside a plan (45 m²).
    const spots = [box(5, 8, 3, 4), box(22, 8, 3, 4), box(5, 14, 3, 4), box(22, 14, 3, 4)];
    const ledger: LedgerEntry[] = [];
    const s = site();
    const answers = spots.map((f) => askAndSave(s, ledger, f));

    expect(answers.map((a) => a.outcome)).toEqual(['none', 'none', 'none', 'permit']);
    expect(answers.slice(0, 3).map(remainingText)).toEqual([
      'Du har 33 m² kvar av 45 m² för bygglovsbefriade byggnader på tomten.',
      'Du har 21 m² kvar av 45 m² för bygglovsbefriade byggnader på tomten.',
      'Du har 9 m² kvar av 45 m² för bygglovsbefriade byggnader på tomten.',
    ]);
    expect(answers[3]!.reasons.map((r) => r.code)).toContain('ALLOWANCE_EXCEEDED');
    // The refused fourth is not in the ledger: three entries, 36 m², 9 m² left.
    expect(ledger).toHaveLength(3);
    const [pott] = allowanceBalances(s, REFORM, ledger);
    expect(pott).toMatchObject({ id: 'pott', limitM2: 45, usedM2: 36, remainingM2: 9 });
  });

  it('does not count the saved answer for the very building then applied for (or asked about) again', () => {
    const ledger: LedgerEntry[] = [];
    expect(askAndSave(site(), ledger, box(5, 8, 5, 6)).outcome).toBe('none'); // 30 m², saved
    // The same 30 m² building, asked about again (e.g. when its notification is sent): still 15 m² left, not 0.
    const again = assessPermitNeed(shed(box(5, 8, 5, 6)), siteWithLedger(site(), ledger), REFORM);
    expect(again.outcome).toBe('none');
    expect(remainingText(again)).toBe('Du har 15 m² kvar av 45 m² för bygglovsbefriade byggnader på tomten.');
    // Another 30 m² building elsewhere on the plot counts the saved one: 60 m² is over the 45.
    expect(assessPermitNeed(shed(box(22, 8, 5, 6)), siteWithLedger(site(), ledger), REFORM).outcome).toBe('permit');
  });

  it('fills the allowance to the square metre: 45,00 m² is within, 45,01 m² is not', () => {
    const ledger: LedgerEntry[] = [];
    expect(askAndSave(site(), ledger, box(5, 8, 5, 6)).outcome).toBe('none'); // 30 m²
    const exact = assessPermitNeed(shed(box(22, 8, 3, 5)), siteWithLedger(site(), ledger), REFORM); // 15 m² → 45
    expect(exact.outcome).toBe('none');
    expect(remainingText(exact)).toBe('Du har 0 m² kvar av 45 m² för bygglovsbefriade byggnader på tomten.');
    const over = assessPermitNeed(shed(box(22, 8, 3, 5.0034)), siteWithLedger(site(), ledger), REFORM);
    expect(over.outcome).toBe('permit');
  });

  it('counts registered friggebodar and attefall buildings with the saved answers, per kind', () => {
    const friggebod: ExistingBuilding = { footprint: box(2, 33, 3, 3), use: 'friggebod', legalBasis: 'friggebod' };
    const s = site({ buildings: [house, friggebod] });
    const ledger: LedgerEntry[] = [];
    askAndSave(s, ledger, box(22, 8, 4, 5)); // 20 m²
    const [pott] = allowanceBalances(s, REFORM, ledger);
    expect(pott!.parts).toEqual([
      { source: 'register', legalBasis: 'friggebod', areaM2: 9 },
      { source: 'lovisaAnswer', legalBasis: 'exempt', areaM2: 20 },
    ]);
    expect(pott!.remainingM2).toBe(16);
  });

  it('has 65 m² outside a plan', () => {
    const [pott] = allowanceBalances(outsidePlanSite(), REFORM, []);
    expect(pott).toMatchObject({ limitM2: 65, usedM2: 0, remainingM2: 65 });
  });

  it('keeps the two allowances of the old rules apart', () => {
    const s = site({ buildings: [house, { footprint: box(2, 33, 3, 3), use: 'friggebod', legalBasis: 'friggebod' }] });
    const balances = allowanceBalances(s, BEFORE, []);
    expect(balances.map((b) => [b.id, b.usedM2, b.remainingM2])).toEqual([
      ['friggebod', 9, 6],
      ['attefall', 0, 30],
    ]);
  });

  it('adds nothing for a permit, nor for an extension (no allowance)', () => {
    const big = shed(box(5, 8, 6, 6)); // 36 m² > 30 m²
    expect(ledgerAdditions(big, assessPermitNeed(big, site(), REFORM), REFORM)).toEqual([]);
    const ext = { type: 'extension' as const, footprints: [box(20, 22, 3, 4)], ridgeHeightM: 3 };
    expect(ledgerAdditions(ext, assessPermitNeed(ext, site(), REFORM), REFORM)).toEqual([]);
  });
});

/** A notification Lovisa handled on the plot: a 12 m² komplementbostadshus, decided with a start approval. */
const notified = (footprint = box(5, 8, 3, 4), over: Partial<LedgerCase> = {}): LedgerCase => ({
  id: randomUUID(),
  procedure: 'notification',
  status: 'decided',
  outcome: 'startApproval',
  measure: 'smallDwelling',
  footprints: [footprint],
  decidedAt: '2026-03-02T10:00:00+01:00',
  ...over,
});

describe('earlier notifications on the ledger', () => {
  it('counts a start-approved notification as an attefall building, with its footprint and case', () => {
    const c = notified(box(5, 8, 3, 4));
    const [entry, ...rest] = notificationEntries(c, REFORM);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ source: 'notification', legalBasis: 'attefall', areaM2: 12, caseId: c.id, id: c.id });
    expect(entry!.footprint).toEqual(c.footprints[0]);
    const [pott] = allowanceBalances(site(), REFORM, [entry!]);
    expect(pott).toMatchObject({ usedM2: 12, remainingM2: 33 });
    expect(pott!.parts).toEqual([{ source: 'notification', legalBasis: 'attefall', areaM2: 12 }]);
  });

  it('gives each building of one notification an id of its own, the same every time', () => {
    const c = notified(box(5, 8, 3, 4), { footprints: [box(5, 8, 3, 4), box(22, 8, 2, 2)] });
    const ids = notificationEntries(c, REFORM).map((e) => e.id);
    expect(new Set(ids).size).toBe(2);
    expect(notificationEntries(c, REFORM).map((e) => e.id)).toEqual(ids);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id))).toBe(true);
  });

  it.each([
    ['refused', { outcome: 'refused' }],
    ['dismissed', { outcome: 'dismissed' }],
    ['withdrawn', { status: 'withdrawn', outcome: null }],
    ['still open', { status: 'received', outcome: null }],
    ['a start approval only proposed', { status: 'proposed', outcome: null }],
    ['a permit case', { procedure: 'permit', outcome: 'approved' }],
  ] as const)('adds nothing for a notification %s', (_name, over) => {
    expect(notificationEntries(notified(box(5, 8, 3, 4), over), REFORM)).toEqual([]);
  });

  it('adds nothing for an attefall extension (it draws on no allowance)', () => {
    const ext = notified(box(20, 22, 3, 4), { measure: 'extension' });
    expect(notificationEntries(ext, REFORM)).toEqual([]);
    expect(notificationEntries(ext, BEFORE)).toEqual([]);
  });

  it('counts an attefall building of the old rules against the old attefall allowance', () => {
    const [entry] = notificationEntries(notified(box(5, 8, 5, 5), { measure: 'outbuilding' }), BEFORE);
    const balances = allowanceBalances(site(), BEFORE, [entry!]);
    expect(balances.map((b) => [b.id, b.usedM2])).toEqual([
      ['friggebod', 0],
      ['attefall', 25],
    ]);
  });

  it('adds three notifications up, and turns a fourth answer that exceeds the allowance into "permit"', () => {
    const spots = [box(5, 8, 3, 4), box(22, 8, 3, 4), box(5, 14, 3, 4)];
    const ledger = spots.flatMap((f) => notificationEntries(notified(f), REFORM));
    expect(ledger).toHaveLength(3);
    const s = site();
    const [pott] = allowanceBalances(s, REFORM, ledger);
    expect(pott).toMatchObject({ limitM2: 45, usedM2: 36, remainingM2: 9 });
    const fits = assessPermitNeed(shed(box(22, 14, 3, 3)), siteWithLedger(s, ledger), REFORM); // 9 m²: exactly
    expect(fits.outcome).toBe('none');
    expect(remainingText(fits)).toBe('Du har 0 m² kvar av 45 m² för bygglovsbefriade byggnader på tomten.');
    const fourth = assessPermitNeed(shed(box(22, 14, 3, 4)), siteWithLedger(s, ledger), REFORM); // 12 m²
    expect(fourth.outcome).toBe('permit');
    expect(fourth.reasons.map((r) => r.code)).toContain('ALLOWANCE_EXCEEDED');
  });
});
