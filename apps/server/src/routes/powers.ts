import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  LoginCollectResultSchema,
  MyPowersSchema,
  PowerOfAttorneyGrantSchema,
  PowerOfAttorneyPreviewSchema,
  PowerOfAttorneyViewSchema,
} from '@lovisa/domain';
import { bankIdSignRoutes, byOrderOnly, signStartRoute } from '../http/bankIdSignRoutes';
import { currentUser, privateTo } from '../plugins/session';
import { powerSigningService } from '../services/powerSigning';
import { powersService } from '../services/powers';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };

/**
 * Powers of attorney (fullmakter, issue #20, ADR 0023): an owner lets an agent apply and answer orders to complete
 * for a property or a case, until a day, signed with BankID; lists what they gave and hold; revokes at once.
 */
export default async function powerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  privateTo(app, 'applicant');
  const powers = { ...powersService(app), ...powerSigningService(app) };
  const start = signStartRoute(app, errors);

  r.get(
    '/me/powers',
    {
      schema: {
        tags: ['applicant'],
        summary: 'The powers of attorney I gave (as owner) and hold (as agent), each with its state today',
        response: { 200: MyPowersSchema, 401: ApiErrorSchema },
      },
    },
    async (request) => powers.mine(currentUser(request)),
  );

  r.post(
    '/me/powers/preview',
    {
      schema: {
        tags: ['applicant'],
        summary:
          'Check a power of attorney before signing: the agent’s name from the population register and the text BankID will show',
        body: PowerOfAttorneyGrantSchema,
        response: { 200: PowerOfAttorneyPreviewSchema, ...errors },
      },
    },
    async (request) => {
      const { agentName, scopeLabel, signText } = await powers.preview(currentUser(request), request.body);
      return { agentName, scopeLabel, signText };
    },
  );

  r.post(
    '/me/powers',
    {
      config: start.config,
      schema: {
        tags: ['applicant'],
        summary: 'Give a power of attorney: starts the owner’s BankID signature over the power’s hash',
        body: PowerOfAttorneyGrantSchema,
        response: start.response,
      },
    },
    async (request, reply) => {
      const order = await powers.start(currentUser(request), request.body, request.ip, request.log);
      return reply.status(202).send({ ...order, pollIntervalMs: app.config.bankidPollIntervalMs });
    },
  );

  bankIdSignRoutes(app, {
    base: '/me/powers',
    tag: 'applicant',
    errors,
    collectResult: LoginCollectResultSchema,
    summaries: {
      qr: 'The animated QR for the owner’s signature of a power of attorney, this second',
      collect: 'Poll the owner’s signature; on completion the power of attorney holds',
      cancel: 'Cancel signing a power of attorney; nothing is stored',
    },
    signing: byOrderOnly(powers),
  });

  r.post(
    '/me/powers/:id/revoke',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Revoke a power of attorney I gave: from now on the agent cannot act on it',
        params: z.object({ id: z.uuid() }),
        response: { 200: PowerOfAttorneyViewSchema, ...errors },
      },
    },
    async (request) => powers.revoke(currentUser(request), request.params.id, request.log),
  );
}
