import { spelledDate } from '../deadline';
import { attachmentLabels, type AttachmentType } from '../attachment';
import {
  outcomeLabel,
  type CaseEvent,
  type CaseStatus,
  type DecisionOutcome,
  type MessageKind,
  type Procedure,
} from './schemas';
import { finding, findingTemplates, type FindingCode } from '../rules/findings';
import { caseConditionParagraphs, type CaseSpecificConditions, type DocumentLine } from '../decision/decisionParts';
// ---- Findings as texts ---------------------------------------------------------------------------------

/**
 * Short texts for findings whose template needs values the case's `assessed` event does not keep (it keeps
 * codes). Every template with a placeholder has one (a test checks), so no "{distance}" ever reaches a reader.
 */
const findingHeadlines: Partial<Record<FindingCode, { sv: string; en: string }>> = {
  NOT_NEAR_DWELLING: {
    sv: 'Byggnaden står inte i omedelbar närhet till bostadshuset.',
    en: 'The building is not in immediate proximity to the house.',
  },
  AREA_OVER_LIMIT: {
    sv: 'Byggnadens area är större än undantagen från bygglov tillåter.',
    en: 'The building is larger than the permit exemptions allow.',
  },
  ALLOWANCE_EXCEEDED: {
    sv: 'Tillsammans med befintliga lovfria byggnader blir ytan större än tomtens pott.',
    en: 'With existing permit-free buildings the total exceeds the plot’s allowance.',
  },
  RIDGE_OVER_LIMIT: {
    sv: 'Nockhöjden är högre än undantagen från bygglov tillåter.',
    en: 'The ridge height is above what the permit exemptions allow.',
  },
  RIDGE_ABOVE_MAIN_BUILDING: {
    sv: 'Nockhöjden är högre än huvudbyggnadens.',
    en: 'The ridge height is above the main building’s.',
  },
  NEAR_PUBLIC_LAND: {
    sv: 'Byggnaden ligger för nära gata eller annan allmän plats; grannar kan inte medge det.',
    en: 'The building is too close to a street or other public land; neighbours cannot waive it.',
  },
  NEAR_RAILWAY: { sv: 'Byggnaden ligger för nära järnvägen.', en: 'The building is too close to the railway.' },
  INSIDE_PLAN: { sv: 'Fastigheten ligger inom detaljplan.', en: 'The property is inside a detailed plan.' },
  EXEMPTION_APPLIES: {
    sv: 'Åtgärden ryms i ett undantag från bygglov.',
    en: 'The measure fits an exemption from the permit requirement.',
  },
  CONFIRM_WITH_MUNICIPALITY: {
    sv: 'Bedömningen vilar på en regel som inte är helt klarlagd: bekräfta.',
    en: 'The assessment rests on a rule that is not settled: confirm it.',
  },
  NEIGHBOUR_CONSENT: {
    sv: 'Byggnaden ligger nära tomtgränsen: alla ägare till grannfastigheten ska medge det skriftligt.',
    en: 'The building is close to the boundary: all owners of the neighbouring property must consent in writing.',
  },
  SHORELINE_DISPENSATION: {
    sv: 'Byggnaden ligger inom strandskydd: strandskyddsdispens krävs.',
    en: 'The building is inside shoreline protection: a dispensation is needed.',
  },
  PLAN_BUILDING_AREA: {
    sv: 'Byggnadsarean på tomten överskrider detaljplanens gräns.',
    en: 'The building area on the plot exceeds the plan’s limit.',
  },
  PLAN_HEIGHT: { sv: 'Nockhöjden överskrider detaljplanens gräns.', en: 'The ridge height exceeds the plan’s limit.' },
  PLAN_PRICKMARK: {
    sv: 'Byggnaden ligger delvis på prickmark, mark som inte får bebyggas.',
    en: 'Part of the building is on prickmark, land that may not be built on.',
  },
  PLAN_KORSMARK: {
    sv: 'Byggnaden ligger delvis på korsmark, där bara komplementbyggnader får stå.',
    en: 'Part of the building is on korsmark, where only outbuildings may stand.',
  },
  PLAN_BOUNDARY_DISTANCE: {
    sv: 'Byggnaden ligger närmare tomtgränsen än detaljplanen tillåter.',
    en: 'The building is closer to the boundary than the plan allows.',
  },
  PLAN_USE: { sv: 'Användningen stämmer inte med detaljplanen.', en: 'The use does not match the plan.' },
  MISSING_ATTACHMENT: { sv: 'En ritning saknas.', en: 'A drawing is missing.' },
  MISSING_NEIGHBOUR_CONSENT: { sv: 'Grannemedgivande saknas.', en: 'A neighbour’s consent is missing.' },
  INVALID_FOOTPRINT: { sv: 'Byggnadens form går inte att använda.', en: 'The building’s shape cannot be used.' },
};

