import { z } from 'zod';
import { stockholmDate } from '../deadline';
import { isWorkingDay } from '../calendar/holidays';
import type { CaseActor } from '../case/commands';
import type { CaseEventType } from '../case/schemas';
import type { MessageText } from '../case/texts';
import { editKontrollplan, kontrollplanProgress, type KontrollplanItemInput } from './kontrollplan';
import {
  afterPermitApplies,
  consultationNeed,
  consultationSettled,
  startbeskedBlocker,
  startbeskedOn,
  type AfterPermitFacts,
} from './phases';
import type { AfterPermitProblem, AfterPermitProblemCode } from './problems';
import { finalSlutbesked, type AfterPermitState, type ConsultationSlot } from './state';
import { afterPermitMessages } from './texts';

/**
 * The steps after a decision as commands (the pattern of ADR 0004, for a record of its own): pure, checked in the
 * order a person wants to hear them — role, whether the step belongs to the case, the case's progress, the input,
 * and last the version. The server loads the facts, stores the change and renders the documents it orders.
 */
type Versioned<T> = T & { version: number };
export type AfterPermitCommand =
  | Versioned<{ type: 'waiveConsultation'; reason: string }>
  /** Ids are the server's (fresh UUIDs); publishing again replaces the times while none is booked. */
  | Versioned<{ type: 'publishConsultationSlots'; slots: ConsultationSlot[] }>
  | Versioned<{ type: 'bookConsultationSlot'; slotId: string }>
  | Versioned<{ type: 'recordConsultationMinutes'; heldOn: string; text: string }>
  | Versioned<{ type: 'editKontrollplan'; items: KontrollplanItemInput[] }>
  /** `attachmentId`: a file the server found on this case. */
  | Versioned<{
      type: 'tickKontrollplanItem';
      itemId: string;
      doneOn: string;
      attachmentId: string | null;
      note: string | null;
    }>
  | Versioned<{ type: 'reportWorkStarted'; startedOn: string }>
  /** The byggherre names the kontrollansvarig who ticks the plan (a personnummer already checked, and a name). */
  | Versioned<{ type: 'nameKontrollansvarig'; personnummer: string; name: string }>
  | Versioned<{ type: 'issueStartbesked'; conditions: string[]; beforeLegalForce: boolean }>
  /** The officer books an arbetsplatsbesök on a coming working day; the byggherre is told. */
  | Versioned<{ type: 'bookSiteVisit'; visitOn: string; note: string }>
  | Versioned<{ type: 'recordSiteVisit'; visitedOn: string; note: string }>
  | Versioned<{ type: 'requestSlutbesked'; note: string | null }>
  | Versioned<{ type: 'issueSlutbesked'; kind: 'interim' | 'final'; conditions: string[]; remaining: string[] }>;
export type AfterPermitCommandType = AfterPermitCommand['type'];
export const AfterPermitCommandTypeSchema = z.enum([
  'waiveConsultation',
  'publishConsultationSlots',
  'bookConsultationSlot',
  'recordConsultationMinutes',
  'editKontrollplan',
  'tickKontrollplanItem',
  'reportWorkStarted',
  'nameKontrollansvarig',
  'issueStartbesked',
  'bookSiteVisit',
  'recordSiteVisit',
  'requestSlutbesked',
  'issueSlutbesked',
]) satisfies z.ZodType<AfterPermitCommandType>;

const officerCommands: readonly AfterPermitCommandType[] = [
  'waiveConsultation',
  'publishConsultationSlots',
  'recordConsultationMinutes',
  'issueStartbesked',
  'bookSiteVisit',
  'recordSiteVisit',
  'issueSlutbesked',
];
/** The kontrollansvarig acts through the applicant's login in this increment: both are the byggherre's side. */
export const afterPermitRoleOf = (type: AfterPermitCommandType): 'officer' | 'applicant' =>
  officerCommands.includes(type) ? 'officer' : 'applicant';

/** A document the change issues: startbesked, slutbesked (or interim), or the samråd's protocol. */
export interface AfterPermitDocumentOrder {
  kind: 'startbesked' | 'slutbesked' | 'interimSlutbesked' | 'consultationMinutes';
  on: string;
  by: { name: string; teamLead: boolean };
  conditions: string[];
  remaining: string[];
  text: string | null;
  beforeLegalForce: boolean;
}

