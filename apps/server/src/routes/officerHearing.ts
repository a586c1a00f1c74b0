import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  CaseDetailSchema,
  HearingStartInputSchema,
  SakagareOwnerSchema,
  SakagarePropertySchema,
  maskPersonnummer,
} from '@lovisa/domain';
import { caseRouteErrors, idParams } from '../http/routeSchemas';
import { currentUser, privateTo } from '../plugins/session';
import { assessmentOf } from '../services/caseCommands';
import { proposedSakagare, sendLetter, startHearing } from '../services/hearing';
import { officerActor, officerCaseDetail, teamCase } from '../services/officerCase';

const params = idParams;
const errors = caseRouteErrors;

/** A proposed sakägare as the console lists them: the personnummer masked, no address for a protected identity. */
const ProposedSakagareSchema = z.array(
  SakagarePropertySchema.extend({ owners: z.array(SakagareOwnerSchema.extend({ personnummer: z.string() })) }),
);

/**
 * The officer's side of the neighbour hearing (PBL 9 kap. 25 §) that is more than one case command: the proposed
 * sakägare, the start (which writes the letters) and the letters themselves. Paper answers and the close are
 * plain case commands (routes/officer.ts).
 */
export default async function officerHearingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'officer');
  /** The signed-in officer and the case of their team the address names. */
  const caseOf = async (request: FastifyRequest) => {
    const user = currentUser(request);
    return { user, row: await teamCase(app, user, (request.params as { id: string }).id) };
  };

  r.get(
    '/officer/cases/:id/sakagare',
    {
      schema: {
        tags: ['officer'],
        summary:
          'The sakägare the registers propose for a hearing: owners of adjoining properties and those across the street (SAKAGARE_DISTANCE_M), never the applicant',
        params,
        response: { 200: ProposedSakagareSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request) => {
      const { row } = await caseOf(request);
      return (await proposedSakagare(app, row)).map((p) => ({
        ...p,
        owners: p.owners.map((o) => ({ ...o, personnummer: maskPersonnummer(o.personnummer) })),
      }));
    },
  );

  r.post(
    '/officer/cases/:id/hearing',
    {
      schema: {
        tags: ['officer'],
        summary:
          'Start the neighbour hearing (PBL 9 kap. 25 §): every owner of the chosen properties gets a letter with a code and a reply-by day',
        params,
        body: HearingStartInputSchema,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (request) => {
      const { user, row } = await caseOf(request);
      const changed = await startHearing(app, row, request.body, await officerActor(app, user), {
        origin: `${request.protocol}://${request.host}`,
        assessment: await assessmentOf(app.db, row.id),
      });
      request.log.info({ caseId: row.id, command: 'startHearing' }, 'case command');
      return officerCaseDetail(app, user, changed);
    },
  );

  app.get<{ Params: { id: string; partyId: string } }>(
    '/officer/cases/:id/hearing/letters/:partyId',
    {
      schema: {
        tags: ['officer'],
        summary: "One party's underrättelse (the letter with its code) as a PDF download",
        params: z.object({ id: z.uuid(), partyId: z.uuid() }),
        response: { 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => sendLetter(app, reply, (await caseOf(request)).row.id, request.params.partyId),
  );
}