export const hasPlaceholder = (template: string) => /\{\w+\}/.test(template);

/** The text of a finding code from a stored assessment, in one language; an unknown code reads as itself. */
export function findingText(code: string, lang: 'sv' | 'en'): string {
  if (!(code in findingTemplates)) return code;
  const c = code as FindingCode;
  const text = finding(c).text[lang];
  return hasPlaceholder(text) ? (findingHeadlines[c]?.[lang] ?? text.replace(/\s*\{\w+\}\s*/g, ' ').trim()) : text;
}
export const findingHeadlineCodes = () => Object.keys(findingHeadlines) as FindingCode[];

/** Where the queue flags a missing consent: the rules asked for one, or a deviation's hearing, and no GRAM came. */
export function neighbourConsentMissing(
  assessment: { conditions: string[]; advice: string[]; deviation: boolean },
  attachmentTypes: string[],
): boolean {
  const needs =
    assessment.conditions.includes('NEIGHBOUR_CONSENT') ||
    assessment.advice.includes('MISSING_NEIGHBOUR_CONSENT') ||
    assessment.deviation;
  return needs && !neighbourConsentPresent(attachmentTypes);
}

/** A neighbour's written consent (GRAM) is among the case's files: the queue's "consent present" flag. */
export const neighbourConsentPresent = (attachmentTypes: string[]): boolean => attachmentTypes.includes('GRAM');

// ---- Dates and messages ---------------------------------------------------------------------------------

/** "1 februari 2027" from "2027-02-01". */
export const swedishDate = (day: string): string => spelledDate(day, 'sv');

const weeksText = (n: number) => (n === 1 ? 'en vecka' : `${n} veckor`);

export interface MessageText {
  kind: MessageKind;
  subject: string;
  body: string;
}

/** The appeal instruction every decision carries (PBL 13 kap., förvaltningslagen 44 §), to the deciding municipality. */
export const appealTextFor = (municipality: string) =>
  `Beslutet kan överklagas till Länsstyrelsen. Skicka överklagandet till ${municipality}, byggnadsnämnden, inom tre veckor från den dag du fick del av beslutet. Skriv vilket beslut du överklagar (ange diarienumret), hur du vill att det ändras och varför. Kommunen prövar att överklagandet kommit in i rätt tid och skickar det sedan till Länsstyrelsen.`;
/**
 * The e-mail's: the case commands that write it are pure and do not know which municipality runs the server, so it
 * says "kommunen"; the decision itself (the PDF in Mina ärenden) names the configured municipality.
 */
const mailAppealText = appealTextFor('kommunen');

const feeRuleText =
  'Om kommunen inte fattar beslut i tid sänks avgiften med en femtedel för varje påbörjad vecka som tidsfristen överskrids. Begär kommunen komplettering inom tre veckor räknas tiden i stället från den dag kompletteringen kommer in. Tiden kan förlängas en gång, och då får du veta varför.';

/**
 * The texts Lovisa sends the applicant. Subjects carry only the diary number and what happened: never a
 * name, an address or a property (they may travel as plain e-mail headers).
 */
