import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  maskPersonnummer,
  measureLabels,
  stockholmDate,
  type ApplicationSubmission,
  type CaseActor,
  type CaseAssessment,
  type Hearing,
  type HearingParty,
  type HearingStartInput,
  type HearingView,
  type MeasureType,
  type SakagareProperty,
  hearingMayClose,
  hearingRunning,
} from '@lovisa/domain';
import { renderDecision } from '../decision/renderDecision';
import { letterhead } from '../decision/issue';
import { appError, notFound } from '../errors';
import { contentDisposition } from '../http/contentDisposition';
import { sha256 } from '../plugins/session';
import type { CaseRow } from '../repositories/cases';
import { letterOfParty, lettersOfCase, storeLetters, type HearingLetterRow } from '../repositories/hearings';
import { runCaseCommand } from './caseCommands';
import { sakagareOf } from './sakagare';

/** The sakägare the registers propose for a case: owners near the site, never the applicant. */
export function proposedSakagare(app: FastifyInstance, row: CaseRow): Promise<SakagareProperty[]> {
  return sakagareOf(app.registers, row.propertyId, [row.applicantPersonnummer], app.config.sakagareDistanceM);
}

// Crockford's base32 without I, L, O, U: a code read off paper is typed without mix-ups.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A letter's code: 12 characters (60 bits), shown as XXXX-XXXX-XXXX. */
export function newLetterCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}
/** What a typed code is looked up by: case and dashes folded, only its SHA-256 is stored. */
export const letterCodeHash = (code: string) =>
  sha256(
    code
      .toUpperCase()
      .replace(/[^0-9A-Z]/g, '')
      .replace(/[IL]/g, '1')
      .replace(/O/g, '0'),
  );

/** The deviations from the plan as the rules engine wrote them on receipt (the plan rules that failed). */
export function deviationTexts(assessment: CaseAssessment | null): { sv: string; en: string }[] {
  return assessment?.texts?.deviations ?? [];
}

interface LetterFacts {
  row: CaseRow;
  party: Omit<HearingParty, 'answer'>;
  replyBy: string;
  code: string;
  origin: string;
  deviations: string[];
  sentOn: string;
  /** The configured municipality and its committee, who send the letter. */
  sender: { municipality: string; board: string };
}

/** The underrättelse to one party as a PDF (the decision's layout and fonts). */
async function renderLetter(f: LetterFacts): Promise<Uint8Array> {
  const { municipality: MUNICIPALITY, board: BOARD } = f.sender;
  const application = f.row.application as ApplicationSubmission;
  const measure = measureLabels[f.row.measure as MeasureType].sv.toLowerCase();
  const to = f.party.name ?? 'Skyddad identitet (brevet vidarebefordras av Skatteverket)';
  return renderDecision(
    {
      title: 'Underrättelse',
      subtitle: 'Tillfälle att yttra sig över en ansökan om bygglov',
      facts: [
        ['Till', to],
        ['Din fastighet', f.party.designation],
        ['Diarienummer', f.row.diaryNumber],
        ['Ansökan gäller', f.row.propertyDesignation],
        ['Sökande', f.row.applicantName],
        ['Åtgärd', `${measureLabels[f.row.measure as MeasureType].sv}: ${application.details.description}`],
        ['Sista svarsdag', f.replyBy],
      ],
      sections: [
        {
          heading: 'Varför du får detta brev',
          paragraphs: [
            `${f.row.applicantName} har ansökt om bygglov för ${measure} på ${f.row.propertyDesignation}. Åtgärden avviker från detaljplanen. Som ägare till ${f.party.designation} får du tillfälle att yttra dig innan byggnadsnämnden beslutar (plan- och bygglagen 9 kap. 25 §).`,
          ],
        },
        { heading: 'Avvikelser från detaljplanen', paragraphs: f.deviations.length ? f.deviations : ['Se ansökan.'] },
        {
          heading: 'Så svarar du',
          paragraphs: [
            `Digitalt: gå till ${f.origin}/underrattelse, logga in med BankID och ange koden ${f.code}. Där ser du ritningen och handlingarna.`,
            `Med post: skriv till ${BOARD}, ${MUNICIPALITY}, och ange diarienummer ${f.row.diaryNumber}.`,
            `Svara senast ${f.replyBy}. Om du inte svarar kan nämnden avgöra ärendet ändå. Du kan svara att du inte har något att invända, att du invänder, eller lämna synpunkter.`,
          ],
        },
      ],
      signature: [`${BOARD}, ${MUNICIPALITY}`, `Skickat ${f.sentOn}`],
    },
    { ...f.sender, diaryNumber: f.row.diaryNumber, date: f.sentOn },
  );
}

