import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Property } from '@lovisa/domain';
import { renderSitePlan } from './renderSitePlan';
import { designationSlug, sitePlanInputFor, type PlannedBuilding } from './sitePlanInput';

/** Sends the situationsplan of `planned` on `property`, dated `date`, inline as a PDF never kept by a cache. */
export async function sendSitePlan(
  app: FastifyInstance,
  reply: FastifyReply,
  property: Property,
  planned: PlannedBuilding[],
  date: string,
) {
  const pdf = await renderSitePlan(await sitePlanInputFor(app, property, planned, date));
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="situationsplan-${designationSlug(property.designation)}.pdf"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
}
