import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderQr } from '../bankidQr';
import { currentUser } from '../plugins/session';
import type { SessionUser } from '../plugins/session';

/** A link's BankID signing as its service offers it (a neighbour's consent, a co-owner's signature). */
interface LinkSigning {
  startSign(
    user: SessionUser,
    code: string,
    endUserIp: string,
    log: FastifyBaseLogger,
  ): Promise<{ orderRef: string; autoStartToken: string }>;
  ownOrder(
    user: SessionUser,
    code: string,
    orderRef: string,
  ): Promise<{ qrStartToken: string; qrStartSecret: string; createdAt: Date }>;
}

/**
 * The start and QR handlers every "sign through a link" route set shares: the same answers (202 with the poll
 * interval; this second's QR, never cached), whoever signs what.
 */
export function linkSigningHandlers(app: FastifyInstance, signing: LinkSigning) {
  return {
    async start(request: FastifyRequest, code: string, reply: FastifyReply) {
      const order = await signing.startSign(currentUser(request), code, request.ip, request.log);
      return reply.status(202).send({ ...order, pollIntervalMs: app.config.bankidPollIntervalMs });
    },
    async qr(request: FastifyRequest, code: string, orderRef: string, reply: FastifyReply) {
      const order = await signing.ownOrder(currentUser(request), code, orderRef);
      reply.header('cache-control', 'no-store');
      return renderQr(order, app.clock());
    },
  };
}
