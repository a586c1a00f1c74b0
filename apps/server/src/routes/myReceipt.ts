import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiErrorSchema } from '@lovisa/domain';
import { idParams as params } from '../http/routeSchemas';
import { contentDisposition } from '../http/contentDisposition';
import { currentUser, privateTo } from '../plugins/session';
import * as svc from '../services/applicantCase';
import { sendPdf } from '../services/caseDocuments';
import { receiptPdf } from '../services/receiptPdf';

/** The receipt PDF: a copy of everything the applicant sent, rendered on request. */
export default async function receiptRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'applicant');
  r.get(
    '/me/cases/:id/receipt',
    {
      schema: {
        tags: ['applicant'],
        summary:
          'The receipt of my application as a PDF: everything I sent (answers, drawn buildings, files with SHA-256) and when I signed',
        params,
        response: { 401: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const row = await svc.ownCase(app, currentUser(request), request.params.id);
      const { fileName, bytes } = await receiptPdf(app, row);
      return sendPdf(reply, bytes, contentDisposition('attachment', fileName));
    },
  );
}
