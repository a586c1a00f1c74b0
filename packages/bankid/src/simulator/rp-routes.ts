import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { AuthRequestSchema, OrderRefRequestSchema, SignRequestSchema, type CollectResponse } from '../rp-api';
import { SimError } from './errors';
import type { OrderBook, OrderKind } from './order-book';

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  // BankID names the offending field; the value itself is never echoed back.
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  throw new SimError('invalidParameters', `Invalid ${field}: ${issue?.message ?? 'invalid'}`);
}

/** BankID's wording for collect/cancel on an order it does not (or no longer) know. */
const noSuchOrder = () => new SimError('invalidParameters', 'No such order');

/** The RP API, under `/rp/v6.0`; JSON only, as at BankID. */
export async function rpRoutes(app: FastifyInstance, opts: { orders: OrderBook }): Promise<void> {
  const { orders } = opts;

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 512 * 1024 }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new SimError('invalidParameters', 'Body is not valid JSON'), undefined);
    }
  });

  function start(kind: OrderKind) {
    return async (request: { body: unknown }) => {
      const body = parseBody(kind === 'sign' ? SignRequestSchema : AuthRequestSchema, request.body);
      const started = await orders.start(kind, body);
      if (!started.ok) {
        if (started.errorCode === 'maintenance') {
          // BankID's own answer when it cannot take more; the RP already treats it as "try again later".
          throw new SimError(
            'maintenance',
            started.scope === 'total' ? 'Too many pending orders' : 'Too many pending orders for this endUserIp',
          );
        }
        throw new SimError('alreadyInProgress', 'An order for this personal number is already in progress');
      }
      const { orderRef, autoStartToken, qrStartToken, qrStartSecret } = started.order;
      return { orderRef, autoStartToken, qrStartToken, qrStartSecret };
    };
  }

  app.post('/rp/v6.0/auth', start('auth'));
  app.post('/rp/v6.0/sign', start('sign'));

  app.post('/rp/v6.0/collect', async (request): Promise<CollectResponse> => {
    const { orderRef } = parseBody(OrderRefRequestSchema, request.body);
    const order = await orders.get(orderRef);
    if (!order) throw noSuchOrder();
    const { outcome } = order;
    switch (outcome.status) {
      case 'pending':
      case 'failed':
        return { orderRef, status: outcome.status, hintCode: outcome.hintCode };
      case 'complete':
        return { orderRef, status: 'complete', completionData: outcome.completionData };
    }
  });

  app.post('/rp/v6.0/cancel', async (request) => {
    const { orderRef } = parseBody(OrderRefRequestSchema, request.body);
    if (!(await orders.remove(orderRef))) throw noSuchOrder();
    return {};
  });
}