export const applicantMessages = {
  receipt: (c: {
    diaryNumber: string;
    propertyDesignation: string;
    procedure: Procedure;
    deadline: string;
  }): MessageText => ({
    kind: 'receipt',
    subject: `Ärende ${c.diaryNumber}: ansökan mottagen`,
    body: [
      `Vi har tagit emot din ${c.procedure === 'notification' ? 'anmälan' : 'ansökan om bygglov'} för ${c.propertyDesignation}. Ärendet har diarienummer ${c.diaryNumber}.`,
      `Kommunen ska fatta beslut senast ${swedishDate(c.deadline)}. ${feeRuleText}`,
      `Beslutet kan överklagas till Länsstyrelsen inom tre veckor från att du fått det; överklagandet skickas till kommunen.`,
      'Du följer ärendet i Mina ärenden.',
    ].join('\n\n'),
  }),
  completionRequest: (c: {
    diaryNumber: string;
    items: AttachmentType[];
    text: string | null;
    replyBy: string;
    restarts: boolean;
  }): MessageText => ({
    kind: 'completionRequest',
    subject: `Ärende ${c.diaryNumber}: komplettering begärd`,
    body: [
      'Din ansökan behöver kompletteras innan vi kan fatta beslut.',
      ...(c.items.length ? [`Det här saknas:\n${c.items.map((i) => `– ${attachmentLabels[i].sv}`).join('\n')}`] : []),
      ...(c.text ? [c.text] : []),
      `Skicka kompletteringen senast ${swedishDate(c.replyBy)} i Mina ärenden. Kommer den inte in kan ansökan avvisas eller prövas i befintligt skick.`,
      c.restarts
        ? 'Tiden för beslut räknas från den dag kompletteringen kommer in.'
        : 'Tiden för beslut fortsätter att löpa under tiden.',
    ].join('\n\n'),
  }),
  completionReceived: (c: { diaryNumber: string; deadline: string | null }): MessageText => ({
    kind: 'completionReceived',
    subject: `Ärende ${c.diaryNumber}: komplettering mottagen`,
    body: [
      'Tack! Vi har tagit emot din komplettering och fortsätter handläggningen.',
      ...(c.deadline ? [`Kommunen ska fatta beslut senast ${swedishDate(c.deadline)}.`] : []),
    ].join('\n\n'),
  }),
  extension: (c: { diaryNumber: string; weeks: number; reason: string; deadline: string }): MessageText => ({
    kind: 'extension',
    subject: `Ärende ${c.diaryNumber}: tiden för beslut förlängd`,
    body: [
      `Tiden för beslut har förlängts med ${weeksText(c.weeks)}. Kommunen ska nu fatta beslut senast ${swedishDate(c.deadline)}.`,
      `Skäl: ${c.reason}`,
      'Tiden kan bara förlängas en gång.',
    ].join('\n\n'),
  }),
  decision: (c: { diaryNumber: string; outcome: DecisionOutcome; procedure: Procedure }): MessageText => ({
    kind: 'decision',
    subject: `Ärende ${c.diaryNumber}: beslut fattat`,
    body: [
      `Beslut i ärende ${c.diaryNumber}: ${outcomeLabel(c.outcome, c.procedure).sv}.`,
      'Hela beslutet, med villkor eller skäl och avgift, finns som PDF i Mina ärenden.',
      mailAppealText,
    ].join('\n\n'),
  }),
  committeeReferral: (c: { diaryNumber: string; date: string }): MessageText => ({
    kind: 'committeeReferral',
    subject: `Ärende ${c.diaryNumber}: beslutas av byggnadsnämnden`,
    body: [
      `Ditt ärende ${c.diaryNumber} ska avgöras av byggnadsnämnden vid sammanträdet den ${swedishDate(c.date)}.`,
      'Du får beslutet i Mina ärenden efter sammanträdet.',
    ].join('\n\n'),
  }),
  committeeWithdrawal: (c: { diaryNumber: string; date: string }): MessageText => ({
    kind: 'committeeReferral',
    subject: `Ärende ${c.diaryNumber}: tas inte upp vid sammanträdet`,
    body: [
      `Ditt ärende ${c.diaryNumber} tas inte upp vid byggnadsnämndens sammanträde den ${swedishDate(c.date)}.`,
      'Handläggningen fortsätter. Du får besked i Mina ärenden om vad som händer härnäst.',
    ].join('\n\n'),
  }),
  startApproval: (c: { diaryNumber: string }): MessageText => ({
    kind: 'startApproval',
    subject: `Ärende ${c.diaryNumber}: startbesked`,
    body: `Du har fått startbesked i ärende ${c.diaryNumber}. Startbeskedet finns som PDF i Mina ärenden. Följ de villkor som står i beslutet.`,
  }),
  withdrawn: (c: { diaryNumber: string }): MessageText => ({
    kind: 'withdrawn',
    subject: `Ärende ${c.diaryNumber}: ansökan återkallad`,
    body: `Du har återkallat din ansökan. Ärende ${c.diaryNumber} är avslutat.`,
  }),
};

