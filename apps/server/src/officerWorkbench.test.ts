import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDetailSchema } from '@lovisa/domain';
import { startHarness, login, submitSigned, type Harness } from './test/harness';
import { tallGarageOn } from './test/fixtureFacts';
import { dbKinds } from './test/databases';
import { pdfText } from './test/pdfText';

const ANNA = '198202029289';
const VIKTOR = '198011169235'; // officer, Större byggprojekt
const JOHANNA = '199208182387'; // team lead, Större byggprojekt
const NOW = new Date('2026-11-23T10:00:00+01:00');
const NOTE = 'Ringde sökanden 23/11: garaget ska ha plåttak. Platsbesök behövs inte.';
const FEE_REASON = 'Åtgärden är enkel och kräver mindre handläggning än taxan förutsätter.';

/** Swedish kronor as the decision's text reads out of the PDF: "11 856 kr". */
const kr = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`;

describe.each(dbKinds)("the officer's workbench on %s: plan provisions, fee decision, notes", (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  let caseId = '';

  const inject = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
    h.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
  const officerCase = async (who = VIKTOR) =>
    CaseDetailSchema.parse((await inject('GET', `/api/officer/cases/${caseId}`, who)).json());

  beforeAll(async () => {
    h = await startHarness(kind);
    h.setNow(NOW);
    for (const p of [ANNA, VIKTOR, JOHANNA]) cookies[p] = await login(h, p);
    const eken = (await h.registers.land.propertyByDesignation('Kjellstavik Eken 1:23'))!;
    caseId = (await submitSigned(h, cookies[ANNA]!, tallGarageOn(eken))).id;
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('shows the plan provisions measured against the drawing, as the applicant saw them', async () => {
    const plan = (await officerCase()).officer!.assessment!.plan!;
    expect(plan.planNumber).toBeTruthy();
    const height = plan.rules.find((r) => r.code === 'PLAN_HEIGHT')!;
    expect(height).toMatchObject({ value: 9, limit: 7.5, unit: 'm', pass: false });
    expect(height.text.sv).toMatch(/^Nockhöjd: 9 m av högst 7[.,]5 m\.$/);
    expect(plan.rules.filter((r) => r.code !== 'PLAN_HEIGHT').every((r) => r.pass)).toBe(true);
  });

  it('prices the case by the schedule, sakägare included, and offers the fee and note forms', async () => {
    const c = await officerCase();
    const fee = c.officer!.fee!;
    expect(fee.lines.length).toBeGreaterThan(1);
    expect(fee.scheduleTotalSEK).toBe(fee.lines.reduce((s, l) => s + l.sek, 0));
    expect(fee.neighbours).toBeGreaterThan(0);
    expect(fee.areaM2).toBe(56);
    expect(fee).toMatchObject({ decision: null, totalSEK: fee.scheduleTotalSEK, reduction: 0 });
    expect(fee.payableSEK).toBe(fee.scheduleTotalSEK);
    expect(c.officer!.actions).toEqual(expect.arrayContaining(['decideFee', 'writeNote']));
    expect(c.officer!.notes).toEqual([]);
  });

  it("offers the conditions library's conditions for the measure, with the case's facts filled in", async () => {
    const res = await inject('GET', `/api/officer/cases/${caseId}/phrases`, VIKTOR);
    expect(res.statusCode).toBe(200);
    const phrases = res.json() as { id: string; text: string }[];
    const ids = phrases.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['facade-colour', 'stormwater', 'fire-wall']));
    // A new house's conditions are not offered for a garage.
    expect(ids).not.toContain('staking-out');
    expect(phrases.find((p) => p.id === 'stormwater')!.text).toContain('fastigheten Kjellstavik Eken 1:23');
    expect(res.body).not.toMatch(/\{[a-zåäö]+\}/);
  });

  it('refuses a bad fee or an empty note with the field named, and changes nothing', async () => {
    const { version } = await officerCase();
    const cases: [string, object, string][] = [
      ['fee', { version, totalSEK: -5, reason: FEE_REASON }, 'totalSEK'],
      ['fee', { version, totalSEK: 12.5, reason: FEE_REASON }, 'totalSEK'],
      ['fee', { version, totalSEK: 4000, reason: ' ' }, 'reason'],
      ['notes', { version, text: '   ' }, 'text'],
    ];
    for (const [path, body, field] of cases) {
      const res = await inject('POST', `/api/officer/cases/${caseId}/${path}`, VIKTOR, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain(`body.${field}`);
    }
    expect((await officerCase()).version).toBe(version);
  });

  it('keeps a tjänsteanteckning for the officers only', async () => {
    const { version } = await officerCase();
    const res = await inject('POST', `/api/officer/cases/${caseId}/notes`, VIKTOR, { version, text: `  ${NOTE}  ` });
    expect(res.statusCode, res.body).toBe(200);
    const notes = CaseDetailSchema.parse(res.json()).officer!.notes;
    expect(notes).toEqual([{ at: NOW.toISOString(), by: expect.stringMatching(/\S/), text: NOTE }]);
    // The same version again is a stale write: someone changed the case since it was read.
    const stale = await inject('POST', `/api/officer/cases/${caseId}/notes`, VIKTOR, { version, text: 'Igen.' });
    expect(stale.statusCode).toBe(409);
    // The applicant's view of the case has neither the note nor its event.
    const mine = await inject('GET', `/api/me/cases/${caseId}`, ANNA);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).not.toContain('plåttak');
    expect(mine.json().events.map((e: { type: string }) => e.type)).not.toContain('noteWritten');
  });

  it("puts the officer's fee decision in the decision, and closes it once a decision is proposed", async () => {
    let c = await officerCase();
    const res = await inject('POST', `/api/officer/cases/${caseId}/fee`, VIKTOR, {
      version: c.version,
      totalSEK: 4000,
      reason: FEE_REASON,
    });
    expect(res.statusCode, res.body).toBe(200);
    c = CaseDetailSchema.parse(res.json());
    expect(c.officer!.fee).toMatchObject({
      decision: { totalSEK: 4000, reason: FEE_REASON },
      totalSEK: 4000,
      payableSEK: 4000,
    });
    expect(c.officer!.fee!.scheduleTotalSEK).not.toBe(4000);

    // A refusal needs no hearing; the officer's decision on a deviation is a proposal for the team lead.
    const refusal = {
      version: c.version,
      outcome: 'refused',
      reason: 'Nockhöjden överskrider planens högsta nockhöjd.',
    };
    const proposed = await inject('POST', `/api/officer/cases/${caseId}/decision`, VIKTOR, refusal);
    expect(proposed.statusCode, proposed.body).toBe(200);
    c = CaseDetailSchema.parse(proposed.json());
    expect(c.officer!.actions).not.toContain('decideFee');
    const late = await inject('POST', `/api/officer/cases/${caseId}/fee`, VIKTOR, {
      version: c.version,
      totalSEK: 1,
      reason: FEE_REASON,
    });
    expect(late.statusCode).toBe(409);

    const preview = await inject('POST', `/api/officer/cases/${caseId}/proposal/confirm/preview`, JOHANNA, {
      version: c.version,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const text = await pdfText(preview.rawPayload);
    expect(text).toContain(`Summa enligt taxan: ${kr(c.officer!.fee!.scheduleTotalSEK)}.`);
    expect(text).toContain(`Avgiften bestäms till ${kr(4000)}. Skäl: ${FEE_REASON}`);
    expect(text).toContain(`Att betala: ${kr(4000)}.`);

    const confirmed = await inject('POST', `/api/officer/cases/${caseId}/proposal/confirm`, JOHANNA, {
      version: c.version,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const pdf = await inject('GET', `/api/officer/cases/${caseId}/documents/decision`, JOHANNA);
    expect(await pdfText(pdf.rawPayload)).toBe(text);
    // A note may still be written on a decided case.
    expect((await officerCase(JOHANNA)).officer!.actions).toContain('writeNote');
  });
});
