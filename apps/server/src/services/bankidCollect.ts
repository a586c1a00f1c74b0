import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { BankIdError, type CollectResponse, type SignRequest } from '@lovisa/bankid';
import { bankIdMessage, type DomainMessageId, type LoginCollectResult } from '@lovisa/domain';
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

/** Starts a BankID sign order: a person with one already running is told so (409), any other failure is 503. */
export async function startBankIdSign(
  app: FastifyInstance,
  request: SignRequest,
  log: FastifyBaseLogger,
  what: string,
) {
  try {
    return await app.bankid().sign(request);
  } catch (err) {
    if (err instanceof BankIdError && err.errorCode === 'alreadyInProgress')
      throw appError('conflict', 'server.bankIdBusy');
    log.warn({ errorCode: err instanceof BankIdError ? err.errorCode : 'unknown' }, `bankid ${what} sign failed`);
    throw bankIdUnavailable();
  }
}

/** The answer to a collect that has not completed: BankID forgot the order (failed), still pending, or failed. */
export function unfinishedAnswer(result: Exclude<CollectResponse, { status: 'complete' }> | null): LoginCollectResult {
  if (!result) return { status: 'failed', hintCode: 'notFound', message: bankIdMessage('notFound', 'failed') };
  return { status: result.status, hintCode: result.hintCode, message: bankIdMessage(result.hintCode, result.status) };
}

/**
 * Collects a sign order someone makes through a link (a neighbour's consent, a co-owner's signature): an unfinished
 * order is answered as such (and forgotten once it ended), a signature by anyone but the logged-in person is refused
 * (403 with `signedByOther`), and a completed one is handed back to be stored.
 */
export async function collectLinkSignature(
  app: FastifyInstance,
  order: { orderRef: string },
  personnummer: string,
  forget: () => Promise<unknown>,
  refusal: { signedByOther: DomainMessageId; log: FastifyBaseLogger },
): Promise<{ unfinished: LoginCollectResult } | { completion: Extract<CollectResponse, { status: 'complete' }> }> {
  const result = await collectOrder(app, order.orderRef);
  if (result?.status === 'pending') return { unfinished: unfinishedAnswer(result) };
  await forget();
  if (!result || result.status === 'failed') return { unfinished: unfinishedAnswer(result) };
  if (result.completionData.user.personalNumber !== personnummer) {
    refusal.log.warn({ orderRef: order.orderRef }, 'link signature by another person; refused');
    throw appError('forbidden', refusal.signedByOther);
  }
  return { completion: result };
}

/** Ends a link's signing: nothing is stored, and BankID forgets the order. */
export async function cancelLinkSignature(app: FastifyInstance, orderRef: string, forget: () => Promise<unknown>) {
  await forget();
  await app
    .bankid()
    .cancel(orderRef)
    .catch(() => {});
}