// ---- The applicant's timeline ---------------------------------------------------------------------------

export type StageKey = 'received' | 'completion' | 'handling' | 'decided' | 'withdrawn';
export interface Stage {
  key: StageKey;
  label: { sv: string; en: string };
  state: 'done' | 'current' | 'upcoming';
  /** When the stage was reached. */
  at: string | null;
}

export const stageLabels: Record<StageKey, { sv: string; en: string }> = {
  received: { sv: 'Mottagen', en: 'Received' },
  completion: { sv: 'Komplettering begärd', en: 'Completion requested' },
  handling: { sv: 'Under handläggning', en: 'Being handled' },
  decided: { sv: 'Beslut fattat', en: 'Decision made' },
  withdrawn: { sv: 'Återkallad', en: 'Withdrawn' },
};

/**
 * The plain-language steps of a case as its applicant sees them: received, (completion,) handling, decided. A made
 * decision is named by its outcome ("Bygglov beviljat", "Startbesked vägrat"), never only "Beslut fattat".
 */
export function applicantStages(c: {
  status: CaseStatus;
  receivedAt: string;
  decidedAt: string | null;
  events: CaseEvent[];
  outcome?: DecisionOutcome | null;
  procedure?: Procedure;
}): Stage[] {
  const last = (type: CaseEvent['type']) => c.events.filter((e) => e.type === type).at(-1)?.at ?? null;
  const closed = c.status === 'decided' || c.status === 'withdrawn';
  const stage = (key: StageKey, state: Stage['state'], at: string | null): Stage => ({
    key,
    label: stageLabels[key],
    state,
    at,
  });
  const stages: Stage[] = [stage('received', 'done', c.receivedAt)];
  const requested = last('completionRequested');
  if (requested) stages.push(stage('completion', c.status === 'awaitingCompletion' ? 'current' : 'done', requested));
  const handlingSince = last('completed') ?? last('assigned') ?? null;
  stages.push(
    stage('handling', closed ? 'done' : c.status === 'awaitingCompletion' ? 'upcoming' : 'current', handlingSince),
  );
  if (c.status === 'withdrawn') stages.push(stage('withdrawn', 'done', last('withdrawn')));
  else {
    const decided = stage('decided', c.status === 'decided' ? 'done' : 'upcoming', c.decidedAt);
    if (c.status === 'decided' && c.outcome) decided.label = outcomeLabel(c.outcome, c.procedure);
    stages.push(decided);
  }
  return stages;
}

// ---- The decision document ---------------------------------------------------------------------------------

