import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import {
  ApiErrorSchema,
  AssignInputSchema,
  CaseAssessmentSchema,
  CaseDetailSchema,
  CaseDocumentKindSchema,
  CompletionRequestInputSchema,
  DecisionInputSchema,
  ExtensionInputSchema,
  ProposalActionInputSchema,
  QueuePageSchema,
  QueueQuerySchema,
  StartApprovalInputSchema,
  allowedActions,
  applicantMessages,
  caseClock,
  caseStatusLabels,
  daysBetween,
  extensionProblem,
  extensionProblemText,
  maskPersonnummer,
  ruleSetOfCase,
  stockholmDate,
  withCompletionOrder,
  withDecision,
  type CaseAction,
  type CaseEvent,
  type CaseStatus,
  type DecisionOutcome,
  type OfficerCaseView,
  type Proposal,
} from '@lovisa/domain';
import { officers } from '../db/schema';
import { AppError, forbidden, notFound } from '../errors';
import { currentUser, noStore, requireRole, type SessionUser } from '../plugins/session';
import {
  caseDetail,
  caseEventsOf,
  caseRow,
  changeCase,
  clockFactsOf,
  completionRequestOf,
  latestDocument,
  proposalOf,
  queueOfTeam,
  type CaseRow,
} from '../repositories/cases';
import { issueDocument } from '../decision/issue';
import { contentDisposition } from './attachments';

const params = z.object({ id: z.uuid() });
const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema };

function teamOf(user: SessionUser): string {
  if (!user.teamId) throw forbidden();
  return user.teamId;
}

/** Why an action cannot be taken in the case's present state: a 409 that says so in plain words. */
function notNow(status: CaseStatus): AppError {
  if (status === 'decided') return new AppError('conflict', 'Ärendet är redan beslutat.');
  if (status === 'withdrawn') return new AppError('conflict', 'Ansökan har återkallats.');
  return new AppError('conflict', `Det går inte i ärendets nuvarande läge (${caseStatusLabels[status].sv.toLowerCase()}).`);
}

