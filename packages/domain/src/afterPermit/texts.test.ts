import { describe, expect, it } from 'vitest';
import type { AfterPermitDocumentOrder } from './commands';
import { kontrollplanFor } from './kontrollplan';
import { afterPermitDocument, afterPermitMessages, swedishDateTime } from './texts';

const facts = {
  diaryNumber: 'BN 2027-000042',
  propertyDesignation: 'Kjellstavik Eken 1:23',
  measure: { sv: 'Nytt bostadshus (en- eller tvåbostadshus)' },
  applicantName: 'Lars Lund',
  municipality: 'Kjellstavik kommun',
  kontrollplan: {
    ...kontrollplanFor('outbuilding'),
    items: kontrollplanFor('outbuilding').items.map((i, n) =>
      n === 0 ? { ...i, done: { on: '2027-03-01', by: 'L', attachmentId: null, note: null } } : i,
    ),
  },
  validity: { from: '2028-02-29', basis: 'legalForce' as const, startBy: '2030-02-28', finishBy: '2033-02-28' },
  consultation: { startsAt: '2027-07-01T07:30:00Z', place: 'Stadshuset' },
};
const order = (o: Partial<AfterPermitDocumentOrder>): AfterPermitDocumentOrder => ({
  kind: 'startbesked',
  on: '2027-02-16',
  by: { name: 'Handläggare Hanna', teamLead: false },
  conditions: [],
  remaining: [],
  text: null,
  beforeLegalForce: false,
  ...o,
});
const headings = (d: ReturnType<typeof afterPermitDocument>) => d.sections.map((s) => s.heading);

describe('after-permit documents', () => {
  it('a startbesked approves the plan, lists conditions, the lapse dates and (when early) the risk', () => {
    const d = afterPermitDocument(order({ conditions: ['Utstakning'], beforeLegalForce: true }), facts);
    expect(d.title).toBe('Startbesked');
    expect(d.subtitle).toContain('kontrollplanen är fastställd');
    expect(headings(d)).toEqual(['Beslut', 'Villkor', 'Kontrollplan', 'Upplysningar']);
    expect(d.sections[0]!.paragraphs.join(' ')).toContain('10 kap. 23 §');
    expect(d.sections[2]!.paragraphs[0]).toMatch(/^☑ .*Utfört 1 mars 2027\.$/);
    expect(d.sections[2]!.paragraphs[1]).toMatch(/^☐ /);
    const notes = d.sections[3]!.paragraphs.join(' ');
    expect(notes).toContain('inte vunnit laga kraft');
    expect(notes).toContain('28 februari 2030');
    expect(notes).toContain('28 februari 2033');
  });

  it('an interim slutbesked says what remains; a final one cites 10 kap. 34 §', () => {
    const interim = afterPermitDocument(order({ kind: 'interimSlutbesked', remaining: ['Radonmätning'] }), facts);
    expect(interim.title).toBe('Interimistiskt slutbesked');
    expect(headings(interim)).toEqual(['Beslut', 'Återstår', 'Kontrollplan', 'Hur man överklagar']);
    expect(interim.sections[0]!.paragraphs[0]).toContain('10 kap. 36 §');
    const final = afterPermitDocument(order({ kind: 'slutbesked' }), facts);
    expect(final.sections[0]!.paragraphs[0]).toContain('10 kap. 34 §');
    expect(headings(final)).not.toContain('Återstår');
  });

  it('a protocol gives the meeting’s time in Stockholm and the notes by paragraph', () => {
    const d = afterPermitDocument(order({ kind: 'consultationMinutes', text: 'Första.\n\nAndra.' }), facts);
    expect(d.title).toBe('Protokoll');
    expect(d.sections[0]!.paragraphs[1]).toBe('Tid och plats: 1 juli 2027 kl. 09:30, Stadshuset.');
    expect(d.sections[1]!.paragraphs).toEqual(['Första.', 'Andra.']);
    expect(d.signature[0]).toContain('Vid protokollet');
  });
});

describe('after-permit messages', () => {
  it('gives times in Stockholm summer and winter time', () => {
    expect(swedishDateTime('2027-01-25T08:00:00Z')).toBe('25 januari 2027 kl. 09:00');
    expect(swedishDateTime('2027-07-25T08:00:00Z')).toBe('25 juli 2027 kl. 10:00');
  });
  it('reminds of the right limit', () => {
    const m = afterPermitMessages.validityReminder({
      diaryNumber: 'BN 2027-000042',
      limit: 'finishBy',
      limitDay: '2033-02-28',
    });
    expect(m.subject).toContain('28 februari 2033');
    expect(m.body).toContain('avslutat');
    expect(m.body).toContain('9 kap. 43 §');
    // A notification's startbesked lapses by 10 kap. 25 §, not as a permit does.
    const n = afterPermitMessages.validityReminder({
      diaryNumber: 'BN 2027-000043',
      limit: 'startBy',
      limitDay: '2029-02-28',
      basis: 'startbesked',
    });
    expect(n.subject).toContain('startbeskedet');
    expect(n.body).toContain('10 kap. 25 §');
    expect(n.body).not.toContain('9 kap. 43 §');
  });
});
