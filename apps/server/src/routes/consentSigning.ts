import type { FastifyInstance } from 'fastify';
import { LoginCollectResultSchema } from '@lovisa/domain';
import { bankIdSignRoutes } from '../http/bankIdSignRoutes';
import { consentCodeParams, consentRouteErrors } from '../http/routeSchemas';
import { privateTo } from '../plugins/session';
import { consentSigningService } from '../services/consentSigning';

/** The invited owner signs the consent with BankID: what they see in the app names the measure, area and distance. */
export default async function consentSigningRoutes(app: FastifyInstance) {
  privateTo(app, 'applicant');
  bankIdSignRoutes(app, {
    base: '/consents/:code',
    params: consentCodeParams,
    key: (p) => p.code,
    tag: 'applicant',
    errors: consentRouteErrors,
    collectResult: LoginCollectResultSchema,
    summaries: {
      start: 'Start signing the consent with BankID: the text names the measure, area and distance',
      qr: 'The animated QR for signing the consent, this second',
      collect: 'Poll the consent’s signature; on completion the answer is stored',
      cancel: 'Cancel signing the consent; nothing is stored',
    },
    signing: consentSigningService(app),
  });
}
