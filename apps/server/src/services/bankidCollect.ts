import type { FastifyInstance } from 'fastify';
import { BankIdError, type CollectResponse } from '@lovisa/bankid';
import { appError } from '../errors';

export const bankIdUnavailable = () => appError('unavailable', 'server.bankIdUnavailable');

/**
 * BankID's collect for an order of ours (a login or a signing). `null` when BankID no longer knows the order (it
 * answers 400: expired or cancelled there), which the caller forgets as failed; any other failure is BankID being
 * unavailable, and the order is kept for the next poll.
 */
export async function collectOrder(app: FastifyInstance, orderRef: string): Promise<CollectResponse | null> {
  try {
    return await app.bankid().collect(orderRef);
  } catch (err) {
    if (err instanceof BankIdError && err.httpStatus === 400) return null;
    throw bankIdUnavailable();
  }
}
