import { z } from 'zod';
import { MeasureTypeSchema } from '../measure';
import { addDays } from '../rules/clock';
import type { RuleSet } from '../rules/ruleSet';
import { appealLastDay, legalForce } from './legalForce';

/**
 * Notice of a decision and what follows from it: where a granted lov is announced (kungörelse), to whom the
 * decision is delivered, and the dates the records give (legal force, earliest start, lapse). Sources and their
 * uncertainty: docs/domain/notice-and-legal-force.md.
 */
export const AnnouncementChannelSchema = z.enum(['postOchInrikesTidningar', 'anslagstavla']);
export type AnnouncementChannel = z.infer<typeof AnnouncementChannelSchema>;

export const announcementChannelLabels: Record<AnnouncementChannel, { sv: string; en: string }> = {
  postOchInrikesTidningar: { sv: 'Post- och Inrikes Tidningar', en: 'Post- och Inrikes Tidningar (official gazette)' },
  anslagstavla: { sv: 'kommunens digitala anslagstavla', en: 'the municipality’s digital notice board' },
};

/** A kungörelse: where, the day it went up, and the last day it stays up (the last day to appeal for those it reaches). */
export const AnnouncementSchema = z.object({
  channel: AnnouncementChannelSchema,
  publishedOn: z.iso.date(),
  upUntil: z.iso.date(),
});
export type Announcement = z.infer<typeof AnnouncementSchema>;

/**
 * Why a party gets the decision. `service`: it is served on them (delgivning, 9 kap. 41 §: the applicant, and those
 * heard whose views were not met), and their time to appeal runs from the day they received it. `notice`: a letter
 * telling a known sakägare of the announcement (9 kap. 41 b §); their time runs from the announcement.
 */
export const DeliveryPurposeSchema = z.enum(['service', 'notice']);
/** `forwarding`: through the population register's forwarding of a protected identity's mail. */
export const DeliveryMethodSchema = z.enum(['email', 'post', 'forwarding', 'delgivning']);

export const NoticeDeliverySchema = z.object({
  id: z.uuid(),
  party: z.enum(['applicant', 'sakagare']),
  /** Null for a protected identity: every screen says "Skyddad identitet". */
  name: z.string().nullable(),
  propertyDesignation: z.string().nullable(),
  purpose: DeliveryPurposeSchema,
  method: DeliveryMethodSchema,
  sentOn: z.iso.date(),
  /** The day the party received it (delgivet); null while not known. */
  deliveredOn: z.iso.date().nullable(),
});
export type NoticeDelivery = z.infer<typeof NoticeDeliverySchema>;

/** The case's notice and legal-force facts as both faces show them (the applicant's without other parties). */
export const DecisionNoticeSchema = z.object({
  announcementRequired: z.boolean(),
  announcement: AnnouncementSchema.nullable(),
  deliveries: z.array(NoticeDeliverySchema),
  /** Last day to appeal, per delivery id, and `announcement` for everyone the announcement reaches. */
  appealEnds: z.array(z.object({ party: z.string(), lastDay: z.iso.date() })),
  /** The day the decision gains legal force unless someone appeals; null while a delivery is awaited. */
  legalForceOn: z.iso.date().nullable(),
  /** Deliveries (ids) whose service is still to be recorded: legal force waits for them. */
  waitingFor: z.array(z.uuid()),
  earliestStart: z.iso.date().nullable(),
  lapses: z.object({ startBy: z.iso.date(), finishBy: z.iso.date() }).nullable(),
  /** The dates rest on rule values the sources leave uncertain (the reform's announcement rules). */
  uncertain: z.boolean(),
});
export type DecisionNotice = z.infer<typeof DecisionNoticeSchema>;

/** A granted lov (or positive förhandsbesked) is announced (9 kap. 41 a §); a refusal or dismissal is only served. */
export function announcementRequired(d: { procedure: 'permit' | 'notification'; outcome: string | null }): boolean {
  return d.procedure === 'permit' && d.outcome === 'approved';
}

