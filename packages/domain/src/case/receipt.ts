import { polygonArea } from '@lovisa/geo';
import type { ApplicationSubmission } from '../application';
import { attachmentLabels, type AttachmentType } from '../attachment';
import { measureLabels } from '../measure';
import { stockholmDate } from '../deadline';
import { swedishDate, type DecisionDocument } from './texts';

/**
 * The receipt as a document (issue #18, item 6): a copy of everything the applicant sent, so they can keep it
 * and check what the municipality got — who applied, for which property, what, every answer, each drawn building
 * with its corners, every file with its SHA-256 checksum, and when and how it was signed. Laid out by the same
 * renderer as a decision.
 */
export interface ReceiptInput {
  diaryNumber: string;
  receivedAt: string;
  decisionDeadline: string;
  signedAt: string | null;
  applicant: { name: string; addressLines: string[] };
  propertyDesignation: string;
  application: ApplicationSubmission;
  files: { type: AttachmentType; fileName: string; size: number; sha256: string; generated: boolean }[];
  municipality: string;
}

const swedishTime = (at: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }).format(
    new Date(at),
  );
const number = (n: number, digits = 1) => n.toFixed(digits).replace('.', ',');
const bytes = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} kB` : `${number(n / 1048576)} MB`;

export function receiptDocument(r: ReceiptInput): DecisionDocument {
  const d = r.application.details;
  const answers: string[] = [
    `Beskrivning: ${d.description}`,
    `Nockhöjd: ${number(d.ridgeHeightM)} m`,
    ...(d.grossFloorAreaM2 !== undefined ? [`Bruttoarea: ${number(d.grossFloorAreaM2)} m²`] : []),
    `Planerad byggstart: ${swedishDate(d.plannedStart)}`,
    `E-post: ${d.email?.trim() || '–'}`,
    `Telefon: ${d.phone?.trim() || '–'}`,
  ];
  if (d.kaName?.trim())
    answers.push(
      `Kontrollansvarig: ${d.kaName.trim()}${d.kaCertificationId?.trim() ? `, certifiering ${d.kaCertificationId.trim()}` : ''}${d.kaContact?.trim() ? `, ${d.kaContact.trim()}` : ''}`,
    );
  const figures = r.application.footprints.map((f, i) => {
    const ring = f.geometry.coordinates[0] ?? [];
    const corners = ring
      .slice(0, -1)
      .map(([e, n]) => `(${Math.round(e! * 10) / 10}; ${Math.round(n! * 10) / 10})`)
      .join(', ');
    return `Byggnad ${i + 1}: ${measureLabels[f.measure].sv}, ${number(polygonArea(f.geometry))} m². Hörn (SWEREF 99 TM, öst; nord): ${corners}.`;
  });
  const files = r.files.map(
    (f) =>
      `${attachmentLabels[f.type].sv}: ${f.fileName} (${bytes(f.size)}${f.generated ? ', upprättad av e-tjänsten' : ''}). SHA-256: ${f.sha256}`,
  );
  return {
    title: 'Kvitto',
    subtitle: 'Din ansökan, som den skickades',
    recipient: r.applicant.addressLines,
    facts: [
      ['Diarienummer', r.diaryNumber],
      ['Mottagen', `${swedishDate(stockholmDate(new Date(r.receivedAt)))} kl. ${swedishTime(r.receivedAt)}`],
      ['Sökande', r.applicant.name],
      ['Fastighet', r.propertyDesignation],
      ['Åtgärd', measureLabels[r.application.measure].sv],
      ['Beslut senast', swedishDate(r.decisionDeadline)],
    ],
    sections: [
      { heading: 'Dina uppgifter', paragraphs: answers },
      { heading: 'Det du ritade på kartan', paragraphs: figures },
      {
        heading: 'Bifogade handlingar',
        paragraphs: files.length > 0 ? files : ['Inga handlingar bifogades.'],
      },
      {
        heading: 'Kontrollsummor',
        paragraphs: [
          'SHA-256 är ett fingeravtryck av varje fil. Är fingeravtrycket av din egen fil detsamma, är det exakt den filen kommunen fick.',
        ],
      },
    ],
    signature: [
      r.signedAt
        ? `Ansökan skrevs under med BankID av ${r.applicant.name} den ${swedishDate(stockholmDate(new Date(r.signedAt)))} kl. ${swedishTime(r.signedAt)}.`
        : 'Ansökan togs emot utan elektronisk underskrift.',
      `${r.municipality} tog emot ansökan och gav den diarienummer ${r.diaryNumber}.`,
    ],
  };
}
