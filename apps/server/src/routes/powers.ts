import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiErrorSchema,
  LoginCollectInputSchema,
  LoginCollectResultSchema,
  MyPowersSchema,
  PowerOfAttorneyGrantSchema,
  PowerOfAttorneyPreviewSchema,
  PowerOfAttorneyViewSchema,
  QrResultSchema,
  SignStartResultSchema,
} from '@lovisa/domain';
import { renderQr } from '../bankidQr';
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
      config: { rateLimit: { max: app.config.bankidStartLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['applicant'],
        summary: 'Give a power of attorney: starts the owner’s BankID signature over the power’s hash',
        body: PowerOfAttorneyGrantSchema,
        response: {
          202: SignStartResultSchema,
          ...errors,
          409: ApiErrorSchema,
          429: ApiErrorSchema,
          503: ApiErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const order = await powers.start(currentUser(request), request.body, request.ip, request.log);
      return reply.status(202).send({ ...order, pollIntervalMs: app.config.bankidPollIntervalMs });
    },
  );

  // jscpd:ignore-start -- the QR answers as the application's signing QR does (routes/applications.ts): the same
  // renderQr over this order, never cached; only the order's table differs.
  r.get(
    '/me/powers/sign/:orderRef/qr',
    {
      schema: {
        tags: ['applicant'],
        summary: 'The animated QR for the owner’s signature of a power of attorney, this second',
        params: z.object({ orderRef: z.string().min(1).max(100) }),
        response: { 200: QrResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const order = await powers.ownOrder(currentUser(request), request.params.orderRef);
      reply.header('cache-control', 'no-store');
      return renderQr(order, app.clock());
    },
  );

  // jscpd:ignore-end
  r.post(
    '/me/powers/sign/collect',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Poll the owner’s signature; on completion the power of attorney holds',
        body: LoginCollectInputSchema,
        response: { 200: LoginCollectResultSchema, ...errors, 503: ApiErrorSchema },
      },
    },
    async (request) => powers.collect(currentUser(request), request.body.orderRef, request.log),
  );

  r.post(
    '/me/powers/sign/cancel',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Cancel signing a power of attorney; nothing is stored',
        body: LoginCollectInputSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await powers.cancel(currentUser(request), request.body.orderRef);
      return reply.status(204).send(null);
    },
  );

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