/** The announcement of a decision issued on `on`, or null when none is required; its channel is the rule set's. */
export function plannedAnnouncement(
  d: { procedure: 'permit' | 'notification'; outcome: string | null },
  on: string,
  ruleSet: RuleSet,
): Announcement | null {
  if (!announcementRequired(d)) return null;
  const rules = ruleSet.afterDecision;
  return {
    channel: rules.announcement.value,
    publishedOn: on,
    upUntil: appealLastDay(addDays(on, rules.announcementDeliveredAfterDays.value), ruleSet),
  };
}

/** Who gets the decision when it is issued: the applicant served (by e-mail that day when they gave an address); sakägare a letter. */
export function initialDeliveries(
  input: {
    applicant: { name: string; email: boolean };
    /** `served`: heard and objected, so the grant went against them: served (9 kap. 41 a §), legal force waits. */
    sakagare: { name: string | null; propertyDesignation: string; forwarding: boolean; served?: boolean }[];
    announced: boolean;
  },
  today: string,
): Omit<NoticeDelivery, 'id'>[] {
  const applicant: Omit<NoticeDelivery, 'id'> = {
    party: 'applicant',
    name: input.applicant.name,
    propertyDesignation: null,
    purpose: 'service',
    method: input.applicant.email ? 'email' : 'post',
    sentOn: today,
    deliveredOn: input.applicant.email ? today : null,
  };
  if (!input.announced) return [applicant];
  return [
    applicant,
    ...input.sakagare.map((s) => ({
      party: 'sakagare' as const,
      name: s.name,
      propertyDesignation: s.propertyDesignation,
      purpose: s.served ? ('service' as const) : ('notice' as const),
      method: s.forwarding ? ('forwarding' as const) : ('post' as const),
      sentOn: today,
      deliveredOn: null,
    })),
  ];
}

/** The dates the records give: every recorded receipt counts; a service not yet recorded holds legal force back. */
export function decisionNotice(
  input: {
    procedure: 'permit' | 'notification';
    outcome: string | null;
    announcement: Announcement | null;
    deliveries: NoticeDelivery[];
  },
  ruleSet: RuleSet,
): DecisionNotice {
  const required = announcementRequired(input);
  const waitingFor = input.deliveries.filter((d) => d.purpose === 'service' && !d.deliveredOn).map((d) => d.id);
  const f = legalForce(
    {
      announcedOn: input.announcement?.publishedOn ?? null,
      deliveries: input.deliveries.flatMap((d) => (d.deliveredOn ? [{ party: d.id, receivedOn: d.deliveredOn }] : [])),
      undelivered: waitingFor,
      announcementRequired: required,
    },
    ruleSet,
  );
  return {
    announcementRequired: required,
    announcement: input.announcement,
    deliveries: input.deliveries,
    appealEnds: f.appealEnds,
    legalForceOn: f.legalForceOn,
    waitingFor,
    earliestStart: f.earliestStart,
    lapses: f.lapses,
    uncertain: f.uncertain,
  };
}

/** The applicant's face: their own delivery and the announcement, never another party's name or dates. */
export function applicantNotice(n: DecisionNotice): DecisionNotice {
  const own = n.deliveries.filter((d) => d.party === 'applicant');
  const shown = new Set([...own.map((d) => d.id), 'announcement']);
  return {
    ...n,
    deliveries: own,
    appealEnds: n.appealEnds.filter((a) => shown.has(a.party)),
    waitingFor: n.waitingFor.filter((id) => shown.has(id)),
  };
}

/** One notice on the public anslagstavla: the property, the measure and the dates; never a person. */
export const PublicAnnouncementSchema = z.object({
  id: z.uuid(),
  diaryNumber: z.string(),
  propertyDesignation: z.string(),
  measure: MeasureTypeSchema,
  measureLabel: z.object({ sv: z.string(), en: z.string() }),
  decidedOn: z.iso.date(),
  publishedOn: z.iso.date(),
  /** The last day it is up: the last day to appeal for everyone the announcement reaches. */
  upUntil: z.iso.date(),
});
export type PublicAnnouncement = z.infer<typeof PublicAnnouncementSchema>;

export const AnnouncementQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

/** A page of the anslagstavla: which page, how many in all, and the notices on it. */
export const PublicAnnouncementPageSchema = z.object({
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  total: z.number().int().nonnegative(),
  items: z.array(PublicAnnouncementSchema),
});
export type PublicAnnouncementPage = z.infer<typeof PublicAnnouncementPageSchema>;
