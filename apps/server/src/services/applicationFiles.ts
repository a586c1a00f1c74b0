import type { FastifyInstance, FastifyReply } from 'fastify';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/database';
import { attachments } from '../db/schema';
import { notFound } from '../errors';
import { contentDisposition } from '../http/contentDisposition';

/** The files that came with the application (not answers to orders): what a neighbour or a remiss body reads. */
export function applicationFiles(db: Db, caseId: string) {
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.caseId, caseId), isNull(attachments.answersOrderOf)))
    .orderBy(asc(attachments.createdAt));
}

/** One of the application's files, to someone outside the case's team: always a download, never run. */
export async function sendApplicationFile(app: FastifyInstance, reply: FastifyReply, caseId: string, fileId: string) {
  const file = (await applicationFiles(app.db, caseId)).find((f) => f.id === fileId);
  const bytes = file && (await app.attachmentStore.get(file.sha256));
  if (!file || !bytes) throw notFound('file');
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition('attachment', file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(bytes);
}