export interface DecisionDocumentInput {
  kind: 'decision' | 'startApproval';
  diaryNumber: string;
  decidedOn: string;
  propertyDesignation: string;
  measure: { sv: string };
  description: string;
  applicantName: string;
  procedure: Procedure;
  outcome: DecisionOutcome;
  reason: string;
  conditions: string[];
  fee: {
    lines: { label: string; sek: number }[];
    totalSEK: number;
    reduction: number;
    overdueWeeks: number;
    payableSEK: number;
    scheduleName: string;
    example: boolean;
    /** The officer's fee decision: the sum charged instead of the schedule's, and why. */
    decided?: { totalSEK: number; reason: string } | undefined;
  } | null;
  /** Said under the fee decision when there is no fee. */
  feeNote?: string;
  decidedBy: { name: string; title: string };
  proposedBy: string | null;
  /** Decided by the board at a meeting (its name, the day, the minutes' paragraph), not by an officer. */
  committee?: { board: string; meetingDate: string; paragraph: string } | undefined;
  municipality: string;
  /** Where a granted permit is announced: the case's rule set's channel (Post- och Inrikes Tidningar before 2025-12-01). */
  announcement?: 'postOchInrikesTidningar' | 'anslagstavla';
  /** The addressee: name and, unless protected, the registered address (`recipientLines`). */
  recipient?: string[];
  /** The documents the decision rests on, with versions (`decisionDocumentList`). */
  documents?: DocumentLine[];
  /** Startbesked, kontrollansvarig, tekniskt samråd as this case needs them. */
  caseConditions?: CaseSpecificConditions;
  /** The committee, as it signs ("Byggnadsnämnden"). */
  board?: string;
}

export interface DecisionDocument {
  title: string;
  subtitle: string;
  /** The address block (empty: none known). */
  recipient?: string[];
  facts: [string, string][];
  sections: { heading: string; paragraphs: string[] }[];
  signature: string[];
  /** Who signs, under a line: the deciding officer's name and title, and for whom. */
  signatureBlock?: { name: string; title: string; on: string };
}

const sek = (n: number) => `${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')} kr`;

