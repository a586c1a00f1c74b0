import type { FastifyInstance } from 'fastify';
import type { CaseActor, CaseDetail } from '@lovisa/domain';
import { notFound } from '../errors';
import type { SessionUser } from '../plugins/session';
import { caseDetail, caseRow, type CaseRow } from '../repositories/cases';

/** The applicant's own case; another person's case answers as missing: its existence is nobody else's business. */
export async function ownCase(app: FastifyInstance, user: SessionUser, id: string): Promise<CaseRow> {
  const row = await caseRow(app.db, id);
  if (!row || row.applicantPersonnummer !== user.personnummer) throw notFound('case');
  return row;
}

export const applicantActor = (user: SessionUser): CaseActor => ({
  role: 'applicant',
  personnummer: user.personnummer,
  name: user.name,
});

/** A case as its applicant sees it: without the officers' internal events and part. */
export const applicantCaseDetail = (app: FastifyInstance, row: CaseRow): Promise<CaseDetail> =>
  caseDetail(app.db, row, { today: app.clock(), face: 'applicant' });
