import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { CaseDetailSchema, type ApplicationSubmission } from '@lovisa/domain';
import { attachments } from './db/schema';
import { login, startHarness, submitSigned, type Harness } from './test/harness';
import { applicationFor, fixtureFacts, teamFor } from './test/fixtureFacts';
import { dbKinds } from './test/databases';
import { pdfText } from './test/pdfText';

/** Karin Berg: a protected identity in the fixtures, owner of Björken 2:5. */
const KARIN = '197908109288';

/** A small logo (a blue square with a white bar): enough to see it embedded and placed. */
function logoPng(): Buffer {
  const png = new PNG({ width: 96, height: 48 });
  for (let y = 0; y < 48; y++)
    for (let x = 0; x < 96; x++) {
      const i = (y * 96 + x) * 4;
      const bar = y > 20 && y < 28;
      png.data.set(bar ? [255, 255, 255, 255] : [29, 79, 145, 255], i);
    }
  return PNG.sync.write(png);
}

async function imagesOnFirstPage(bytes: Uint8Array): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const ops = await (await doc.getPage(1)).getOperatorList();
  return ops.fnArray.filter((f) => f === OPS.paintImageXObject).length;
}

describe.each(dbKinds)('the decision letter and the receipt (issue #18, items 6 and 8) on %s', (kind) => {
  let h: Harness;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;

  beforeAll(async () => {
    h = await startHarness(kind);
    facts = await fixtureFacts(h.registers);
  });
  afterAll(async () => {
    await h?.close();
  });

  const decide = async (caseId: string, officer: string, body: object) => {
    const read = CaseDetailSchema.parse(
      (await h.app.inject({ method: 'GET', url: `/api/officer/cases/${caseId}`, headers: { cookie: officer } })).json(),
    );
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/officer/cases/${caseId}/decision`,
      headers: { cookie: officer },
      payload: { version: read.version, ...body },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const letter = async (caseId: string, cookie: string) => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/me/cases/${caseId}/documents/decision`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    return res.rawPayload;
  };

  it('names the recipient with address, the approved documents with versions, the case’s terms, and who signs; with the configured logo', async () => {
    // The configured logo, as a town's municipality.json names it (a PNG beside it).
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lovisa-logo-'));
    await writeFile(path.join(dir, 'logo.png'), logoPng());
    const saved = { fixturesDir: h.app.config.fixturesDir, municipality: h.app.config.municipality };
    h.app.config.fixturesDir = dir;
    h.app.config.municipality = { ...saved.municipality, logo: 'logo.png' };
    try {
      const anna = await login(h, facts.applicantA);
      const oskar = await login(h, facts.officer);
      const application: ApplicationSubmission = {
        ...applicationFor(facts.propertyA),
        details: {
          ...applicationFor(facts.propertyA).details,
          kaName: 'Kim Kontroll',
          kaCertificationId: 'SC0123-45',
          kaContact: 'kim@example.se',
        },
      };
      const c = await submitSigned(h, anna, application);
      await decide(c.id, oskar, {
        outcome: 'approved',
        reason: 'Åtgärden följer detaljplanen.',
        conditions: ['Taket ska vara svart.'],
      });
      const bytes = await letter(c.id, anna);
      const text = await pdfText(bytes);
      const person = (await h.registers.population.personByPersonnummer(facts.applicantA))!;
      for (const expected of [
        // Recipient block: name and registered address.
        'Till',
        `${person.givenName} ${person.surname}`,
        person.address!.street,
        `${person.address!.postalCode} ${person.address!.city}`,
        // The documents the permit approves, each with its version.
        'Handlingar som ingår i beslutet',
        'Situationsplan',
        'Planritning',
        'Fasadritning',
        'version 1',
        // The case's own terms.
        'Innan och medan du bygger',
        'Startbesked: åtgärden får inte påbörjas förrän byggnadsnämnden har gett startbesked',
        'Kontrollansvarig: Kim Kontroll (certifiering SC0123-45)',
        'Tekniskt samråd: ett tekniskt samråd ska hållas innan startbesked ges',
        'Taket ska vara svart.',
        // Signature block: the deciding officer's name and title, for the committee.
        'Oskar Wallin',
        'Bygglovshandläggare',
        'För byggnadsnämnden i Kjellstavik kommun',
      ])
        expect(text, expected).toContain(expected);
      expect(await imagesOnFirstPage(bytes)).toBe(1);
      // Kept for a person to look at (rendered to PNG for docs/screenshots by hand: pdftoppm).
      await mkdir(path.join(process.cwd(), '.tmp'), { recursive: true });
      await writeFile(path.join(process.cwd(), '.tmp', `decision-letter-${kind}.pdf`), bytes);
    } finally {
      h.app.config.fixturesDir = saved.fixturesDir;
      h.app.config.municipality = saved.municipality;
    }
  });

  it('a protected identity’s letter carries the name only: no address, and no word of the protection; no logo configured, none drawn', async () => {
    const property = (await h.registers.land.propertyById(
      (await h.registers.ownership.propertyIdsOwnedBy(KARIN))[0]!,
    ))!;
    const team = await teamFor(h.registers, property);
    const officer = (await h.registers.staff.officers()).find((o) => o.teamId === team && o.role === 'officer')!;
    const karin = await login(h, KARIN);
    const c = await submitSigned(h, karin, applicationFor(property));
    await decide(c.id, await login(h, officer.personnummer), {
      outcome: 'refused',
      reason: 'Garaget skulle ta för stor del av tomten i anspråk.',
    });
    const bytes = await letter(c.id, karin);
    const text = await pdfText(bytes);
    const person = (await h.registers.population.personByPersonnummer(KARIN))!;
    expect(person.protectedIdentity).toBe(true);
    expect(text).toContain(`${person.givenName} ${person.surname}`);
    if (person.address) {
      expect(text).not.toContain(person.address.street);
      expect(text).not.toContain(person.address.postalCode);
    }
    expect(text).not.toMatch(/skyddad/i);
    // A refusal lists what was examined, and sets no terms for building.
    expect(text).toContain('Handlingar som prövats');
    expect(text).not.toContain('Innan och medan du bygger');
    expect(text).toContain(`${officer.givenName} ${officer.surname}`);
    expect(await imagesOnFirstPage(bytes)).toBe(0);
  });

  it('the receipt PDF holds everything sent: applicant, property, measure, answers, drawn figures, files with SHA-256, signing time', async () => {
    const anna = await login(h, facts.applicantA);
    const application: ApplicationSubmission = {
      ...applicationFor(facts.propertyA),
      details: { ...applicationFor(facts.propertyA).details, phone: '070-123 45 67' },
    };
    const c = await submitSigned(h, anna, application);
    const res = await h.app.inject({ method: 'GET', url: `/api/me/cases/${c.id}/receipt`, headers: { cookie: anna } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('attachment');
    const text = await pdfText(res.rawPayload);
    const person = (await h.registers.population.personByPersonnummer(facts.applicantA))!;
    const detail = CaseDetailSchema.parse(
      (await h.app.inject({ method: 'GET', url: `/api/me/cases/${c.id}`, headers: { cookie: anna } })).json(),
    );
    const rows = await h.app.db.select().from(attachments).where(eq(attachments.caseId, c.id));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const ring = application.footprints[0]!.geometry.coordinates[0]!;
    for (const expected of [
      'Kvitto',
      c.diaryNumber,
      `${person.givenName} ${person.surname}`,
      person.address!.street,
      facts.propertyA.designation,
      'Komplementbyggnad',
      application.details.description,
      'Nockhöjd: 3,8 m',
      'Planerad byggstart: 1 april 2027',
      'E-post: sokande@example.se',
      'Telefon: 070-123 45 67',
      'Byggnad 1: Komplementbyggnad',
      '56,0 m²',
      `(${Math.round(ring[0]![0]! * 10) / 10}; ${Math.round(ring[0]![1]! * 10) / 10})`,
      ...rows.map((r) => r.fileName),
      'skrevs under med BankID',
    ])
      expect(text, expected).toContain(expected);
    // Every file's SHA-256, whole (a long word may be cut over two lines: compare without spaces).
    const flat = text.replace(/\s+/g, '');
    for (const r of rows) expect(flat).toContain(r.sha256);
    expect(detail.attachments.length).toBe(rows.length);
    // Only the applicant: another applicant gets 404, as for any case not theirs.
    const other = await login(h, facts.applicantB);
    const theirs = await h.app.inject({
      method: 'GET',
      url: `/api/me/cases/${c.id}/receipt`,
      headers: { cookie: other },
    });
    expect(theirs.statusCode).toBe(404);
    await writeFile(path.join(process.cwd(), '.tmp', `receipt-${kind}.pdf`), res.rawPayload);
  });

  it('a protected identity’s receipt has no address', async () => {
    const property = (await h.registers.land.propertyById(
      (await h.registers.ownership.propertyIdsOwnedBy(KARIN))[0]!,
    ))!;
    const karin = await login(h, KARIN);
    const c = await submitSigned(h, karin, applicationFor(property));
    const res = await h.app.inject({ method: 'GET', url: `/api/me/cases/${c.id}/receipt`, headers: { cookie: karin } });
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    const person = (await h.registers.population.personByPersonnummer(KARIN))!;
    expect(text).toContain(`${person.givenName} ${person.surname}`);
    if (person.address) expect(text).not.toContain(person.address.street);
    expect(text).not.toMatch(/skyddad/i);
  });
});