export interface AfterPermitChange {
  state: AfterPermitState;
  /** The case row's own record of a startbesked (what the queue and older views read). */
  startApproved: boolean;
  events: { type: CaseEventType; data: Record<string, unknown> }[];
  messages: MessageText[];
  documents: AfterPermitDocumentOrder[];
}

export type AfterPermitResult = { ok: true; change: AfterPermitChange } | { ok: false; problem: AfterPermitProblem };

export interface AfterPermitContext extends AfterPermitFacts {
  diaryNumber: string;
  version: number;
  state: AfterPermitState;
}

const refuse = (code: AfterPermitProblemCode, extra: Omit<AfterPermitProblem, 'code'> = {}): AfterPermitResult => ({
  ok: false,
  problem: { code, ...extra },
});

const MIN_TEXT = 5;
const texts = (xs: string[]) => xs.map((x) => x.trim()).filter((x) => x.length > 0);

export function applyAfterPermitCommand(
  ctx: AfterPermitContext,
  command: AfterPermitCommand,
  actor: CaseActor,
  now: Date,
  /** Ids for new kontrollplan items: the caller's (the server's UUIDs, a test's counter). */
  newId: () => string,
): AfterPermitResult {
  if (afterPermitRoleOf(command.type) !== actor.role) return refuse('WRONG_ROLE');
  if (!afterPermitApplies(ctx)) return refuse('NOT_APPLICABLE');
  if (finalSlutbesked(ctx.state)) return refuse('ALREADY_FINISHED');
  const result = changeOf(ctx, command, actor, now, newId);
  if (result.ok && command.version !== ctx.version) return refuse('STALE_VERSION', { path: 'version' });
  return result;
}

/** A day in the case's after-permit life: not in the future, and not before `earliest`. */
const dayOk = (day: string, earliest: string | null, today: string) => day <= today && (!earliest || day >= earliest);

