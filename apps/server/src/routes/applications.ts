import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq, isNull, lt } from 'drizzle-orm';
import {
  ApiErrorSchema,
  ApplicationSubmissionSchema,
  LoginCollectInputSchema,
  QrResultSchema,
  SignCollectResultSchema,
  SignStartResultSchema,
  SUBMISSION_CHANNEL,
  attachmentFacts,
  bankIdMessage,
  completenessInputFrom,
  evaluateApplication,
  routeCase,
  routingFacts,
  ruleSetFor,
  signSummary,
  statutoryClock,
  stockholmDate,
  type ApplicationSubmission,
  type Evaluation,
  type Property,
} from '@lovisa/domain';
import { BankIdError } from '@lovisa/bankid';
import { renderQr } from '../bankidQr';
import { attachments, signOrders } from '../db/schema';
import { AppError, appError, blockedBy, forbidden, notFound } from '../errors';
import { currentUser, noStore, requireRole, type SessionUser } from '../plugins/session';
import { AlreadySubmitted, DraftAlreadySubmitted, caseOfDraft, caseRow, createCase, toSummary } from '../repositories/cases';
import { siteFor } from '../rules/siteFor';
import { claimSubmissionKey, recordSubmissionOrder, releaseSubmissionKey, requestHash, sweepSubmissionKeys } from '../repositories/submissionKeys';

const ORDER_MAX_AGE_MS = 10 * 60_000;
const SWEEP_EVERY_MS = 60_000;
const unavailable = () => appError('unavailable', 'server.bankIdUnavailable');

/**
 * Submitting is signing: the application is checked, a BankID sign order shows the applicant what they sign,
 * and the case is created only when BankID answers `complete` for the person who is logged in.
 */
