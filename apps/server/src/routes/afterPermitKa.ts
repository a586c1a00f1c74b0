import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, KontrollansvarigCaseSchema, KontrollplanTickInputSchema } from '@lovisa/domain';
import { commandRoute, kontrollplanFileRoute, tickCommand, viewRoute, type Loader } from '../http/afterPermitRoutes';
import { currentUser, privateTo } from '../plugins/session';
import { casesOfKontrollansvarig, kontrollansvarigCase } from '../services/afterPermit';
import { applicantActor } from '../services/applicantCase';

const caseId = (request: FastifyRequest) => (request.params as { id: string }).id;

/**
 * The kontrollansvarig's side (issue #21): a person the byggherre named on the case logs in with BankID and sees
 * the cases they check, each case's kontrollplan, with the right to tick it (and add its photos) and nothing else.
 * Any other case answers as missing.
 */
export default async function kontrollansvarigRoutes(app: FastifyInstance) {
  privateTo(app, 'applicant');
  const load: Loader = async (request) => {
    const user = currentUser(request);
    return { row: await kontrollansvarigCase(app, user.personnummer, caseId(request)), actor: applicantActor(user) };
  };
  app.withTypeProvider<ZodTypeProvider>().get(
    '/ka/cases',
    {
      schema: {
        tags: ['applicant'],
        summary: 'The cases whose kontrollplan I tick as the kontrollansvarig the byggherre named',
        response: { 200: z.array(KontrollansvarigCaseSchema), 401: ApiErrorSchema, 403: ApiErrorSchema },
      },
    },
    async (request) => casesOfKontrollansvarig(app.db, currentUser(request).personnummer),
  );
  const base = '/ka/cases/:id/after-permit';
  viewRoute(app, 'kontrollansvarig', load, base);
  commandRoute(
    app,
    'kontrollansvarig',
    load,
    `${base}/kontrollplan/ticks`,
    'Tick a kontrollplan item as the kontrollansvarig, optionally with a file of the case and a note',
    KontrollplanTickInputSchema,
    tickCommand(app),
  );
  kontrollplanFileRoute(app, load, `${base}/files`, 'kontrollansvarig');
}
