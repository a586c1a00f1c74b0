import { createHash } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import {
  MeasureTypeSchema,
  MinorMeasureTypeSchema,
  ruleSets,
  signedAnswerCanonical,
  signedAnswerText,
  stockholmDate,
  type MeasureDrawing,
  type SavedAnswer,
  type SignCollectResult,
  type SignedAnswerContent,
} from '@lovisa/domain';
import type { Polygon } from '@lovisa/geo';
import { appError } from '../errors';
import type { SessionUser } from '../plugins/session';
import {
  answerSignOrder,
  forgetAnswerSignOrder,
  insertAnswerSignOrder,
  measureAnswerOf,
  recordSignature,
  rowsOfAnswer,
  signatureOf,
} from '../repositories/permitFreeAnswers';
import { cancelLinkSignature, collectLinkSignature, startBankIdSign } from './bankidCollect';

const SIGN_ORDER_MAX_AGE_MS = 10 * 60_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A saved "no permit needed" answer as the ledger keeps it, for the one who may see it: an owner of the property
 * (the one who saved it or a co-owner), or an officer (supervision asks). Signing is for an owner only.
 */
async function openAnswer(app: FastifyInstance, user: SessionUser, answerId: string, toSign: boolean) {
  const rows = await rowsOfAnswer(app.db, answerId);
  const first = rows[0];
  // A building's answer is its ledger rows; a measure beyond buildings has one row of its own.
  const minor = first ? null : await measureAnswerOf(app.db, answerId);
  const stored = first ?? minor;
  if (!stored) throw appError('notFound', 'ledger.answerNotFound');
  const property = await app.registers.land.propertyById(stored.propertyId);
  if (!property) throw appError('notFound', 'ledger.answerNotFound');
  const owned = await app.registers.ownership.propertyIdsOwnedBy(user.personnummer);
  const owner = owned.includes(property.id);
  if (!owner && (toSign || !user.roles.includes('officer'))) throw appError('forbidden', 'ledger.notOwner');
  const answers = stored.answers as { outcome: 'none' | 'notification' };
  const content: SignedAnswerContent = minor
    ? {
        answerId,
        propertyId: property.id,
        ruleSetId: minor.ruleSetId,
        measure: MinorMeasureTypeSchema.parse(minor.measure),
        footprints: [],
        drawing: (minor.drawing as MeasureDrawing | null) ?? null,
        answers: minor.answers,
      }
    : {
        answerId,
        propertyId: property.id,
        ruleSetId: stored.ruleSetId,
        measure: MeasureTypeSchema.parse(stored.measure),
        footprints: rows.map((r) => r.footprint as Polygon),
        answers: stored.answers,
      };
  const canonical = signedAnswerCanonical(content);
  return {
    content,
    canonical,
    hash: sha256(canonical),
    property,
    outcome: answers.outcome,
    areaM2: Math.round(rows.reduce((s, r) => s + r.areaM2, 0) * 100) / 100,
    savedAt: stored.createdAt,
  };
}

