import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CaseDocumentKind } from '@lovisa/domain';
import { notFound } from '../errors';
import { contentDisposition } from '../http/contentDisposition';
import { latestDocument } from '../repositories/cases';

/** Sends a stored case document (the decision, a start approval) as a download, never run in the page. */
export async function sendCaseDocument(
  app: FastifyInstance,
  reply: FastifyReply,
  caseId: string,
  kind: CaseDocumentKind,
) {
  const doc = await latestDocument(app.db, caseId, kind);
  if (!doc) throw notFound('document');
  const body = await app.attachmentStore.getStream(doc.sha256);
  if (!body) throw notFound('document');
  return sendPdf(reply, body, contentDisposition('attachment', doc.fileName));
}

/** A PDF the municipality wrote, sent so that no browser runs anything in it or guesses another type. */
export function sendPdf(reply: FastifyReply, body: unknown, disposition: string) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', disposition)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(body);
}
