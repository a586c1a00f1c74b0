import { z } from 'zod';
import { workingDayFrom } from '../calendar/holidays';
import { addDays } from '../rules/clock';
import type { DomainMessageId } from '../messages/sv';
import type { MeasureType } from '../measure';

const id = (messageId: DomainMessageId) => messageId;
/** The case version a change is made on (schemas.ts's CaseVersionSchema; not imported, schemas imports this file). */
const CaseVersionSchema = z.number().int().nonnegative();

/**
 * A remiss: the case sent to a body whose view the officer needs (the municipality's environment or rescue
 * unit, the traffic unit, an external authority such as Trafikverket or Länsstyrelsen) with a question and a
 * reply-by day. The body answers through a link of its own (no BankID: a unit's mailbox answers, not a person).
 */
export const ConsultationInputSchema = z.object({
  version: CaseVersionSchema,
  consultee: z
    .string({ error: id('form.consultation.consultee') })
    .trim()
    .min(2, id('form.consultation.consultee'))
    .max(200, id('form.consultation.consultee')),
  email: z.email({ error: id('form.consultation.email') }).max(254, id('form.consultation.email')),
  question: z
    .string({ error: id('form.consultation.question') })
    .trim()
    .min(5, id('form.consultation.question'))
    .max(4000, id('form.consultation.questionTooLong')),
  replyBy: z.iso.date({ error: id('form.replyBy.invalid') }),
});
export type ConsultationInput = z.infer<typeof ConsultationInputSchema>;

export const ConsultationAnswerKindSchema = z.enum(['noObjection', 'comments']);
export type ConsultationAnswerKind = z.infer<typeof ConsultationAnswerKindSchema>;

export const ConsultationAnswerInputSchema = z
  .object({
    kind: ConsultationAnswerKindSchema,
    text: z.string().trim().max(8000, id('form.consultation.answerTooLong')).optional(),
    /** Who answers for the body: a name and role, as a letter would be signed. */
    answeredBy: z
      .string({ error: id('form.consultation.answeredBy') })
      .trim()
      .min(2, id('form.consultation.answeredBy'))
      .max(200, id('form.consultation.answeredBy')),
  })
  .refine((a) => a.kind === 'noObjection' || (a.text?.length ?? 0) > 0, {
    message: id('form.consultation.commentsMissing'),
    path: ['text'],
  });
export type ConsultationAnswerInput = z.infer<typeof ConsultationAnswerInputSchema>;

export const ConsultationAnswerSchema = z.object({
  kind: ConsultationAnswerKindSchema,
  text: z.string().nullable(),
  answeredBy: z.string(),
  answeredAt: z.iso.datetime({ offset: true }),
});