/** What a decision says, in Swedish, section by section; the server lays it out as a PDF. */
export function decisionDocument(d: DecisionDocumentInput): DecisionDocument {
  const what = `${d.measure.sv.toLowerCase()} på fastigheten ${d.propertyDesignation}`;
  const ruling: Record<DecisionOutcome, string> = {
    approved: `Byggnadsnämnden beviljar bygglov för ${what} enligt ansökan, med stöd av 9 kap. 31 § plan- och bygglagen (2010:900).`,
    refused:
      d.procedure === 'notification'
        ? `Byggnadsnämnden vägrar startbesked för ${what}, med stöd av 10 kap. 24 § plan- och bygglagen (2010:900).`
        : `Byggnadsnämnden avslår ansökan om bygglov för ${what}, med stöd av 9 kap. 31 § plan- och bygglagen (2010:900).`,
    dismissed: `Byggnadsnämnden avvisar ansökan om ${d.procedure === 'notification' ? 'startbesked' : 'bygglov'} för ${what}, med stöd av 9 kap. 22 § plan- och bygglagen (2010:900), eftersom den inte kompletterats inom utsatt tid.`,
    startApproval: `Byggnadsnämnden ger startbesked för ${what}, med stöd av 10 kap. 23 § plan- och bygglagen (2010:900). Åtgärden får påbörjas.`,
  };
  const subtitle = d.kind === 'startApproval' ? 'Startbesked' : outcomeLabel(d.outcome, d.procedure).sv;
  const sections: DecisionDocument['sections'] = [
    { heading: 'Beslut', paragraphs: [ruling[d.kind === 'startApproval' ? 'startApproval' : d.outcome]] },
  ];
  if (d.conditions.length > 0)
    sections.push({ heading: 'Villkor', paragraphs: d.conditions.map((c, i) => `${i + 1}. ${c}`) });
  const before = d.caseConditions ? caseConditionParagraphs(d, d.caseConditions) : [];
  if (before.length > 0) sections.push({ heading: 'Innan och medan du bygger', paragraphs: before });
  if (d.documents && d.documents.length > 0) {
    const granted = d.outcome === 'approved' || d.kind === 'startApproval';
    sections.push({
      heading: granted ? 'Handlingar som ingår i beslutet' : 'Handlingar som prövats',
      paragraphs: d.documents.map(
        (x) =>
          `${x.label}: ${x.fileName}, version ${x.version}, ${x.generated ? 'upprättad av kommunens e-tjänst' : 'inkommen'} ${swedishDate(x.receivedOn)}.`,
      ),
    });
  }
  sections.push({
    heading: d.outcome === 'approved' || d.kind === 'startApproval' ? 'Motivering' : 'Skäl för beslutet',
    paragraphs: [d.reason],
  });
  sections.push({ heading: 'Beskrivning av åtgärden', paragraphs: [d.description] });
  if (d.fee) {
    const paragraphs = d.fee.lines.map((l) => `${l.label}: ${sek(l.sek)}`);
    paragraphs.push(`Summa enligt taxan: ${sek(d.fee.totalSEK)}.`);
    if (d.fee.decided) {
      paragraphs.push(
        `Avgiften bestäms till ${sek(d.fee.decided.totalSEK)}. Skäl: ${d.fee.decided.reason.replace(/\.?$/, '.')}`,
      );
    }
    if (d.fee.reduction > 0) {
      paragraphs.push(
        `Beslutet fattades efter tidsfristen (${d.fee.overdueWeeks} påbörjade veckor). Avgiften sänks därför med ${Math.round(d.fee.reduction * 100)} procent enligt 12 kap. 8 a § plan- och bygglagen.`,
      );
    }
    paragraphs.push(`Att betala: ${sek(d.fee.payableSEK)}. Faktura skickas separat.`);
    paragraphs.push(
      `Avgiften är beräknad enligt kommunens taxa: ${d.fee.scheduleName.replace(/\.?$/, '.')}${d.fee.example ? ' Taxan är ett exempel, inte en gällande taxa.' : ''}`,
    );
    sections.push({ heading: 'Avgiftsbeslut', paragraphs });
  } else {
    sections.push({ heading: 'Avgiftsbeslut', paragraphs: [d.feeNote ?? 'Ingen avgift tas ut för detta beslut.'] });
  }
  if (d.kind === 'decision' && d.outcome === 'approved') {
    sections.push({
      heading: 'Upplysningar',
      paragraphs: [
        `Beslutet kungörs ${d.announcement === 'anslagstavla' ? `på ${d.municipality}s digitala anslagstavla` : 'i Post- och Inrikes Tidningar'} och skickas till kända sakägare. Åtgärden får påbörjas tidigast fyra veckor efter kungörelsen, och först när byggnadsnämnden gett startbesked.`,
        'Bygglovet upphör att gälla om åtgärden inte påbörjats inom två år och avslutats inom fem år från den dag beslutet vann laga kraft (9 kap. 43 § plan- och bygglagen).',
      ],
    });
  }
  sections.push({ heading: 'Hur man överklagar', paragraphs: [appealTextFor(d.municipality)] });
  return {
    title: d.kind === 'startApproval' ? 'Startbesked' : 'Beslut',
    subtitle,
    recipient: d.recipient ?? [],
    facts: [
      ['Diarienummer', d.diaryNumber],
      ['Beslutsdatum', swedishDate(d.decidedOn)],
      ['Fastighet', d.propertyDesignation],
      ['Åtgärd', d.measure.sv],
      ['Sökande', d.applicantName],
    ],
    sections,
    signature: [
      ...(d.committee
        ? [
            `Beslutet har fattats av ${d.committee.board.toLowerCase()} i ${d.municipality} vid sammanträdet den ${swedishDate(d.committee.meetingDate)}, ${d.committee.paragraph}.`,
            ...(d.proposedBy ? [`Föredragande: ${d.proposedBy}.`] : []),
          ]
        : [
            `Beslutet har fattats av ${d.decidedBy.name}, ${d.decidedBy.title}, med stöd av delegation från byggnadsnämnden i ${d.municipality}.`,
            ...(d.proposedBy ? [`Förslag till beslut: ${d.proposedBy}.`] : []),
          ]),
      `${d.municipality}, ${swedishDate(d.decidedOn)}`,
    ],
    // The board's decision goes out as an extract of its minutes, certified by the officer who recorded it.
    signatureBlock: d.committee
      ? { name: d.decidedBy.name, title: 'Rätt utdraget intygar', on: `${d.committee.board} i ${d.municipality}` }
      : {
          name: d.decidedBy.name,
          title: `${d.decidedBy.title.charAt(0).toUpperCase()}${d.decidedBy.title.slice(1)}`,
          on: `För ${(d.board ?? 'byggnadsnämnden').toLowerCase()} i ${d.municipality}`,
        },
  };
}
