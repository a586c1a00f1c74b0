import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiErrorSchema, type Property } from '@lovisa/domain';
import { forbidden, notFound, unauthenticated } from '../errors';
import type { SessionUser } from '../plugins/session';
import { standingOf } from './powers';

/**
 * An applicant sees the properties they may apply for: their own, those of the organisations they sign for
 * (ADR 0024) and those they hold a power of attorney for today (ADR 0023); an officer sees any property.
 */
export async function assertMaySeeProperty(app: FastifyInstance, user: SessionUser, propertyId: string) {
  if (user.roles.includes('officer')) return;
  if (!(await standingOf(app, user.personnummer, propertyId))) throw forbidden();
}

/** The property behind `/properties/:id…` for this visitor: signed in, known to the land register, theirs to see. */
export async function visibleProperty(app: FastifyInstance, user: SessionUser | null, id: string): Promise<Property> {
  if (!user) throw unauthenticated();
  const property = await app.registers.land.propertyById(id);
  if (!property) throw notFound('property');
  await assertMaySeeProperty(app, user, property.id);
  return property;
}

/** A `/properties/:id…` route's id, and the errors every such route may answer (visibleProperty's). */
export const propertyParams = z.object({ id: z.uuid() });
export const propertyErrors = { 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };
