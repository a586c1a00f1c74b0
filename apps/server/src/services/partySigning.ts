import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { SignCollectResult } from '@lovisa/domain';
import { appError } from '../errors';
import type { SessionUser } from '../plugins/session';
import { forgetPartySignOrder, insertPartySignOrder, partySignOrder, updateParty } from '../repositories/parties';
import { cancelLinkSignature, collectLinkSignature, startBankIdSign } from './bankidCollect';
import { openSigning, signRequestOf } from './parties';

const SIGN_ORDER_MAX_AGE_MS = 10 * 60_000;

/**
 * A co-owner signs the case's submission with BankID, as the applicant did: the app shows the same summary,
 * and the order carries the submission's hash, which must still be the one the party is asked to sign when
 * BankID answers. A changed submission (another version) is not what they signed: 409, nothing stored.
 */
export function partySigningService(app: FastifyInstance) {
  async function startSign(user: SessionUser, code: string, endUserIp: string, log: FastifyBaseLogger) {
    const opened = await openSigning(app, user, code);
    if (opened.party.state !== 'invited') throw appError('conflict', 'parties.alreadySigned');
    if (opened.hash !== opened.party.submissionHash) throw appError('conflict', 'parties.versionChanged');
    const request = signRequestOf(app, opened);
    const order = await startBankIdSign(
      app,
      {
        endUserIp,
        requirement: { personalNumber: user.personnummer },
        userVisibleData: Buffer.from(request.signText).toString('base64'),
        userVisibleDataFormat: 'simpleMarkdownV1',
        userNonVisibleData: Buffer.from(opened.hash).toString('base64'),
      },
      log,
      'co-owner',
    );
    const now = app.clock();
    await insertPartySignOrder(
      app.db,
      {
        orderRef: order.orderRef,
        partyId: opened.party.id,
        personnummer: user.personnummer,
        submissionHash: opened.hash,
        qrStartToken: order.qrStartToken,
        qrStartSecret: order.qrStartSecret,
        createdAt: now,
      },
      new Date(now.getTime() - SIGN_ORDER_MAX_AGE_MS),
    );
    return { orderRef: order.orderRef, autoStartToken: order.autoStartToken };
  }

  async function ownOrder(user: SessionUser, code: string, orderRef: string) {
    const { party } = await openSigning(app, user, code);
    const order = await partySignOrder(app.db, orderRef, party.id, user.personnummer);
    if (!order || app.clock().getTime() - order.createdAt.getTime() > SIGN_ORDER_MAX_AGE_MS)
      throw appError('notFound', 'parties.orderNotFound');
    return order;
  }

  // jscpd:ignore-start -- collecting and cancelling a link's signature runs as a neighbour's consent's does
  // (services/consentSigning.ts), through the same helpers (bankidCollect.ts); what is stored after differs.
  async function collect(
    user: SessionUser,
    code: string,
    orderRef: string,
    log: FastifyBaseLogger,
  ): Promise<SignCollectResult> {
    const order = await ownOrder(user, code, orderRef);
    const collected = await collectLinkSignature(
      app,
      order,
      user.personnummer,
      () => forgetPartySignOrder(app.db, order.orderRef),
      { signedByOther: 'parties.signedByOther', log },
    );
    if ('unfinished' in collected) return collected.unfinished;
    // jscpd:ignore-end
    // The version shown must still be the one the party is asked to sign, and the case's own.
    const { party, hash } = await openSigning(app, user, code);
    if (order.submissionHash !== hash || party.submissionHash !== hash)
      throw appError('conflict', 'parties.versionChanged');
    const signed = collected.completion.completionData;
    await updateParty(app.db, party.id, {
      state: 'signed',
      signature: signed.signature,
      ocspResponse: signed.ocspResponse,
      bankIdIssueDate: signed.bankIdIssueDate,
      signedAt: app.clock(),
    });
    log.info({ caseId: party.caseId }, 'co-owner signed');
    return { status: 'complete', message: 'Ansökan är underskriven.' };
  }

  // jscpd:ignore-start -- as above: the same cancel, over this link's own order table.
  /** Ends signing: nothing is stored, and BankID forgets the order. */
  async function cancel(user: SessionUser, code: string, orderRef: string) {
    const order = await ownOrder(user, code, orderRef);
    await cancelLinkSignature(app, order.orderRef, () => forgetPartySignOrder(app.db, order.orderRef));
  }

  // jscpd:ignore-end

  return { startSign, collect, cancel, ownOrder };
}