export default async function applicationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', requireRole('applicant'));
  app.addHook('onSend', noStore);
  let lastSweep = Number.NEGATIVE_INFINITY;

  async function checkApplication(user: SessionUser, application: ApplicationSubmission, at: Date) {
    const property = await app.registers.land.propertyById(application.propertyId);
    if (!property) throw notFound('property');
    const owned = await app.registers.ownership.propertyIdsOwnedBy(user.personnummer);
    if (!owned.includes(property.id)) throw forbidden();
    return { property, evaluation: await evaluate(user, application, property, at) };
  }

  /**
   * The rules engine's verdict, with the rule set in force on the day: the same function, on the same register
   * data, as the browser ran. Anything it would have flagged as blocking is refused here too.
   */
  async function evaluate(user: SessionUser, application: ApplicationSubmission, property: Property, at: Date): Promise<Evaluation> {
    const ruleSet = ruleSetFor(stockholmDate(at));
    if (!ruleSet) throw new Error(`no rule set in force on ${stockholmDate(at)}`);
    // The files are the draft's, as uploaded: what the applicant sees in the attachments step.
    const files = application.draftId
      ? await app.db
          .select({ type: attachments.type, neighbourPropertyId: attachments.neighbourPropertyId })
          .from(attachments)
          .where(and(eq(attachments.draftId, application.draftId), eq(attachments.ownerPersonnummer, user.personnummer), isNull(attachments.caseId)))
      : [];
    const input = { ...completenessInputFrom(application), ...attachmentFacts(files) };
    const evaluation = evaluateApplication(input, await siteFor(app, property), ruleSet, SUBMISSION_CHANNEL);
    const blocking = evaluation.missing.filter((m) => m.blocking);
    if (blocking.length > 0) throw blockedBy(blocking);
    return evaluation;
  }

  async function ownOrder(request: FastifyRequest, orderRef: string) {
    const [order] = await app.db
      .select()
      .from(signOrders)
      .where(and(eq(signOrders.orderRef, orderRef), eq(signOrders.personnummer, currentUser(request).personnummer)));
    if (!order) throw appError('notFound', 'server.signatureNotFound');
    return order;
  }

  r.post(
    '/applications',
    {
      config: { rateLimit: { max: app.config.bankidStartLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['applicant'],
        summary: 'Submit an application: checked with the same schema as in the browser, then signed with BankID',
        body: ApplicationSubmissionSchema,
        headers: z.object({
          /** Sent again with a retry: the first request's answer comes back, and one BankID order is started. */
          'idempotency-key': z
            .string()
            .regex(/^[A-Za-z0-9_-]{16,100}$/, 'Idempotency-Key ska vara 16–100 tecken: bokstäver a–z, siffror, - och _.')
            .optional(),
        }),
        response: {
          202: SignStartResultSchema,
          400: ApiErrorSchema,
          401: ApiErrorSchema,
          403: ApiErrorSchema,
          404: ApiErrorSchema,
          409: ApiErrorSchema,
          429: ApiErrorSchema,
          503: ApiErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const application = request.body;
      const key = request.headers['idempotency-key'];
      const started = (orderRef: string, autoStartToken: string) =>
        reply.status(202).send({ orderRef, autoStartToken, pollIntervalMs: app.config.bankidPollIntervalMs });
      // A retry with the key of an earlier request gets that request's answer (its sign order, even if it has
      // since become a case); copies arriving at once start one BankID order between them.
      if (key) {
        const claim = await claimSubmissionKey(app.db, user.personnummer, key, requestHash(application), app.clock);
        if (claim.kind === 'answered') return started(claim.orderRef, claim.autoStartToken);
        if (claim.kind === 'otherRequest') throw new AppError('conflict', 'Nyckeln i Idempotency-Key hör till en annan ansökan. Skicka med en ny nyckel.');
        if (claim.kind === 'busy') throw new AppError('conflict', 'Ansökan håller redan på att skickas. Vänta ett ögonblick och försök igen.');
      }
      try {
        const order = await startSignOrder(request, user, application);
        if (key) await recordSubmissionOrder(app.db, user.personnummer, key, order.orderRef, order.autoStartToken);
        return started(order.orderRef, order.autoStartToken);
      } catch (err) {
        // Nothing was started: the key is free again, for the retry of a request that failed.
        if (key) await releaseSubmissionKey(app.db, user.personnummer, key);
        throw err;
      }
    },
  );

  /** Checks the application, asks BankID to start the signature and keeps the order until it is collected. */
  async function startSignOrder(request: FastifyRequest, user: SessionUser, application: ApplicationSubmission) {
    // A draft is sent once: sending it again (a second tab, a retry) names the case it already became.
    const sent = application.draftId ? await caseOfDraft(app.db, application.draftId, user.personnummer) : null;
    if (sent) throw new AppError('conflict', `Ansökan är redan skickad och har diarienummer ${sent.diaryNumber}.`);
    const { property } = await checkApplication(user, application, app.clock());
    let order;
    try {
      order = await app.bankid().sign({
        endUserIp: request.ip,
        requirement: { personalNumber: user.personnummer },
        userVisibleData: Buffer.from(signSummary(application, property.designation)).toString('base64'),
        userVisibleDataFormat: 'simpleMarkdownV1',
      });
    } catch (err) {
      if (err instanceof BankIdError && err.errorCode === 'alreadyInProgress') {
        throw appError('conflict', 'server.bankIdBusy');
      }
      request.log.warn({ errorCode: err instanceof BankIdError ? err.errorCode : 'unknown' }, 'bankid sign failed');
      throw unavailable();
    }
    const now = app.clock();
    // Old orders (and the idempotency keys pointing at them) are swept at most once a minute per process: a
    // statement (a scan of the table) less in nearly every submission. A leftover order is harmless: BankID
    // ended it long ago.
    if (Math.abs(now.getTime() - lastSweep) >= SWEEP_EVERY_MS) {
      lastSweep = now.getTime();
      const cutoff = new Date(now.getTime() - ORDER_MAX_AGE_MS);
      await app.db.delete(signOrders).where(lt(signOrders.createdAt, cutoff));
      await sweepSubmissionKeys(app.db, cutoff);
    }
    await app.db.insert(signOrders).values({
      orderRef: order.orderRef,
      personnummer: user.personnummer,
      application,
      propertyDesignation: property.designation,
      qrStartToken: order.qrStartToken,
      qrStartSecret: order.qrStartSecret,
      createdAt: now,
    });
    return order;
  }

  r.get(
    '/applications/sign/:orderRef/qr',
    {
      schema: {
        tags: ['applicant'],
        summary: 'The animated QR for signing, this second',
        params: z.object({ orderRef: z.string().min(1).max(100) }),
        response: { 200: QrResultSchema, 401: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const order = await ownOrder(request, request.params.orderRef);
      reply.header('cache-control', 'no-store');
      return renderQr(order, app.clock());
    },
  );

  r.post(
    '/applications/sign/collect',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Poll the signature (every 2 s); on completion the case is created, once',
        body: LoginCollectInputSchema,
        response: { 200: SignCollectResultSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 503: ApiErrorSchema },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const order = await ownOrder(request, request.body.orderRef);
      const done = async (caseId: string) => {
        const row = await caseRow(app.db, caseId);
        return { status: 'complete' as const, message: 'Ansökan är underskriven och skickad.', case: toSummary(row!) };
      };
      if (order.caseId) return done(order.caseId);
      const forget = () => app.db.delete(signOrders).where(eq(signOrders.orderRef, order.orderRef));
      // The losing order of a draft another order already made into a case keeps pointing at that case, so a
      // repeated collect (a retry, a second poll in flight) gets the case again rather than a 404.
      const lost = async (caseId: string) => {
        await app.db.update(signOrders).set({ caseId }).where(and(eq(signOrders.orderRef, order.orderRef), isNull(signOrders.caseId)));
        return done(caseId);
      };
      let result;
      try {
        result = await app.bankid().collect(order.orderRef);
      } catch (err) {
        if (err instanceof BankIdError && err.httpStatus === 400) {
          await forget();
          return { status: 'failed' as const, hintCode: 'notFound', message: bankIdMessage('notFound', 'failed') };
        }
        throw unavailable();
      }
      if (result.status === 'pending') {
        return { status: 'pending' as const, hintCode: result.hintCode, message: bankIdMessage(result.hintCode, 'pending') };
      }
      if (result.status === 'failed') {
        await forget();
        return { status: 'failed' as const, hintCode: result.hintCode, message: bankIdMessage(result.hintCode, 'failed') };
      }
      const { user: signer, signature, ocspResponse, bankIdIssueDate } = result.completionData;
      if (signer.personalNumber !== user.personnummer) {
        await forget();
        request.log.warn({ orderRef: order.orderRef }, 'sign order completed by another person; refused');
        throw appError('forbidden', 'server.signedByOther');
      }
      const application = ApplicationSubmissionSchema.parse(order.application);
      const receivedAt = app.clock();
      // Judged again on the day it arrives: that day's rule set decides (a signature may straddle a reform).
      let evaluation: Evaluation;
      try {
        ({ evaluation } = await checkApplication(user, application, receivedAt));
      } catch (err) {
        // A concurrent collect may have just made the case (and moved the draft's files to it), or another
        // sign order of the same draft did (a second tab): the answer is that case.
        const fresh = await ownOrder(request, order.orderRef);
        if (fresh.caseId) return done(fresh.caseId);
        const sent = application.draftId ? await caseOfDraft(app.db, application.draftId, user.personnummer) : null;
        if (sent) return lost(sent.id);
        throw err;
      }
      const assessment = evaluation.assessment!;
      const procedure = assessment.outcome === 'notification' ? 'notification' : 'permit';
      const clock = statutoryClock({ procedure, received: receivedAt }, ruleSetFor(stockholmDate(receivedAt))!, receivedAt);
      const teams = await app.registers.staff.teams();
      try {
        const created = await createCase(app.db, {
          application,
          applicant: { personnummer: user.personnummer, name: user.name },
          propertyDesignation: order.propertyDesignation,
          routing: routeCase(routingFacts(application.measure, evaluation), app.config.routingRules, teams[0]!.id),
          assignment: app.config.assignNewCases,
          assessment: {
            ruleSetId: evaluation.ruleSetId,
            procedure,
            reasons: assessment.reasons.map((r) => r.code),
            conditions: assessment.conditions.map((c) => c.code),
            deviation: evaluation.compliance?.deviation ?? false,
            confirmWithMunicipality: assessment.confirmWithMunicipality,
            advice: evaluation.missing.map((m) => m.code),
            texts: {
              reasons: assessment.reasons.map((r) => r.text),
              conditions: assessment.conditions.map((c) => c.text),
              advice: evaluation.missing.map((m) => m.text),
            },
            decisionDeadline: clock.deadline!,
          },
          receivedAt,
          signed: { orderRef: order.orderRef, signature, ocspResponse, bankIdIssueDate },
        });
        request.log.info({ caseId: created.id, diaryNumber: created.diaryNumber }, 'application received');
        return { status: 'complete' as const, message: 'Ansökan är underskriven och skickad.', case: created };
      } catch (err) {
        if (err instanceof DraftAlreadySubmitted) return lost(err.caseId);
        if (!(err instanceof AlreadySubmitted)) throw err;
        return done((await ownOrder(request, order.orderRef)).caseId!);
      }
    },
  );

  r.post(
    '/applications/sign/cancel',
    {
      schema: {
        tags: ['applicant'],
        summary: 'Cancel signing; nothing is submitted',
        body: LoginCollectInputSchema,
        response: { 204: z.null(), 401: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const order = await ownOrder(request, request.body.orderRef);
      if (!order.caseId) {
        await app.db.delete(signOrders).where(and(eq(signOrders.orderRef, order.orderRef), eq(signOrders.personnummer, order.personnummer)));
        await app.bankid().cancel(order.orderRef).catch(() => {});
      }
      return reply.status(204).send(null);
    },
  );
}