function changeOf(
  ctx: AfterPermitContext,
  command: AfterPermitCommand,
  actor: CaseActor,
  now: Date,
  newId: () => string,
): AfterPermitResult {
  const today = stockholmDate(now);
  const s = ctx.state;
  const ok = (c: Omit<AfterPermitChange, 'messages' | 'documents' | 'startApproved'> & Partial<AfterPermitChange>) =>
    ({ ok: true, change: { messages: [], documents: [], startApproved: false, ...c } }) as AfterPermitResult;
  const started = startbeskedOn(ctx, s);
  const by = { name: actor.name, teamLead: actor.role === 'officer' && actor.teamLead };
  switch (command.type) {
    case 'waiveConsultation': {
      const settled = consultationProblem(ctx);
      if (settled) return refuse(settled);
      if (consultationNeed(ctx) === 'required') return refuse('CONSULTATION_REQUIRED_BY_LAW');
      const reason = command.reason.trim();
      if (reason.length < MIN_TEXT) return refuse('REASON_TOO_SHORT', { path: 'reason' });
      return ok({
        state: { ...s, consultation: { ...s.consultation, waived: { on: today, by: actor.name, reason } } },
        events: [{ type: 'consultationWaived', data: { reason } }],
      });
    }
    case 'publishConsultationSlots': {
      const settled = consultationProblem(ctx);
      if (settled) return refuse(settled);
      if (s.consultation.bookedSlotId) return refuse('CONSULTATION_ALREADY_BOOKED');
      if (command.slots.length === 0) return refuse('CONSULTATION_NO_SLOTS', { path: 'slots' });
      const past = command.slots.findIndex((x) => new Date(x.startsAt) <= now);
      if (past >= 0) return refuse('CONSULTATION_SLOT_PAST', { path: `slots.${past}.startsAt` });
      const slots = [...command.slots].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
      return ok({
        state: { ...s, consultation: { ...s.consultation, slots } },
        events: [{ type: 'consultationSlotsPublished', data: { slots: slots.length } }],
        messages: [afterPermitMessages.consultationSlots({ diaryNumber: ctx.diaryNumber, slots })],
      });
    }
    case 'bookConsultationSlot': {
      const settled = consultationProblem(ctx);
      if (settled) return refuse(settled);
      const slot = s.consultation.slots.find((x) => x.id === command.slotId);
      if (!slot) return refuse('CONSULTATION_SLOT_UNKNOWN', { path: 'slotId' });
      if (new Date(slot.startsAt) <= now) return refuse('CONSULTATION_SLOT_PAST', { path: 'slotId' });
      return ok({
        state: { ...s, consultation: { ...s.consultation, bookedSlotId: slot.id } },
        events: [{ type: 'consultationBooked', data: { startsAt: slot.startsAt, place: slot.place } }],
      });
    }
    case 'recordConsultationMinutes': {
      const settled = consultationProblem(ctx);
      if (settled) return refuse(settled);
      if (!s.consultation.bookedSlotId) return refuse('CONSULTATION_NOT_BOOKED');
      if (!dayOk(command.heldOn, ctx.decidedOn, today)) return refuse('DATE_INVALID', { path: 'heldOn' });
      const text = command.text.trim();
      if (text.length < MIN_TEXT) return refuse('REASON_TOO_SHORT', { path: 'text' });
      return ok({
        state: { ...s, consultation: { ...s.consultation, minutes: { heldOn: command.heldOn, text, by: actor.name } } },
        events: [{ type: 'consultationHeld', data: { heldOn: command.heldOn } }],
        messages: [afterPermitMessages.consultationHeld({ diaryNumber: ctx.diaryNumber })],
        documents: [
          {
            kind: 'consultationMinutes',
            on: command.heldOn,
            by,
            conditions: [],
            remaining: [],
            text,
            beforeLegalForce: false,
          },
        ],
      });
    }
    case 'editKontrollplan': {
      if (s.kontrollplan.approvedOn) return refuse('KONTROLLPLAN_LOCKED');
      const edited = editKontrollplan(s.kontrollplan, command.items, newId);
      if (!edited.ok) {
        const code = (
          {
            itemUnknown: 'KONTROLLPLAN_ITEM_UNKNOWN',
            doneItemRemoved: 'KONTROLLPLAN_DONE_ITEM_REMOVED',
            duplicateId: 'KONTROLLPLAN_DUPLICATE_ID',
          } as const
        )[edited.problem];
        return refuse(code, { path: 'items', ...(edited.itemId ? { itemId: edited.itemId } : {}) });
      }
      return ok({
        state: { ...s, kontrollplan: edited.plan },
        events: [{ type: 'kontrollplanEdited', data: { items: edited.plan.items.length } }],
      });
    }
    case 'tickKontrollplanItem': {
      if (!started) return refuse('STARTBESKED_MISSING');
      const item = s.kontrollplan.items.find((i) => i.id === command.itemId);
      if (!item) return refuse('KONTROLLPLAN_ITEM_UNKNOWN', { path: 'itemId', itemId: command.itemId });
      if (!dayOk(command.doneOn, started, today)) return refuse('DATE_INVALID', { path: 'doneOn' });
      const done = {
        on: command.doneOn,
        by: actor.name,
        attachmentId: command.attachmentId,
        note: command.note?.trim() || null,
      };
      const items = s.kontrollplan.items.map((i) => (i.id === item.id ? { ...i, done } : i));
      return ok({
        state: { ...s, kontrollplan: { ...s.kontrollplan, items } },
        events: [
          {
            type: 'kontrollplanItemDone',
            data: { item: item.id, doneOn: command.doneOn, attachment: command.attachmentId !== null },
          },
        ],
      });
    }
    case 'nameKontrollansvarig': {
      if (!ctx.kontrollansvarig) return refuse('KONTROLLANSVARIG_NOT_REQUIRED');
      const name = command.name.trim();
      if (name.length < 2) return refuse('REASON_TOO_SHORT', { path: 'name' });
      return ok({
        state: { ...s, kontrollansvarigPerson: { personnummer: command.personnummer, name } },
        // The name only: a personnummer is never written to the case's history.
        events: [{ type: 'kontrollansvarigNamed', data: { name } }],
      });
    }
    case 'reportWorkStarted':
      if (!started) return refuse('STARTBESKED_MISSING');
      if (!dayOk(command.startedOn, started, today)) return refuse('DATE_INVALID', { path: 'startedOn' });
      return ok({
        state: { ...s, startedOn: command.startedOn },
        events: [{ type: 'workStarted', data: { startedOn: command.startedOn } }],
      });
    case 'issueStartbesked': {
      const blocker = startbeskedBlocker(ctx, s, today, command.beforeLegalForce);
      if (blocker) return refuse(blocker, blocker === 'NOT_APPLICABLE' ? {} : { path: 'beforeLegalForce' });
      const conditions = texts(command.conditions);
      const beforeLegalForce = !(ctx.legalForceOn !== null && ctx.legalForceOn <= today);
      return ok({
        state: {
          ...s,
          startbesked: { on: today, by: actor.name, conditions, beforeLegalForce },
          kontrollplan: { ...s.kontrollplan, approvedOn: today },
        },
        startApproved: true,
        events: [
          {
            type: 'startApproved',
            data: { conditions, beforeLegalForce, kontrollplanItems: s.kontrollplan.items.length },
          },
        ],
        messages: [afterPermitMessages.startbesked({ diaryNumber: ctx.diaryNumber, beforeLegalForce })],
        documents: [{ kind: 'startbesked', on: today, by, conditions, remaining: [], text: null, beforeLegalForce }],
      });
    }
    case 'bookSiteVisit': {
      if (!started) return refuse('STARTBESKED_MISSING');
      if (command.visitOn <= today || !isWorkingDay(command.visitOn))
        return refuse('DATE_INVALID', { path: 'visitOn' });
      const note = command.note.trim();
      return ok({
        state: { ...s, siteVisitBooked: { on: command.visitOn, by: actor.name, note } },
        events: [{ type: 'siteVisitBooked', data: { visitOn: command.visitOn } }],
        messages: [afterPermitMessages.siteVisitBooked({ diaryNumber: ctx.diaryNumber, on: command.visitOn, note })],
      });
    }
    case 'recordSiteVisit': {
      if (!started) return refuse('STARTBESKED_MISSING');
      if (!dayOk(command.visitedOn, started, today)) return refuse('DATE_INVALID', { path: 'visitedOn' });
      const note = command.note.trim();
      if (note.length < MIN_TEXT) return refuse('REASON_TOO_SHORT', { path: 'note' });
      return ok({
        // The visit noted is the one booked, if any: the booking is done.
        state: {
          ...s,
          siteVisits: [...s.siteVisits, { on: command.visitedOn, by: actor.name, note }],
          siteVisitBooked: null,
        },
        events: [{ type: 'siteVisited', data: { visitedOn: command.visitedOn } }],
      });
    }
    case 'requestSlutbesked': {
      if (!started) return refuse('STARTBESKED_MISSING');
      if (s.finalRequest) return refuse('SLUTBESKED_ALREADY_REQUESTED');
      const progress = kontrollplanProgress(s.kontrollplan);
      return ok({
        state: { ...s, finalRequest: { on: today, note: command.note?.trim() || null } },
        events: [{ type: 'slutbeskedRequested', data: { done: progress.done, total: progress.total } }],
      });
    }
    case 'issueSlutbesked': {
      if (!s.finalRequest) return refuse('SLUTBESKED_NOT_REQUESTED');
      const remaining = texts(command.remaining);
      const left = kontrollplanProgress(s.kontrollplan).remaining;
      if (command.kind === 'final' && left.length > 0)
        return refuse('KONTROLLPLAN_INCOMPLETE', { path: 'kind', itemId: left[0]! });
      if (command.kind === 'interim' && remaining.length === 0)
        return refuse('INTERIM_NEEDS_REMAINING', { path: 'remaining' });
      const conditions = texts(command.conditions);
      const issued = {
        on: today,
        by: actor.name,
        kind: command.kind,
        conditions,
        remaining: command.kind === 'final' ? [] : remaining,
      };
      return ok({
        state: { ...s, finalRequest: null, slutbesked: [...s.slutbesked, issued] },
        events: [{ type: 'slutbeskedIssued', data: { kind: command.kind, conditions, remaining: issued.remaining } }],
        messages: [afterPermitMessages.slutbesked({ diaryNumber: ctx.diaryNumber, kind: command.kind })],
        documents: [
          {
            kind: command.kind === 'final' ? 'slutbesked' : 'interimSlutbesked',
            on: today,
            by,
            conditions,
            remaining: issued.remaining,
            text: null,
            beforeLegalForce: false,
          },
        ],
      });
    }
  }
}

/** Why the samråd cannot be changed: not part of this case, or already settled (or past, with a startbesked). */
function consultationProblem(ctx: AfterPermitContext): AfterPermitProblemCode | null {
  if (consultationNeed(ctx) === 'none') return 'NOT_APPLICABLE';
  if (consultationSettled(ctx, ctx.state) || ctx.state.startbesked) return 'CONSULTATION_SETTLED';
  return null;
}