/** The owner signs a saved answer with BankID, as an application is signed; one signature per answer. */
export function ledgerSigningService(app: FastifyInstance) {
  async function view(user: SessionUser, answerId: string): Promise<SavedAnswer> {
    const opened = await openAnswer(app, user, answerId, false);
    const signed = await signatureOf(app.db, answerId);
    return {
      answerId,
      propertyId: opened.property.id,
      designation: opened.property.designation,
      ruleSetId: opened.content.ruleSetId,
      measure: opened.content.measure,
      outcome: opened.outcome,
      footprints: opened.content.footprints,
      ...(opened.content.drawing === undefined ? {} : { drawing: opened.content.drawing }),
      answers: opened.content.answers,
      areaM2: opened.areaM2,
      savedAt: opened.savedAt.toISOString(),
      canonical: opened.canonical,
      sha256: opened.hash,
      signature: signed
        ? { signedBy: signed.signerName, signedAt: signed.signedAt.toISOString(), sha256: signed.answerHash }
        : null,
      verified: signed ? signed.answerHash === opened.hash : null,
    };
  }

  async function startSign(user: SessionUser, answerId: string, endUserIp: string, log: FastifyBaseLogger) {
    const opened = await openAnswer(app, user, answerId, true);
    if (await signatureOf(app.db, answerId)) throw appError('conflict', 'ledger.alreadySigned');
    const ruleSet = ruleSets.find((s) => s.id === opened.content.ruleSetId);
    const text = signedAnswerText({
      designation: opened.property.designation,
      measure: opened.content.measure,
      areaM2: opened.areaM2,
      outcome: opened.outcome,
      ruleSetName: ruleSet?.name.sv ?? opened.content.ruleSetId,
      savedOn: stockholmDate(opened.savedAt),
    });
    // jscpd:ignore-start -- a sign order is started and kept as a neighbour's consent's and a co-owner's are
    // (services/consentSigning.ts, partySigning.ts); what is signed and where the order is kept differ.
    const order = await startBankIdSign(
      app,
      {
        endUserIp,
        requirement: { personalNumber: user.personnummer },
        userVisibleData: Buffer.from(text).toString('base64'),
        userNonVisibleData: Buffer.from(opened.hash).toString('base64'),
      },
      log,
      'no-permit answer',
    );
    const now = app.clock();
    await insertAnswerSignOrder(
      app.db,
      {
        orderRef: order.orderRef,
        answerId,
        personnummer: user.personnummer,
        answerHash: opened.hash,
        qrStartToken: order.qrStartToken,
        qrStartSecret: order.qrStartSecret,
        createdAt: now,
      },
      new Date(now.getTime() - SIGN_ORDER_MAX_AGE_MS),
    );
    // jscpd:ignore-end
    return { orderRef: order.orderRef, autoStartToken: order.autoStartToken };
  }

  async function ownOrder(user: SessionUser, answerId: string, orderRef: string) {
    await openAnswer(app, user, answerId, true);
    const order = await answerSignOrder(app.db, orderRef, answerId, user.personnummer);
    if (!order || app.clock().getTime() - order.createdAt.getTime() > SIGN_ORDER_MAX_AGE_MS)
      throw appError('notFound', 'ledger.orderNotFound');
    return order;
  }

  async function collect(
    user: SessionUser,
    answerId: string,
    orderRef: string,
    log: FastifyBaseLogger,
  ): Promise<SignCollectResult> {
    const order = await ownOrder(user, answerId, orderRef);
    // jscpd:ignore-start -- collected as a co-owner's signature is (services/partySigning.ts), same helpers.
    const collected = await collectLinkSignature(
      app,
      order,
      user.personnummer,
      () => forgetAnswerSignOrder(app.db, order.orderRef),
      { signedByOther: 'ledger.signedByOther', log },
    );
    if ('unfinished' in collected) return collected.unfinished;
    // jscpd:ignore-end
    const opened = await openAnswer(app, user, answerId, true);
    if (opened.hash !== order.answerHash) throw appError('conflict', 'ledger.answerNotFound');
    const signed = collected.completion.completionData;
    const recorded = await recordSignature(app.db, {
      answerId,
      propertyId: opened.property.id,
      personnummer: user.personnummer,
      signerName: signed.user.name,
      answerHash: opened.hash,
      signature: signed.signature,
      ocspResponse: signed.ocspResponse,
      bankIdIssueDate: signed.bankIdIssueDate ?? null,
      signedAt: app.clock(),
    });
    if (!recorded) throw appError('conflict', 'ledger.alreadySigned');
    log.info({ answerId }, 'no-permit answer signed');
    return { status: 'complete', message: 'Svaret är underskrivet.' };
  }

  /** Ends signing: nothing is stored, and BankID forgets the order. */
  async function cancel(user: SessionUser, answerId: string, orderRef: string) {
    const order = await ownOrder(user, answerId, orderRef);
    await cancelLinkSignature(app, order.orderRef, () => forgetAnswerSignOrder(app.db, order.orderRef));
  }

  return { view, startSign, ownOrder, collect, cancel };
}
