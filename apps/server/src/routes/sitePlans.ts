import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { ApiErrorSchema, DraftDataSchema, stockholmDate, type ApplicationSubmission } from '@lovisa/domain';
import { drafts } from '../db/schema';
import { appError, notFound } from '../errors';
import { currentUser, requireRole } from '../plugins/session';
import type { CaseRow } from '../repositories/cases';
import { sendSitePlan } from '../sitePlan/sendSitePlan';
import { plannedBuildings } from '../sitePlan/sitePlanInput';
import { partyCase } from '../services/parties';
import { teamCase } from '../services/officerCase';
import { assertMaySeeProperty } from '../services/propertyAccess';

const params = z.object({ id: z.uuid() });
const errors = { 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 503: ApiErrorSchema };
const description =
  'A one-page vector PDF (application/pdf) at 1:400 or 1:500 on A4, or on A3 when the plot needs it: plot, neighbours, buildings and distances to the boundary.';

/** A stored case's situationsplan, dated the day it arrived, as it was applied for. */
async function sendCaseSitePlan(app: FastifyInstance, reply: FastifyReply, row: CaseRow) {
  // The property was checked when the case arrived, so a missing one is missing now.
  const property = await app.registers.land.propertyById(row.propertyId);
  if (!property) throw notFound('property');
  const planned = plannedBuildings((row.application as ApplicationSubmission).footprints ?? []);
  return sendSitePlan(app, reply, property, planned, stockholmDate(row.receivedAt));
}

/** The situationsplan drawn from an application's map: for the applicant's draft and case, and the officer's case. */
export default async function sitePlanRoutes(app: FastifyInstance) {
  await app.register(async (applicant) => {
    const r = applicant.withTypeProvider<ZodTypeProvider>();
    applicant.addHook('onRequest', requireRole('applicant'));

    r.get(
      '/me/cases/:id/site-plan.pdf',
      {
        schema: {
          tags: ['applicant'],
          summary: 'The situationsplan of a case I applied for or am a party of (co-owner, signatory, agent)',
          description,
          params,
          response: errors,
        },
      },
      // Another person's case answers as missing, as the case itself does.
      async (request, reply) =>
        sendCaseSitePlan(app, reply, await partyCase(app, currentUser(request), request.params.id)),
    );

    r.get(
      '/drafts/:id/site-plan.pdf',
      {
        schema: {
          tags: ['applicant'],
          summary: 'The situationsplan of one of my drafts, from the buildings drawn so far',
          description,
          params,
          response: { 400: ApiErrorSchema, ...errors },
        },
      },
      async (request, reply) => {
        const user = currentUser(request);
        const [row] = await app.db.select().from(drafts).where(eq(drafts.id, request.params.id));
        if (!row || row.ownerPersonnummer !== user.personnummer) throw notFound('draft');
        const data = DraftDataSchema.safeParse(row.data);
        const propertyId = data.success ? data.data.propertyId : undefined;
        if (!propertyId) throw appError('invalidInput', 'server.sitePlan.noProperty');
        const property = await app.registers.land.propertyById(propertyId);
        if (!property) throw appError('invalidInput', 'server.sitePlan.unknownProperty');
        await assertMaySeeProperty(app, user, property.id);
        const planned = plannedBuildings(data.success ? (data.data.footprints ?? []) : []);
        if (planned.length === 0) throw appError('invalidInput', 'server.sitePlan.noBuildings');
        return sendSitePlan(app, reply, property, planned, stockholmDate(app.clock()));
      },
    );
  });

  await app.register(async (officer) => {
    const r = officer.withTypeProvider<ZodTypeProvider>();
    officer.addHook('onRequest', requireRole('officer'));

    r.get(
      '/officer/cases/:id/site-plan.pdf',
      {
        schema: {
          tags: ['officer'],
          summary: 'The situationsplan of a case of my team',
          description,
          params,
          response: errors,
        },
      },
      // The officer's case view's rule: a teamless officer is refused, another team's case is unknown.
      async (request, reply) =>
        sendCaseSitePlan(app, reply, await teamCase(app, currentUser(request), request.params.id)),
    );
  });
}
