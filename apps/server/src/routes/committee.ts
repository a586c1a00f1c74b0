import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  CommitteeAgendaSchema,
  CommitteeMeetingInputSchema,
  CommitteeMeetingSchema,
} from '@lovisa/domain';
import { idParams } from '../http/routeSchemas';
import { currentUser, privateTo } from '../plugins/session';
import { addMeeting, agendaOf, meetingsOf } from '../services/committee';
import { officerActor } from '../services/officerCase';

const refusals = { 401: ApiErrorSchema, 403: ApiErrorSchema };

/** The board's meetings and their agendas: decisions above delegation are taken there (ADR 0022). */
export default async function committeeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'officer');

  r.get(
    '/officer/committee/meetings',
    {
      schema: {
        tags: ['officer'],
        summary: "The board's coming meetings and those held in the last 60 days, with my team's waiting proposals",
        response: {
          200: z.object({
            meetings: z.array(CommitteeMeetingSchema),
            /** The viewer is a team lead: they may add meetings. */
            mayAdd: z.boolean(),
          }),
          ...refusals,
        },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const [meetings, actor] = await Promise.all([meetingsOf(app, user), officerActor(app, user)]);
      return { meetings, mayAdd: actor.teamLead };
    },
  );

  r.post(
    '/officer/committee/meetings',
    {
      schema: {
        tags: ['officer'],
        summary: "A team lead adds a meeting to the board's calendar (a day after today; one a day)",
        body: CommitteeMeetingInputSchema,
        response: { 201: CommitteeMeetingSchema, 400: ApiErrorSchema, 409: ApiErrorSchema, ...refusals },
      },
    },
    async (request, reply) => reply.code(201).send(await addMeeting(app, currentUser(request), request.body.date)),
  );

  r.get(
    '/officer/committee/meetings/:id',
    {
      schema: {
        tags: ['officer'],
        summary: "A meeting's agenda (föredragningslista) for my team: waiting proposals and what the minutes recorded",
        params: idParams,
        response: { 200: CommitteeAgendaSchema, 400: ApiErrorSchema, 404: ApiErrorSchema, ...refusals },
      },
    },
    async (request) => agendaOf(app, currentUser(request), request.params.id),
  );
}
