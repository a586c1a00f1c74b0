import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { receiptDocument, stockholmDate, type ApplicationSubmission, type AttachmentType } from '@lovisa/domain';
import { attachments } from '../db/schema';
import { applicantRecipientLines, letterhead, letterLogo } from '../decision/issue';
import { renderDecision } from '../decision/renderDecision';
import type { CaseRow } from '../repositories/cases';

/**
 * The receipt of a case as a PDF (issue #18, item 6): everything the applicant sent, rendered on request from what
 * the case holds, so it is the same every time and costs no storage. Files are those that came with the application
 * (uploaded before it was received); answers to a later order to complete are the case's, not the receipt's.
 */
export async function receiptPdf(app: FastifyInstance, row: CaseRow): Promise<{ fileName: string; bytes: Buffer }> {
  const [person, files] = await Promise.all([
    app.registers.population.personByPersonnummer(row.applicantPersonnummer).catch(() => null),
    app.db.select().from(attachments).where(eq(attachments.caseId, row.id)).orderBy(asc(attachments.createdAt)),
  ]);
  const receivedAt = row.receivedAt.toISOString();
  const signature = row.signature as { signedAt?: string } | null;
  const content = receiptDocument({
    diaryNumber: row.diaryNumber,
    receivedAt,
    decisionDeadline: row.decisionDeadline,
    signedAt: signature?.signedAt ?? null,
    // A protected identity's address is never printed (nor is the protection said).
    applicant: {
      name: row.applicantName,
      addressLines: applicantRecipientLines(row, person, row.protectedParty || (person?.protectedIdentity ?? false)),
    },
    propertyDesignation: row.propertyDesignation,
    application: row.application as ApplicationSubmission,
    files: files
      .filter((f) => f.createdAt.getTime() <= row.receivedAt.getTime())
      .map((f) => ({
        type: f.type as AttachmentType,
        fileName: f.fileName,
        size: f.size,
        sha256: f.sha256,
        generated: f.generated !== null,
      })),
    municipality: letterhead(app).municipality,
  });
  const pdf = await renderDecision(content, {
    ...letterhead(app),
    diaryNumber: row.diaryNumber,
    date: stockholmDate(row.receivedAt),
    logo: await letterLogo(app),
  });
  return { fileName: `Kvitto ${row.diaryNumber}.pdf`, bytes: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
}