/**
 * Starts the hearing: every registered owner of each chosen property is a party, each gets a letter with a code
 * of their own; the command, the hearing and the letters are stored in one transaction.
 */
export async function startHearing(
  app: FastifyInstance,
  row: CaseRow,
  input: HearingStartInput,
  actor: CaseActor,
  ctx: { origin: string; assessment: CaseAssessment | null },
): Promise<CaseRow> {
  const proposed = await proposedSakagare(app, row);
  const chosen = proposed.filter((p) => input.propertyIds.includes(p.propertyId));
  if (chosen.length !== new Set(input.propertyIds).size)
    throw appError('invalidInput', 'case.problem.HEARING_NO_PARTIES', undefined, [
      { path: 'propertyIds', message: 'Välj bland de föreslagna sakägarna.', messageId: 'form.hearing.noParties' },
    ]);
  const parties = chosen.flatMap((p) =>
    p.owners.map((o) => ({
      id: randomUUID(),
      propertyId: p.propertyId,
      designation: p.designation,
      relation: p.relation,
      personnummer: o.personnummer,
      name: o.protectedIdentity ? null : o.name,
      protectedIdentity: o.protectedIdentity,
      share: o.share,
      delivery: o.delivery,
    })),
  );
  const sentOn = stockholmDate(app.clock());
  const deviations = deviationTexts(ctx.assessment).map((t) => t.sv);
  return app.db.transaction(async (tx) => {
    const changed = await runCaseCommand(
      app,
      row,
      { type: 'startHearing', version: input.version, replyBy: input.replyBy, parties },
      actor,
      tx,
    );
    const letters: HearingLetterRow[] = [];
    for (const party of parties) {
      const code = newLetterCode();
      const pdf = await renderLetter({
        row,
        party,
        replyBy: input.replyBy,
        code,
        origin: ctx.origin,
        deviations,
        sentOn,
        sender: letterhead(app),
      });
      const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      letters.push({
        codeHash: letterCodeHash(code),
        caseId: row.id,
        partyId: party.id,
        delivery: party.delivery,
        sentOn,
        fileName: `Underrättelse ${row.diaryNumber} ${party.designation}.pdf`,
        size: bytes.length,
        sha256: await app.attachmentStore.put(bytes),
      });
    }
    await storeLetters(tx, row.id, letters);
    return changed;
  });
}

/** The hearing as the officer's console shows it: every party's letter and answer, no address, masked numbers. */
export async function hearingView(
  app: FastifyInstance,
  row: CaseRow,
  hearing: Hearing | null,
  today: string,
): Promise<HearingView | null> {
  if (!hearing) return null;
  const letters = new Map((await lettersOfCase(app.db, row.id)).map((l) => [l.partyId, l]));
  return {
    ...hearing,
    running: hearingRunning(hearing),
    mayClose: hearingMayClose(hearing, today),
    parties: hearing.parties.map((p) => ({
      ...p,
      personnummer: maskPersonnummer(p.personnummer),
      letterSentOn: letters.get(p.id)?.sentOn ?? null,
    })),
  };
}

/** One party's letter as a PDF download. */
export async function sendLetter(app: FastifyInstance, reply: FastifyReply, caseId: string, partyId: string) {
  const letter = await letterOfParty(app.db, caseId, partyId);
  const bytes = letter && (await app.attachmentStore.get(letter.sha256));
  if (!letter || !bytes) throw notFound('document');
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', contentDisposition('attachment', letter.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(bytes);
}
