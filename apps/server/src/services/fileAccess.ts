import type { FastifyInstance } from 'fastify';
import type { SessionUser } from '../plugins/session';
import { caseRow } from '../repositories/cases';
import { partyCase } from './parties';

/**
 * A file of a draft is its owner's; a file of a case is its applicant's, and its uploader's only while they may
 * still follow the case: an agent whose power of attorney was revoked or ran out no longer reads it (ADR 0023).
 */
export async function mayReadOwnFile(
  app: FastifyInstance,
  user: SessionUser,
  file: { ownerPersonnummer: string; caseId: string | null },
): Promise<boolean> {
  if (!file.caseId) return file.ownerPersonnummer === user.personnummer;
  if ((await caseRow(app.db, file.caseId))?.applicantPersonnummer === user.personnummer) return true;
  if (file.ownerPersonnummer !== user.personnummer) return false;
  return partyCase(app, user, file.caseId).then(
    () => true,
    () => false,
  );
}
