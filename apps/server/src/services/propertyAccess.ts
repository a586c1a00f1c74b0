import type { FastifyInstance } from 'fastify';
import { forbidden } from '../errors';
import type { SessionUser } from '../plugins/session';

/** An applicant sees the properties they own; an officer sees any property (cases are about them). */
export async function assertMaySeeProperty(app: FastifyInstance, user: SessionUser, propertyId: string) {
  if (user.roles.includes('officer')) return;
  const owned = await app.registers.ownership.propertyIdsOwnedBy(user.personnummer);
  if (!owned.includes(propertyId)) throw forbidden();
}
