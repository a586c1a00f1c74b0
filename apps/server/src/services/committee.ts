import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import {
  addDays,
  meetingDateProblem,
  CommitteeGroundSchema,
  stockholmDate,
  type CommitteeAgenda,
  type CommitteeAgendaItem,
  type CommitteeMeeting,
  type CommitteeMeetingRef,
  type MeasureType,
  type Proposal,
} from '@lovisa/domain';
import { z } from 'zod';
import type { Db, Tx } from '../db/database';
import { caseEvents, cases, committeeMeetings } from '../db/schema';
import { appError, forbidden, notFound } from '../errors';
import type { SessionUser } from '../plugins/session';
import { officerActor, teamOf } from './officerCase';

/** How far back the calendar shows held meetings, so their minutes can still be recorded. */
const HELD_MEETINGS_SHOWN_DAYS = 60;

/** The meeting a referral names, as the domain command needs it; null when the board has no such meeting. */
export async function meetingRef(db: Db | Tx, id: string): Promise<CommitteeMeetingRef | null> {
  const [m] = await db.select().from(committeeMeetings).where(eq(committeeMeetings.id, id));
  return m ? { id: m.id, date: m.meetingDate } : null;
}

const waitingFor = (meetingId: unknown) => sql`${cases.proposal} -> 'committee' ->> 'meetingId' = ${meetingId}`;

/** The board's coming meetings and those recently held, each with the team's proposals waiting for it. */
export async function meetingsOf(app: FastifyInstance, user: SessionUser): Promise<CommitteeMeeting[]> {
  const teamId = teamOf(user);
  const from = addDays(stockholmDate(app.clock()), -HELD_MEETINGS_SHOWN_DAYS);
  const meetings = await app.db
    .select()
    .from(committeeMeetings)
    .where(gte(committeeMeetings.meetingDate, from))
    .orderBy(asc(committeeMeetings.meetingDate));
  const waiting = await app.db
    .select({ meetingId: sql<string>`${cases.proposal} -> 'committee' ->> 'meetingId'`, n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(eq(cases.teamId, teamId), eq(cases.status, 'proposed'), sql`${cases.proposal} ? 'committee'`))
    .groupBy(sql`1`);
  const pending = new Map(waiting.map((w) => [w.meetingId, w.n]));
  const today = stockholmDate(app.clock());
  return meetings.map((m) => ({
    id: m.id,
    date: m.meetingDate,
    pending: pending.get(m.id) ?? 0,
    open: m.meetingDate > today,
  }));
}

/** A team lead puts a meeting in the board's calendar: a day after today, one meeting a day. */
export async function addMeeting(app: FastifyInstance, user: SessionUser, date: string): Promise<CommitteeMeeting> {
  const actor = await officerActor(app, user);
  if (!actor.teamLead) throw forbidden();
  const problem = meetingDateProblem(date, stockholmDate(app.clock()));
  if (problem) throw appError('invalidInput', problem === 'past' ? 'server.meetingInPast' : 'server.meetingClosedDay');
  const id = randomUUID();
  const inserted = await app.db
    .insert(committeeMeetings)
    .values({ id, meetingDate: date, createdByName: actor.name, createdAt: app.clock() })
    .onConflictDoNothing()
    .returning({ id: committeeMeetings.id });
  if (inserted.length === 0) throw appError('conflict', 'server.meetingExists');
  return { id, date, pending: 0, open: true };
}

const RecordedSchema = z.object({ meetingId: z.string(), paragraph: z.string() });
const DecidedDataSchema = z.object({
  outcome: z.enum(['approved', 'refused']),
  proposedBy: z.string().optional(),
  committee: z.object({ meetingId: z.string(), paragraph: z.string() }),
});
const ReferredDataSchema = z.object({
  meetingId: z.string(),
  outcome: z.enum(['approved', 'refused']),
  grounds: z.array(CommitteeGroundSchema),
});

/**
 * The meeting's agenda for the officer's team: the proposals waiting for it, and what the minutes recorded for
 * those already handled (decided, or sent back on återremiss).
 */
export async function agendaOf(app: FastifyInstance, user: SessionUser, meetingId: string): Promise<CommitteeAgenda> {
  const teamId = teamOf(user);
  const [m] = await app.db.select().from(committeeMeetings).where(eq(committeeMeetings.id, meetingId));
  if (!m) throw notFound('meeting');
  const caseColumns = {
    id: cases.id,
    diaryNumber: cases.diaryNumber,
    propertyDesignation: cases.propertyDesignation,
    measure: cases.measure,
    proposal: cases.proposal,
  };
  const waiting = await app.db
    .select(caseColumns)
    .from(cases)
    .where(and(eq(cases.teamId, teamId), eq(cases.status, 'proposed'), waitingFor(meetingId)))
    .orderBy(asc(cases.diaryNumber));
  const items: CommitteeAgendaItem[] = waiting.map((c) => {
    const p = c.proposal as Proposal;
    return {
      caseId: c.id,
      diaryNumber: c.diaryNumber,
      propertyDesignation: c.propertyDesignation,
      measure: c.measure as MeasureType,
      proposedOutcome: p.outcome === 'refused' ? 'refused' : 'approved',
      presenter: p.by.name,
      grounds: p.committee?.grounds ?? [],
      state: 'waiting',
      outcome: null,
      paragraph: null,
    };
  });
  // Handled items: the minutes' events at this meeting, with the referral that put each case there.
  const handled = await app.db
    .select({ caseId: caseEvents.caseId, type: caseEvents.type, data: caseEvents.data, ...caseColumns })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(
      and(
        eq(cases.teamId, teamId),
        inArray(caseEvents.type, ['decided', 'committeeReturned']),
        sql`coalesce(${caseEvents.data} -> 'committee' ->> 'meetingId', ${caseEvents.data} ->> 'meetingId') = ${meetingId}`,
      ),
    )
    .orderBy(asc(caseEvents.id));
  if (handled.length > 0) {
    const referrals = await app.db
      .select({ caseId: caseEvents.caseId, data: caseEvents.data })
      .from(caseEvents)
      .where(
        and(
          inArray(
            caseEvents.caseId,
            handled.map((h) => h.caseId),
          ),
          eq(caseEvents.type, 'referredToCommittee'),
          sql`${caseEvents.data} ->> 'meetingId' = ${meetingId}`,
        ),
      );
    const referralOf = new Map(referrals.map((r) => [r.caseId, ReferredDataSchema.safeParse(r.data)]));
    for (const h of handled) {
      const referral = referralOf.get(h.caseId);
      const decided = h.type === 'decided' ? DecidedDataSchema.safeParse(h.data) : null;
      const returned = h.type === 'committeeReturned' ? RecordedSchema.safeParse(h.data) : null;
      items.push({
        caseId: h.caseId,
        diaryNumber: h.diaryNumber,
        propertyDesignation: h.propertyDesignation,
        measure: h.measure as MeasureType,
        proposedOutcome: referral?.success ? referral.data.outcome : 'approved',
        presenter: decided?.success ? (decided.data.proposedBy ?? '') : '',
        grounds: referral?.success ? referral.data.grounds : [],
        state: decided ? 'decided' : 'returned',
        outcome: decided?.success ? decided.data.outcome : null,
        paragraph: decided?.success
          ? decided.data.committee.paragraph
          : returned?.success
            ? returned.data.paragraph
            : null,
      });
    }
  }
  return {
    meeting: {
      id: m.id,
      date: m.meetingDate,
      pending: waiting.length,
      open: m.meetingDate > stockholmDate(app.clock()),
    },
    board: app.config.municipality.board,
    items,
  };
}