/** A remiss as the officer follows it. */
export const ConsultationViewSchema = z.object({
  id: z.uuid(),
  consultee: z.string(),
  email: z.string(),
  question: z.string(),
  replyBy: z.iso.date(),
  sentAt: z.iso.datetime({ offset: true }),
  sentBy: z.string(),
  answer: ConsultationAnswerSchema.nullable(),
  /** Past its reply-by day without an answer. */
  overdue: z.boolean(),
  remindedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ConsultationView = z.infer<typeof ConsultationViewSchema>;

/** What the consultee's link opens: the case as far as the question needs it, never the applicant's identity number. */
export const ConsulteeViewSchema = z.object({
  consultee: z.string(),
  diaryNumber: z.string(),
  propertyDesignation: z.string(),
  measure: z.object({ sv: z.string(), en: z.string() }),
  description: z.string(),
  question: z.string(),
  replyBy: z.iso.date(),
  sentBy: z.string(),
  documents: z.array(z.object({ id: z.uuid(), type: z.string(), fileName: z.string() })),
  answer: ConsultationAnswerSchema.nullable(),
  mayAnswer: z.boolean(),
});
export type ConsulteeView = z.infer<typeof ConsulteeViewSchema>;

/** Reply time offered first: three weeks, moved to a working day (lag (1930:173)). */
export const DEFAULT_CONSULTATION_DAYS = 21;
export const consultationReplyBounds = (today: string) => ({
  minReplyBy: workingDayFrom(addDays(today, 1)),
  defaultReplyBy: workingDayFrom(addDays(today, DEFAULT_CONSULTATION_DAYS)),
});

/** When an unanswered remiss is reminded: two days before its reply-by day, once. */
export const CONSULTATION_REMINDER_DAYS_BEFORE = 2;
export function consultationReminderDue(
  c: { replyBy: string; answered: boolean; reminded: boolean },
  today: string,
): boolean {
  return !c.answered && !c.reminded && addDays(c.replyBy, -CONSULTATION_REMINDER_DAYS_BEFORE) <= today;
}

/**
 * A body the municipality sends remisser to (municipality.json → `consultees`): its name as the officer picks it,
 * the address the remiss link goes to, and what it is usually asked about.
 */
export const ConsulteeBodySchema = z.object({
  name: z.string().trim().min(2).max(120),
  email: z.email().nullable().default(null),
  why: z.object({ sv: z.string().trim().min(2).max(200), en: z.string().trim().min(2).max(200) }),
});
export type ConsulteeBody = z.infer<typeof ConsulteeBodySchema>;

/**
 * Bodies a building case is commonly sent to, for the officer to pick from, when the municipality configured none;
 * without addresses (each municipality has its own). Which one fits is the officer's judgement.
 */
export const commonConsultees: readonly ConsulteeBody[] = [
  {
    name: 'Miljö- och hälsoskyddsenheten',
    email: null,
    why: { sv: 'avlopp, buller, strandskydd', en: 'sewage, noise, shore protection' },
  },
  { name: 'Räddningstjänsten', email: null, why: { sv: 'brandskydd, framkomlighet', en: 'fire safety, access' } },
  { name: 'Trafikenheten', email: null, why: { sv: 'utfart, sikt, parkering', en: 'exit, visibility, parking' } },
  {
    name: 'Trafikverket',
    email: null,
    why: { sv: 'nära statlig väg eller järnväg', en: 'near a state road or railway' },
  },
  {
    name: 'Länsstyrelsen',
    email: null,
    why: { sv: 'kulturmiljö, riksintressen', en: 'cultural heritage, national interests' },
  },
  {
    name: 'Försvarsmakten',
    email: null,
    why: { sv: 'riksintresse för totalförsvaret', en: 'national interest of total defence' },
  },
];

/**
 * Which of the rules engine's findings on the site call for which body's view: the shore (strandskydd,
 * miljöbalken 7 kap.), a railway, a valuable built environment, a total-defence interest, and a new house
 * outside a plan (its own water and sewage).
 */
const siteReasons: {
  finding: string;
  measures?: readonly MeasureType[];
  name: string;
  why: ConsulteeBody['why'];
}[] = [
  {
    finding: 'SHORELINE_DISPENSATION',
    name: 'Miljö- och hälsoskyddsenheten',
    why: { sv: 'byggnaden ligger inom strandskyddat område', en: 'the building lies within shore protection' },
  },
  {
    finding: 'NEAR_RAILWAY',
    name: 'Trafikverket',
    why: { sv: 'byggnaden ligger nära järnvägen', en: 'the building lies near the railway' },
  },
  {
    finding: 'CULTURAL_HERITAGE',
    name: 'Länsstyrelsen',
    why: { sv: 'särskilt värdefull bebyggelsemiljö', en: 'an especially valuable built environment' },
  },
  {
    finding: 'DEFENCE_INTEREST',
    name: 'Försvarsmakten',
    why: { sv: 'riksintresse för totalförsvaret', en: 'a national interest of total defence' },
  },
  {
    finding: 'OUTSIDE_PLAN',
    measures: ['newMainBuilding', 'smallDwelling'],
    name: 'Miljö- och hälsoskyddsenheten',
    why: {
      sv: 'nytt hus utanför detaljplan: eget vatten och avlopp',
      en: 'a new house outside a plan: its own water and sewage',
    },
  },
  {
    finding: 'RURAL',
    measures: ['newMainBuilding', 'smallDwelling'],
    name: 'Miljö- och hälsoskyddsenheten',
    why: {
      sv: 'nytt hus utanför detaljplan: eget vatten och avlopp',
      en: 'a new house outside a plan: its own water and sewage',
    },
  },
];

/** The bodies the case's site suggests, from its assessment at receipt: one entry per body, its reasons joined. */
export function suggestedConsultees(
  assessment: { reasons: readonly string[]; conditions: readonly string[] } | null,
  measure: MeasureType,
  bodies: readonly ConsulteeBody[] = commonConsultees,
): ConsulteeBody[] {
  if (!assessment) return [];
  const found = new Set([...assessment.reasons, ...assessment.conditions]);
  const email = (name: string) => bodies.find((b) => b.name === name)?.email ?? null;
  const byName = new Map<string, ConsulteeBody>();
  for (const r of siteReasons) {
    if (!found.has(r.finding) || (r.measures && !r.measures.includes(measure))) continue;
    const had = byName.get(r.name);
    if (had?.why.sv.includes(r.why.sv)) continue;
    byName.set(
      r.name,
      had
        ? { ...had, why: { sv: `${had.why.sv}; ${r.why.sv}`, en: `${had.why.en}; ${r.why.en}` } }
        : { name: r.name, email: email(r.name), why: r.why },
    );
  }
  return [...byName.values()];
}
