import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { and, eq, lt } from 'drizzle-orm';
import { consentCanonical, consentSignText, type SignCollectResult } from '@lovisa/domain';
import { consentSignOrders } from '../db/schema';
import { appError } from '../errors';
import type { SessionUser } from '../plugins/session';
import { cancelLinkSignature, collectLinkSignature, startBankIdSign } from './bankidCollect';
import { openInvitation, saveAnswer, sha256 } from './consent';

const SIGN_ORDER_MAX_AGE_MS = 10 * 60_000;

/**
 * A neighbour signs a consent with BankID, as the applicant signs an application: the text shown names the site,
 * the measure, the area and the distance, and the order keeps the hash of exactly what was shown.
 */
export function consentSigningService(app: FastifyInstance) {
  const forget = (orderRef: string) => app.db.delete(consentSignOrders).where(eq(consentSignOrders.orderRef, orderRef));

  async function startSign(user: SessionUser, code: string, endUserIp: string, log: FastifyBaseLogger) {
    const { row, site, neighbour, subject } = await openInvitation(app, user, code);
    const text = consentSignText({
      siteDesignation: site.designation,
      neighbourDesignation: neighbour.designation,
      subject,
    });
    const order = await startBankIdSign(
      app,
      {
        endUserIp,
        requirement: { personalNumber: user.personnummer },
        userVisibleData: Buffer.from(text).toString('base64'),
        userNonVisibleData: Buffer.from(sha256(consentCanonical(subject, neighbour.id, 'consented'))).toString(
          'base64',
        ),
      },
      log,
      'consent',
    );
    const now = app.clock();
    // Orders nobody collected (the page was closed) go after the time BankID itself keeps them.
    await app.db
      .delete(consentSignOrders)
      .where(lt(consentSignOrders.createdAt, new Date(now.getTime() - SIGN_ORDER_MAX_AGE_MS)));
    await app.db.insert(consentSignOrders).values({
      orderRef: order.orderRef,
      invitationId: row.id,
      personnummer: user.personnummer,
      subject,
      subjectHash: sha256(consentCanonical(subject, neighbour.id, 'consented')),
      qrStartToken: order.qrStartToken,
      qrStartSecret: order.qrStartSecret,
      createdAt: now,
    });
    return { orderRef: order.orderRef, autoStartToken: order.autoStartToken };
  }

  async function ownOrder(user: SessionUser, code: string, orderRef: string) {
    const { row } = await openInvitation(app, user, code);
    const [order] = await app.db
      .select()
      .from(consentSignOrders)
      .where(
        and(
          eq(consentSignOrders.orderRef, orderRef),
          eq(consentSignOrders.invitationId, row.id),
          eq(consentSignOrders.personnummer, user.personnummer),
        ),
      );
    if (!order || app.clock().getTime() - order.createdAt.getTime() > SIGN_ORDER_MAX_AGE_MS)
      throw appError('notFound', 'consent.orderNotFound');
    return order;
  }

  async function collect(
    user: SessionUser,
    code: string,
    orderRef: string,
    log: FastifyBaseLogger,
  ): Promise<SignCollectResult> {
    const order = await ownOrder(user, code, orderRef);
    const collected = await collectLinkSignature(app, order, user.personnummer, () => forget(order.orderRef), {
      signedByOther: 'consent.signedByOther',
      log,
    });
    if ('unfinished' in collected) return collected.unfinished;
    // What was shown must still be what is drawn: a change while the neighbour signed is not consented to.
    const { neighbour, subject } = await openInvitation(app, user, code);
    const hash = sha256(consentCanonical(subject, neighbour.id, 'consented'));
    if (hash !== order.subjectHash) throw appError('conflict', 'consent.drawingChanged');
    const signed = collected.completion.completionData;
    await saveAnswer(app, order.invitationId, user.personnummer, {
      answer: 'consented',
      subject: order.subject,
      subjectHash: order.subjectHash,
      signature: signed.signature,
      ocspResponse: signed.ocspResponse,
      bankIdIssueDate: signed.bankIdIssueDate,
    });
    log.info({ invitationId: order.invitationId }, 'neighbour consent signed');
    return { status: 'complete', message: 'Medgivandet är underskrivet.' };
  }

  /** Ends signing: nothing is stored, and BankID forgets the order. */
  async function cancel(user: SessionUser, code: string, orderRef: string) {
    const order = await ownOrder(user, code, orderRef);
    await cancelLinkSignature(app, order.orderRef, () => forget(order.orderRef));
  }

  return { startSign, collect, cancel, ownOrder };
}
