import { z } from 'zod';
import { workingDayFrom } from '../calendar/holidays';
import { FootprintSchema } from '../application';
import { MultiPolygonSchema } from '../geometry';
import { addDays } from '../rules/clock';
import type { RuleSet } from '../rules/ruleSet';
import type { DomainMessageId } from '../messages/sv';
import { SakagareDeliverySchema } from '../neighbours/sakagare';

/**
 * The neighbour hearing (grannhörande, PBL 9 kap. 25 §): before a lov that deviates from the plan is granted,
 * the sakägare get a letter (underrättelse) with the documents and a reply-by day, and may answer online
 * (BankID) or on paper, which staff register. The 10-week clock runs on meanwhile (9 kap. 27 §).
 */
export const HearingAnswerKindSchema = z.enum(['noObjection', 'objection', 'comment']);
export type HearingAnswerKind = z.infer<typeof HearingAnswerKindSchema>;
export const HearingChannelSchema = z.enum(['online', 'paper']);
export type HearingChannel = z.infer<typeof HearingChannelSchema>;

export const HearingAnswerSchema = z.object({
  kind: HearingAnswerKindSchema,
  text: z.string().nullable(),
  channel: HearingChannelSchema,
  /** When Lovisa recorded it. */
  at: z.iso.datetime({ offset: true }),
  /** A paper answer: the day the letter reached the municipality. */
  receivedOn: z.iso.date().nullable(),
  /** A paper answer: the officer who registered it. */
  recordedBy: z.string().nullable(),
});
export type HearingAnswer = z.infer<typeof HearingAnswerSchema>;

/** One sakägare heard: an owner of a property near the site (co-owners are each a party). */
export const HearingPartySchema = z.object({
  id: z.uuid(),
  propertyId: z.uuid(),
  designation: z.string(),
  relation: z.enum(['adjoining', 'nearby']),
  personnummer: z.string(),
  /** Null for a protected identity: every face says "Skyddad identitet", and no address is ever kept here. */
  name: z.string().nullable(),
  protectedIdentity: z.boolean(),
  share: z.string(),
  delivery: SakagareDeliverySchema,
  answer: HearingAnswerSchema.nullable(),
});
export type HearingParty = z.infer<typeof HearingPartySchema>;

export const HearingSchema = z.object({
  startedAt: z.iso.datetime({ offset: true }),
  startedBy: z.string(),
  /** The last day to answer: a working day, at least the rule set's minimum after the letter. */
  replyBy: z.iso.date(),
  closedOn: z.iso.date().nullable(),
  parties: z.array(HearingPartySchema),
});
export type Hearing = z.infer<typeof HearingSchema>;

export const hearingRunning = (h: Hearing | null | undefined): h is Hearing => !!h && h.closedOn === null;

/** The reply-by days an officer may pick on `today`: the earliest allowed and the one offered first. */
export function hearingReplyBounds(
  today: string,
  ruleSet: Pick<RuleSet, 'hearing'>,
): { minReplyBy: string; defaultReplyBy: string } {
  return {
    // Reply-by days are working days (lag (1930:173)): never a weekend, holiday or holiday eve.
    minReplyBy: workingDayFrom(addDays(today, ruleSet.hearing.minReplyDays.value)),
    defaultReplyBy: workingDayFrom(addDays(today, ruleSet.hearing.defaultReplyDays.value)),
  };
}

/** A hearing may close on its reply-by day, or earlier once every party has answered. */
export function hearingMayClose(h: Hearing, today: string): boolean {
  return h.closedOn === null && (today >= h.replyBy || h.parties.every((p) => p.answer !== null));
}

/**
 * Whether a party may still answer on `today`: online until the reply-by day (inclusive), on paper (staff)
 * until the hearing is closed (a letter posted in time may arrive a day late).
 */
export function hearingOpenFor(h: Hearing, channel: HearingChannel, today: string): boolean {
  if (h.closedOn !== null) return false;
  return channel === 'paper' || today <= h.replyBy;
}

// --- API shapes -----------------------------------------------------------------------------------------

const id = (messageId: DomainMessageId) => messageId;

export const HearingStartInputSchema = z.object({
  version: z.number().int().nonnegative(),
  replyBy: z.iso.date({ error: id('form.replyBy.invalid') }),
  /** The chosen sakägare properties (from GET …/sakagare); every registered owner of each is heard. */
  propertyIds: z.array(z.uuid()).min(1, id('form.hearing.noParties')).max(50),
});
export type HearingStartInput = z.infer<typeof HearingStartInputSchema>;

const AnswerTextSchema = z.string().trim().max(4000, id('form.hearing.text.tooLong'));

export const HearingPaperAnswerInputSchema = z.object({
  version: z.number().int().nonnegative(),
  partyId: z.uuid(),
  kind: HearingAnswerKindSchema,
  text: AnswerTextSchema.optional(),
  receivedOn: z.iso.date({ error: id('form.hearing.receivedOn.invalid') }),
});
export type HearingPaperAnswerInput = z.infer<typeof HearingPaperAnswerInputSchema>;

export const HearingOnlineAnswerInputSchema = z.object({
  kind: HearingAnswerKindSchema,
  text: AnswerTextSchema.optional(),
});
export type HearingOnlineAnswerInput = z.infer<typeof HearingOnlineAnswerInputSchema>;

export const HearingCloseInputSchema = z.object({ version: z.number().int().nonnegative() });

/** A party as the officer's console shows it: no address ever, the personnummer masked. */
export const HearingPartyViewSchema = HearingPartySchema.omit({ personnummer: true }).extend({
  personnummer: z.string(),
  /** The letter's PDF: `GET /api/officer/cases/:id/hearing/letters/:partyId`. */
  letterSentOn: z.iso.date().nullable(),
});
export const HearingViewSchema = HearingSchema.omit({ parties: true }).extend({
  parties: z.array(HearingPartyViewSchema),
  running: z.boolean(),
  mayClose: z.boolean(),
});
export type HearingView = z.infer<typeof HearingViewSchema>;

/** What the neighbour sees after opening their letter's code: only what they were sent. */
export const NeighbourHearingViewSchema = z.object({
  diaryNumber: z.string(),
  propertyDesignation: z.string(),
  /** The neighbour's own property, the reason they were asked. */
  yourProperty: z.string(),
  measureDescription: z.string(),
  applicantName: z.string(),
  replyBy: z.iso.date(),
  running: z.boolean(),
  mayAnswer: z.boolean(),
  /** The deviations from the plan, as the rules engine found them on receipt. */
  deviations: z.array(z.object({ sv: z.string(), en: z.string() })),
  /** The drawn buildings (GeoJSON in SWEREF 99 TM) and the site's boundary, for the read-only map. */
  footprints: z.array(FootprintSchema),
  siteBoundary: MultiPolygonSchema.nullable(),
  documents: z.array(z.object({ id: z.uuid(), type: z.string(), fileName: z.string() })),
  answer: HearingAnswerSchema.nullable(),
});
export type NeighbourHearingView = z.infer<typeof NeighbourHearingViewSchema>;