/** The building officer's console: the team's queue and the case loop. */
export default async function officerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', requireRole('officer'));
  app.addHook('onSend', noStore);

  const today = () => stockholmDate(app.clock());

  async function staffOf(user: SessionUser) {
    const [me] = await app.db.select().from(officers).where(eq(officers.personnummer, user.personnummer));
    return { personnummer: user.personnummer, name: user.name, teamLead: me?.role === 'teamLead' };
  }

  async function teamCase(user: SessionUser, id: string) {
    // A teamless officer is refused before any lookup, so the refusal says nothing about the id either.
    const teamId = teamOf(user);
    const row = await caseRow(app.db, id);
    // Another team's case answers exactly as a missing one: an id tells nobody outside the team that it exists.
    if (!row || row.teamId !== teamId) throw notFound('Ärendet');
    return row;
  }

  const lifecycle = (row: CaseRow) => {
    const facts = clockFactsOf(row);
    return {
      status: row.status as CaseStatus,
      procedure: row.procedure as 'permit' | 'notification',
      outcome: row.outcome as DecisionOutcome | null,
      replyBy: completionRequestOf(row)?.replyBy ?? null,
      extended: facts.extension !== null,
      startApproved: row.startApprovedAt !== null,
      proposalBy: proposalOf(row)?.by.personnummer ?? null,
    };
  };

  async function actionsFor(user: SessionUser, row: CaseRow): Promise<CaseAction[]> {
    const staff = await staffOf(user);
    return allowedActions(lifecycle(row), { personnummer: user.personnummer, teamLead: staff.teamLead }, today());
  }

  async function requireAction(user: SessionUser, row: CaseRow, action: CaseAction) {
    if (!(await actionsFor(user, row)).includes(action)) throw notNow(row.status as CaseStatus);
  }

  async function officerView(user: SessionUser, row: CaseRow, events: CaseEvent[]): Promise<OfficerCaseView> {
    const [staff, person, colleagues] = await Promise.all([
      staffOf(user),
      app.registers.population.personByPersonnummer(row.applicantPersonnummer),
      app.db.select().from(officers).where(eq(officers.teamId, row.teamId)).orderBy(asc(officers.name)),
    ]);
    const assessed = CaseAssessmentSchema.safeParse(events.find((e) => e.type === 'assessed')?.data);
    const routed = events.find((e) => e.type === 'routed')?.data.reason;
    const details = (row.application as { details?: { email?: string; phone?: string } }).details ?? {};
    return {
      applicant: {
        name: row.applicantName,
        personnummer: maskPersonnummer(row.applicantPersonnummer),
        // A protected identity's address is never shown; nor is the protection itself (no address, like anyone without one).
        address: person && !person.protectedIdentity && person.address ? person.address : null,
        email: details.email?.trim() || null,
        phone: details.phone?.trim() || null,
      },
      assessment: assessed.success ? assessed.data : null,
      routingReason: typeof routed === 'string' ? routed : null,
      assignedTo: row.assignedTo ? { personnummer: row.assignedTo, name: row.assignedName ?? '' } : null,
      neighbourConsentMissing: row.neighbourConsentMissing,
      proposal: proposalOf(row),
      actions: allowedActions(lifecycle(row), { personnummer: user.personnummer, teamLead: staff.teamLead }, today()),
      colleagues: colleagues.map((o) => ({ personnummer: o.personnummer, name: o.name, role: o.role === 'teamLead' ? ('teamLead' as const) : ('officer' as const) })),
      viewerIsTeamLead: staff.teamLead,
    };
  }

  async function detail(user: SessionUser, row: CaseRow) {
    const events = await caseEventsOf(app.db, row.id);
    return caseDetail(app.db, row, { today: app.clock(), face: 'officer', officer: await officerView(user, row, events), events });
  }

  /**
   * A decision, or, on a case whose assessment found a deviation from the plan, an officer's proposal that a
   * team lead must confirm (four eyes). A team lead decides directly.
   */
  async function decideOrPropose(
    user: SessionUser,
    row: CaseRow,
    version: number,
    d: { outcome: DecisionOutcome; reason: string; conditions: string[] },
    confirming: Proposal | null = null,
  ) {
    const staff = await staffOf(user);
    const at = app.clock();
    if (row.deviation && !staff.teamLead) {
      const proposal: Proposal = { ...d, by: { personnummer: user.personnummer, name: user.name }, at: at.toISOString() };
      return changeCase(app.db, {
        id: row.id,
        version,
        actor: { name: user.name },
        at,
        set: { status: 'proposed', proposal },
        events: [{ type: 'decisionProposed', data: { outcome: d.outcome, reason: d.reason, conditions: d.conditions } }],
      });
    }
    const document = await issueDocument(app, row, {
      kind: 'decision',
      outcome: d.outcome,
      reason: d.reason,
      conditions: d.conditions,
      decidedBy: { name: user.name, teamLead: staff.teamLead },
      proposedBy: confirming?.by.name ?? null,
      at,
    });
    const facts = withDecision(clockFactsOf(row), stockholmDate(at));
    const startApproval = d.outcome === 'startApproval';
    return changeCase(app.db, {
      id: row.id,
      version,
      actor: { name: user.name },
      at,
      set: {
        status: 'decided',
        outcome: d.outcome,
        decisionReason: d.reason,
        decisionConditions: d.conditions,
        decidedAt: at,
        decidedBy: user.personnummer,
        decidedByName: user.name,
        proposal: null,
        completionRequest: null,
        clock: facts,
        ...(startApproval ? { startApprovedAt: at } : {}),
      },
      events: [
        {
          type: 'decided',
          data: {
            outcome: d.outcome,
            reason: d.reason,
            conditions: d.conditions,
            feeReduction: caseClock(facts, at).feeReduction,
            ...(confirming ? { proposedBy: confirming.by.name } : {}),
            ...(staff.teamLead ? { byTeamLead: true } : {}),
          },
        },
      ],
      messages: [applicantMessages.decision({ diaryNumber: row.diaryNumber, outcome: d.outcome, procedure: row.procedure as 'permit' | 'notification' })],
      documents: [document],
    });
  }

  r.get(
    '/officer/queue',
    {
      schema: {
        tags: ['officer'],
        summary: "My team's cases (or mine, or those nobody has taken), open ones by soonest decision deadline: filters, search and pages",
        querystring: QueueQuerySchema,
        response: { 200: QueuePageSchema, 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      return queueOfTeam(app.db, teamOf(user), request.query, user.personnummer, app.clock());
    },
  );

  r.get(
    '/officer/cases/:id',
    {
      schema: {
        tags: ['officer'],
        summary: 'A case of my team: applicant, assessment, clock, attachments, timeline and what I may do',
        params,
        response: { 200: CaseDetailSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      return detail(user, await teamCase(user, request.params.id));
    },
  );

  r.post(
    '/officer/cases/:id/assign',
    {
      schema: {
        tags: ['officer'],
        summary: 'Assign the case to me, or to a colleague of my team',
        params,
        body: AssignInputSchema,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const row = await teamCase(user, request.params.id);
      await requireAction(user, row, 'assign');
      const to = request.body.officer ?? user.personnummer;
      const [target] = await app.db.select().from(officers).where(and(eq(officers.personnummer, to), eq(officers.teamId, row.teamId)));
      if (!target) throw new AppError('invalidInput', 'Handläggaren finns inte i din grupp.', [{ path: 'officer', message: 'Välj en handläggare i gruppen.' }]);
      const changed = await changeCase(app.db, {
        id: row.id,
        version: request.body.version,
        actor: { name: user.name },
        at: app.clock(),
        set: { assignedTo: target.personnummer, assignedName: target.name },
        events: [{ type: 'assigned', data: { to: target.personnummer, name: target.name, by: user.name } }],
      });
      request.log.info({ caseId: row.id }, 'case assigned');
      return detail(user, changed);
    },
  );

  r.post(
    '/officer/cases/:id/completion-request',
    {
      schema: {
        tags: ['officer'],
        summary: 'Order the applicant to complete the application (missing drawings and/or free text, a reply-by date)',
        params,
        body: CompletionRequestInputSchema,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const row = await teamCase(user, request.params.id);
      await requireAction(user, row, 'requestCompletion');
      const day = today();
      const { replyBy, version } = request.body;
      if (replyBy <= day) throw new AppError('invalidInput', 'Svarsdatumet måste ligga efter i dag.', [{ path: 'replyBy', message: 'Välj ett datum efter i dag.' }]);
      const items = [...new Set(request.body.items ?? [])];
      const text = request.body.text?.trim() || null;
      const facts = clockFactsOf(row);
      const restarts = daysBetween(facts.received, day) <= ruleSetOfCase(facts).clock.completionOrderWindowWeeks * 7;
      const at = app.clock();
      const changed = await changeCase(app.db, {
        id: row.id,
        version,
        actor: { name: user.name },
        at,
        set: { status: 'awaitingCompletion', completionRequest: { items, text, replyBy, issuedAt: at.toISOString() }, clock: withCompletionOrder(facts, day) },
        events: [{ type: 'completionRequested', data: { items, text, replyBy, restartsClock: restarts } }],
        messages: [applicantMessages.completionRequest({ diaryNumber: row.diaryNumber, items, text, replyBy, restarts })],
      });
      request.log.info({ caseId: row.id, restarts }, 'completion requested');
      return detail(user, changed);
    },
  );

  r.post(
    '/officer/cases/:id/extension',
    {
      schema: {
        tags: ['officer'],
        summary: 'Extend the decision deadline, once, with a reason, before it passes (at most 10 weeks; 4 for a notification)',
        params,
        body: ExtensionInputSchema,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const row = await teamCase(user, request.params.id);
      await requireAction(user, row, 'extendDeadline');
      const at = app.clock();
      const day = stockholmDate(at);
      const facts = clockFactsOf(row);
      const problem = extensionProblem(facts, { decidedOn: day, weeks: request.body.weeks }, at);
      if (problem === 'alreadyExtended') throw new AppError('conflict', extensionProblemText[problem]);
      if (problem) throw new AppError('invalidInput', extensionProblemText[problem], [{ path: 'weeks', message: extensionProblemText[problem] }]);
      const next = { ...facts, extension: { decidedOn: day, weeks: request.body.weeks, reason: request.body.reason } };
      const deadline = caseClock(next, at).deadline!;
      const changed = await changeCase(app.db, {
        id: row.id,
        version: request.body.version,
        actor: { name: user.name },
        at,
        set: { clock: next, decisionDeadline: deadline },
        events: [{ type: 'deadlineExtended', data: { weeks: request.body.weeks, reason: request.body.reason, deadline } }],
        messages: [applicantMessages.extension({ diaryNumber: row.diaryNumber, weeks: request.body.weeks, reason: request.body.reason, deadline })],
      });
      return detail(user, changed);
    },
  );

  r.post(
    '/officer/cases/:id/decision',
    {
      schema: {
        tags: ['officer'],
        summary:
          'Approve (with conditions), refuse (with reasons) or dismiss (after an ignored order to complete). On a case that deviates from the plan an officer proposes and a team lead confirms.',
        params,
        body: DecisionInputSchema,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const row = await teamCase(user, request.params.id);
      const { outcome, reason } = request.body;
      const conditions = request.body.conditions ?? [];
      await requireAction(user, row, outcome === 'dismissed' ? 'dismiss' : 'decide');
      if (outcome === 'approved' && row.procedure === 'notification') {
        throw new AppError('invalidInput', 'Ett anmälningsärende avslutas med startbesked, inte med bygglov.', [{ path: 'outcome', message: 'Ge startbesked i stället.' }]);
      }
      if (outcome !== 'approved' && conditions.length > 0) {
        throw new AppError('invalidInput', 'Villkor hör bara till ett beviljat lov.', [{ path: 'conditions', message: 'Ta bort villkoren eller bevilja.' }]);
      }
      const changed = await decideOrPropose(user, row, request.body.version, { outcome, reason, conditions });
      request.log.info({ caseId: row.id, outcome, status: changed.status }, changed.status === 'proposed' ? 'decision proposed' : 'case decided');
      return detail(user, changed);
    },
  );

  r.post(
    '/officer/cases/:id/proposal/confirm',
    {
      schema: {
        tags: ['officer'],
        summary: "A team lead confirms an officer's proposed decision (four eyes): the decision is made",
        params,
        body: ProposalActionInputSchema,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const row = await teamCase(user, request.params.id);
      if (!(await staffOf(user)).teamLead) throw forbidden();
      await requireAction(user, row, 'confirmProposal');
      const proposal = proposalOf(row)!;
      const changed = await decideOrPropose(user, row, request.body.version, { outcome: proposal.outcome, reason: proposal.reason, conditions: proposal.conditions }, proposal);
      request.log.info({ caseId: row.id, outcome: proposal.outcome }, 'proposal confirmed');
      return detail(user, changed);
    },
  );

  r.post(
    '/officer/cases/:id/proposal/return',
    {
      schema: {
        tags: ['officer'],
        summary: 'A team lead sends a proposed decision back to the officer, with a comment',
        params,
        body: ProposalActionInputSchema,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const row = await teamCase(user, request.params.id);
      if (!(await staffOf(user)).teamLead) throw forbidden();
      await requireAction(user, row, 'returnProposal');
      const changed = await changeCase(app.db, {
        id: row.id,
        version: request.body.version,
        actor: { name: user.name },
        at: app.clock(),
        set: { status: 'received', proposal: null },
        events: [{ type: 'proposalReturned', data: { comment: request.body.comment ?? null, proposal: proposalOf(row) } }],
      });
      return detail(user, changed);
    },
  );

  r.post(
    '/officer/cases/:id/start-approval',
    {
      schema: {
        tags: ['officer'],
        summary: 'Give the start approval (startbesked): it decides a notification, or follows a granted permit',
        params,
        body: StartApprovalInputSchema,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const row = await teamCase(user, request.params.id);
      await requireAction(user, row, 'startApproval');
      const note = request.body.note?.trim() || null;
      if (row.status !== 'decided') {
        // A notification: the start approval is its decision.
        const reason = note ?? 'Anmälan är komplett och åtgärden uppfyller kraven för startbesked.';
        const changed = await decideOrPropose(user, row, request.body.version, { outcome: 'startApproval', reason, conditions: [] });
        return detail(user, changed);
      }
      const at = app.clock();
      const staff = await staffOf(user);
      const reason = note ?? 'Bygglov har beviljats och förutsättningarna för startbesked är uppfyllda.';
      const document = await issueDocument(app, row, {
        kind: 'startApproval',
        outcome: 'startApproval',
        reason,
        conditions: [],
        decidedBy: { name: user.name, teamLead: staff.teamLead },
        proposedBy: null,
        at,
      });
      const changed = await changeCase(app.db, {
        id: row.id,
        version: request.body.version,
        actor: { name: user.name },
        at,
        set: { startApprovedAt: at },
        events: [{ type: 'startApproved', data: { note } }],
        messages: [applicantMessages.startApproval({ diaryNumber: row.diaryNumber })],
        documents: [document],
      });
      return detail(user, changed);
    },
  );

  app.get<{ Params: { id: string; kind: 'decision' | 'startApproval' } }>(
    '/officer/cases/:id/documents/:kind',
    {
      schema: {
        tags: ['officer'],
        summary: 'A document the municipality issued on a case of my team (the decision, a start approval), as a PDF download',
        params: z.object({ id: z.uuid(), kind: CaseDocumentKindSchema }),
        response: { 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const row = await teamCase(currentUser(request), request.params.id);
      return sendDocument(app, reply, row.id, request.params.kind);
    },
  );
}

/** Sends a stored case document as a download (never run in the page). */
export async function sendDocument(app: FastifyInstance, reply: FastifyReply, caseId: string, kind: 'decision' | 'startApproval') {
  const doc = await latestDocument(app.db, caseId, kind);
  if (!doc) throw notFound('Handlingen');
  const bytes = await app.attachmentStore.get(doc.sha256);
  if (!bytes) throw notFound('Handlingen');
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', contentDisposition('attachment', doc.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(bytes);
}
