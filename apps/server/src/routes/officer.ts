import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  AssignInputSchema,
  CaseDetailSchema,
  CaseDocumentKindSchema,
  CompletionRequestInputSchema,
  DecisionInputSchema,
  ExtensionInputSchema,
  ProposalActionInputSchema,
  QueuePageSchema,
  QueueQuerySchema,
  StartApprovalInputSchema,
  HearingCloseInputSchema,
  HearingPaperAnswerInputSchema,
  type CaseCommand,
} from '@lovisa/domain';
import { caseRouteErrors, idParams } from '../http/routeSchemas';
import { currentUser, privateTo, type SessionUser } from '../plugins/session';
import { queueOfTeam, type CaseRow } from '../repositories/cases';
import { teamMember } from '../repositories/officers';
import { sendCaseDocument } from '../services/caseDocuments';
import { runCaseCommand } from '../services/caseCommands';
import { officerActor, officerCaseDetail, teamCase, teamOf } from '../services/officerCase';

const params = idParams;
const errors = caseRouteErrors;

interface CommandRoute<S extends z.ZodType> {
  path: string;
  summary: string;
  body: S;
  /** The domain command the request asks for; what it needs from the database is looked up here. */
  command(
    input: z.infer<S>,
    ctx: { app: FastifyInstance; user: SessionUser; row: CaseRow },
  ): CaseCommand | Promise<CaseCommand>;
}
const route = <S extends z.ZodType>(r: CommandRoute<S>) => r as unknown as CommandRoute<z.ZodType>;

/** Every officer action on a case: a request body in, one domain command through runCaseCommand, the case out. */
const commandRoutes = [
  route({
    path: 'assign',
    summary: 'Assign the case to me, or to a colleague of my team',
    body: AssignInputSchema,
    command: async (b, { app, user, row }) => {
      const to = await teamMember(app.db, row.teamId, b.officer ?? user.personnummer);
      return { type: 'assign', version: b.version, to: to && { personnummer: to.personnummer, name: to.name } };
    },
  }),
  route({
    path: 'completion-request',
    summary: 'Order the applicant to complete the application (missing drawings and/or free text, a reply-by date)',
    body: CompletionRequestInputSchema,
    command: (b) => ({
      type: 'requestCompletion',
      version: b.version,
      items: b.items ?? [],
      text: b.text ?? null,
      replyBy: b.replyBy,
    }),
  }),
  route({
    path: 'extension',
    summary:
      'Extend the decision deadline, once, with a reason, before it passes (at most what the law allows: 10 weeks, 4 for a notification)',
    body: ExtensionInputSchema,
    command: (b) => ({ type: 'extendDeadline', version: b.version, weeks: b.weeks, reason: b.reason }),
  }),
  route({
    path: 'decision',
    summary:
      'Approve (with conditions), refuse (with reasons) or dismiss (after an ignored order to complete). On a case that deviates from the plan an officer proposes and a team lead confirms.',
    body: DecisionInputSchema,
    command: (b) => ({
      type: 'decide',
      version: b.version,
      outcome: b.outcome,
      reason: b.reason,
      conditions: b.conditions ?? [],
    }),
  }),
  route({
    path: 'proposal/confirm',
    summary: "A team lead confirms an officer's proposed decision (four eyes): the decision is made",
    body: ProposalActionInputSchema,
    command: (b) => ({ type: 'confirmProposal', version: b.version }),
  }),
  route({
    path: 'proposal/return',
    summary: 'A team lead sends a proposed decision back to the officer, with a comment',
    body: ProposalActionInputSchema,
    command: (b) => ({ type: 'returnProposal', version: b.version, comment: b.comment ?? null }),
  }),
  route({
    path: 'start-approval',
    summary: 'Give the start approval (startbesked): it decides a notification, or follows a granted permit',
    body: StartApprovalInputSchema,
    command: (b) => ({ type: 'giveStartApproval', version: b.version, note: b.note ?? null }),
  }),
  route({
    path: 'hearing/answers',
    summary: "Register a party's answer to the neighbour hearing that came on paper, with the day it arrived",
    body: HearingPaperAnswerInputSchema,
    command: (b) => ({ ...b, type: 'recordHearingAnswer', text: b.text ?? null, channel: 'paper' }),
  }),
  route({
    path: 'hearing/close',
    summary: 'Close the neighbour hearing: on or after its reply-by day, or earlier once every party has answered',
    body: HearingCloseInputSchema,
    command: (b) => ({ type: 'closeHearing', version: b.version }),
  }),
];

/** The building officer's console: the team's queue and the case loop. */
export default async function officerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'officer');

  r.get(
    '/officer/queue',
    {
      schema: {
        tags: ['officer'],
        summary:
          "My team's cases (or mine, or those nobody has taken), open ones by soonest decision deadline: filters, search and pages",
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
      return officerCaseDetail(app, user, await teamCase(app, user, request.params.id));
    },
  );

  for (const c of commandRoutes) {
    r.post(
      `/officer/cases/:id/${c.path}`,
      {
        schema: {
          tags: ['officer'],
          summary: c.summary,
          params,
          body: c.body,
          response: { 200: CaseDetailSchema, ...errors },
        },
      },
      async (request) => {
        const user = currentUser(request);
        const row = await teamCase(app, user, request.params.id);
        const command = await c.command(request.body, { app, user, row });
        const changed = await runCaseCommand(app, row, command, await officerActor(app, user));
        request.log.info({ caseId: row.id, command: command.type, status: changed.status }, 'case command');
        return officerCaseDetail(app, user, changed);
      },
    );
  }

  r.get(
    '/officer/cases/:id/documents/:kind',
    {
      schema: {
        tags: ['officer'],
        summary:
          'A document the municipality issued on a case of my team (the decision, a start approval), as a PDF download',
        params: z.object({ id: z.uuid(), kind: CaseDocumentKindSchema }),
        response: { 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const row = await teamCase(app, currentUser(request), request.params.id);
      return sendCaseDocument(app, reply, row.id, request.params.kind);
    },
  );
}
