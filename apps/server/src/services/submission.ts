import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import {
  ApplicationSubmissionSchema,
  SUBMISSION_CHANNEL,
  attachmentFacts,
  bankIdMessage,
  completenessInputFrom,
  evaluateApplication,
  routeCase,
  routingFacts,
  ruleSetFor,
  fullName,
  signSummary,
  statutoryClock,
  stockholmDate,
  type ApplicationSubmission,
  type ApplicantOrganisation,
  type ApplicantStanding,
  type Evaluation,
  type Organisation,
  type Property,
  type PropertyOwner,
  type SignCollectResult,
} from '@lovisa/domain';
import { appError, blockedBy, forbidden, notFound } from '../errors';
import type { SessionUser } from '../plugins/session';
import { draftFileFacts } from '../repositories/attachments';
import {
  AlreadySubmitted,
  DraftAlreadySubmitted,
  caseOfDraft,
  caseRow,
  createCase,
  toSummary,
  type NewCase,
} from '../repositories/cases';
import {
  forgetSignOrder,
  insertSignOrder,
  pointSignOrderAt,
  signOrderOf,
  sweepSignOrders,
  type SignOrderRow,
} from '../repositories/signOrders';
import {
  claimSubmissionKey,
  recordSubmissionOrder,
  releaseSubmissionKey,
  requestHash,
  sweepSubmissionKeys,
} from '../repositories/submissionKeys';
import { siteFor } from '../rules/siteFor';
import { collectOrder, startBankIdSign, unfinishedAnswer } from './bankidCollect';
import { consentDocumentsToCase, validConsentsOf } from './consent';
import { partiesAtReceipt, submissionHashOf } from './parties';
import { standingOn } from './organisations';
import { principalOf } from './powers';
import { hasProtectedParty } from './publicRegister';

const ORDER_MAX_AGE_MS = 10 * 60_000;
const SWEEP_EVERY_MS = 60_000;
const SIGNED = 'Ansökan är underskriven och skickad.';

/** The stored verdict of a case: the rules engine's codes and texts on the day it arrived, and its deadline. */
export function caseAssessmentOf(evaluation: Evaluation, received: Date): NewCase['assessment'] {
  const assessment = evaluation.assessment!;
  const procedure = assessment.outcome === 'notification' ? 'notification' : 'permit';
  const clock = statutoryClock({ procedure, received }, ruleSetFor(stockholmDate(received))!, received);
  return {
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
      deviations: (evaluation.compliance?.rules ?? []).filter((r) => !r.pass).map((r) => r.finding.text),
    },
    ...(evaluation.compliance?.applicable
      ? {
          plan: {
            planNumber: evaluation.compliance.planNumber,
            rules: evaluation.compliance.rules.map((r) => ({
              code: r.code,
              value: r.value,
              limit: r.limit,
              unit: r.unit,
              pass: r.pass,
              text: r.finding.text,
            })),
          },
        }
      : {}),
    decisionDeadline: clock.deadline!,
  };
}

/**
 * Ownership and the rules engine's verdict, with the rule set in force on the day: the same function, on the
 * same register data, as the browser ran. Anything it would have flagged as blocking is refused here too.
 */
export async function checkApplication(
  app: FastifyInstance,
  user: SessionUser,
  application: ApplicationSubmission,
  at: Date,
): Promise<{
  property: Property;
  evaluation: Evaluation;
  consents: Awaited<ReturnType<typeof validConsentsOf>>;
  files: { type: string; neighbourPropertyId: string | null }[];
  standing: ApplicantStanding;
  owners: PropertyOwner[];
  organisations: Map<string, Organisation>;
}> {
  const property = await app.registers.land.propertyById(application.propertyId);
  if (!property) throw notFound('property');
  // Who may apply: an owner, a signatory of an owning organisation, or an agent with a power of attorney from an
  // owner that holds today (the domain's applicantStanding; ADR 0019, 0023, 0024).
  const { standing, owners, organisations } = await standingOn(app, user.personnummer, property.id, at);
  if (!standing) throw forbidden();
  const ruleSet = ruleSetFor(stockholmDate(at));
  if (!ruleSet) throw new Error(`no rule set in force on ${stockholmDate(at)}`);
  const files = application.draftId ? await draftFileFacts(app.db, application.draftId, user.personnummer) : [];
  // A consent signed with BankID that still covers the drawing counts as that neighbour's GRAM.
  const consents = application.draftId ? await validConsentsOf(app, application.draftId, application) : [];
  const consentFiles = consents.map((c) => ({ type: 'GRAM', neighbourPropertyId: c.neighbour.id }));
  const input = { ...completenessInputFrom(application), ...attachmentFacts([...files, ...consentFiles]) };
  const evaluation = evaluateApplication(input, await siteFor(app, property), ruleSet, SUBMISSION_CHANNEL);
  const blocking = evaluation.missing.filter((m) => m.blocking);
  if (blocking.length > 0) throw blockedBy(blocking);
  return { property, evaluation, consents, files, standing, owners, organisations };
}

async function ownSignOrder(app: FastifyInstance, user: SessionUser, orderRef: string): Promise<SignOrderRow> {
  const order = await signOrderOf(app.db, orderRef, user.personnummer);
  if (!order) throw appError('notFound', 'server.signatureNotFound');
  return order;
}

/** Ends signing: nothing is submitted; an order that already became a case is left as it is. */
export async function cancelSubmission(app: FastifyInstance, user: SessionUser, orderRef: string) {
  const order = await ownSignOrder(app, user, orderRef);
  if (order.caseId) return;
  await forgetSignOrder(app.db, order.orderRef);
  await app
    .bankid()
    .cancel(order.orderRef)
    .catch(() => {});
}

const done = async (app: FastifyInstance, caseId: string): Promise<SignCollectResult> => ({
  status: 'complete',
  message: SIGNED,
  case: toSummary((await caseRow(app.db, caseId))!),
});
// The losing order of a draft another order already made into a case keeps pointing at that case, so a
// repeated collect (a retry, a second poll in flight) gets the case again rather than a 404.
const lost = async (app: FastifyInstance, order: SignOrderRow, caseId: string) => {
  await pointSignOrderAt(app.db, order.orderRef, caseId);
  return done(app, caseId);
};

/** The organisation a signatory applies for, as the case keeps it: it is the applicant, "genom" the signatory. */
async function applicantOrganisationOf(
  app: FastifyInstance,
  user: SessionUser,
  organisation: Organisation,
): Promise<ApplicantOrganisation> {
  const person = await app.registers.population.personByPersonnummer(user.personnummer);
  return {
    orgnr: organisation.orgnr,
    name: organisation.name,
    address: organisation.address,
    // A protected identity is never named, not even as acting for an organisation.
    signatoryName: person?.protectedIdentity ? null : person ? fullName(person) : user.name,
  };
}

/** A signature by the logged-in person: judged again on the day it arrives, and made a case, once. */
async function receive(
  app: FastifyInstance,
  user: SessionUser,
  order: SignOrderRow,
  signed: { signature: string; ocspResponse: string; bankIdIssueDate: string },
  log: FastifyBaseLogger,
) {
  const application = ApplicationSubmissionSchema.parse(order.application);
  const receivedAt = app.clock();
  // Judged again on the day it arrives: that day's rule set decides (a signature may straddle a reform).
  let checked: Awaited<ReturnType<typeof checkApplication>>;
  try {
    checked = await checkApplication(app, user, application, receivedAt);
  } catch (err) {
    // A concurrent collect may have just made the case (and moved the draft's files to it), or another sign
    // order of the same draft did (a second tab): the answer is that case.
    const fresh = await ownSignOrder(app, user, order.orderRef);
    if (fresh.caseId) return done(app, fresh.caseId);
    const sent = application.draftId ? await caseOfDraft(app.db, application.draftId, user.personnummer) : null;
    if (sent) return lost(app, order, sent.id);
    throw err;
  }
  const { evaluation } = checked;
  const teams = await app.registers.staff.teams();
  const signature = {
    orderRef: order.orderRef,
    signature: signed.signature,
    ocspResponse: signed.ocspResponse,
    bankIdIssueDate: signed.bankIdIssueDate,
  };
  // Every other owner of the property is asked to sign the same version (issue #20, ADR 0019). An agent applies
  // for the owner they act for: the owner is the applicant, the agent a party (ADR 0023). A signatory applies for
  // the organisation, whose other signatories sign too when its firmateckning asks (ADR 0024).
  const { standing } = checked;
  const parties = await partiesAtReceipt(app, user, application, signature, receivedAt, {
    owners: checked.owners,
    standing,
  });
  const organisation =
    standing.as === 'signatory'
      ? await applicantOrganisationOf(app, user, checked.organisations.get(standing.orgnr)!)
      : null;
  const applicant = standing.as === 'agent' ? await principalOf(app, standing.principal) : user;
  try {
    const created = await createCase(app.db, {
      application,
      applicant: { personnummer: applicant.personnummer, name: organisation?.name ?? applicant.name },
      organisation,
      draftOwner: user.personnummer,
      propertyDesignation: order.propertyDesignation,
      routing: routeCase(routingFacts(application.measure, evaluation), app.config.routingRules, teams[0]!.id),
      assignment: app.config.assignNewCases,
      protectedParty: await hasProtectedParty(app.registers, applicant.personnummer, application.propertyId),
      assessment: caseAssessmentOf(evaluation, receivedAt),
      receivedAt,
      signed: signature,
      parties,
    });
    await consentDocumentsToCase(
      app,
      {
        id: created.id,
        diaryNumber: created.diaryNumber,
        ownerPersonnummer: user.personnummer,
        siteDesignation: order.propertyDesignation,
        receivedAt,
      },
      checked.consents,
      checked.files,
      application,
    );
    log.info({ caseId: created.id, diaryNumber: created.diaryNumber }, 'application received');
    app.metrics.applicationReceived(created.measure);
    return { status: 'complete' as const, message: SIGNED, case: created };
  } catch (err) {
    if (err instanceof DraftAlreadySubmitted) return lost(app, order, err.caseId);
    if (!(err instanceof AlreadySubmitted)) throw err;
    return done(app, (await ownSignOrder(app, user, order.orderRef)).caseId!);
  }
}

/**
 * Submitting is signing: the application is checked, a BankID sign order shows the applicant what they sign,
 * and the case is created only when BankID answers `complete` for the person who is logged in.
 */
export function submissionService(app: FastifyInstance) {
  let lastSweep = Number.NEGATIVE_INFINITY;

  /** Old orders (and the idempotency keys pointing at them), at most once a minute per process. */
  async function sweep(now: Date) {
    if (Math.abs(now.getTime() - lastSweep) < SWEEP_EVERY_MS) return;
    lastSweep = now.getTime();
    const cutoff = new Date(now.getTime() - ORDER_MAX_AGE_MS);
    await sweepSignOrders(app.db, cutoff);
    await sweepSubmissionKeys(app.db, cutoff);
  }

  /** Checks the application, asks BankID to start the signature and keeps the order until it is collected. */
  async function startSignOrder(
    user: SessionUser,
    application: ApplicationSubmission,
    endUserIp: string,
    log: FastifyBaseLogger,
  ) {
    // A draft is sent once: sending it again (a second tab, a retry) names the case it already became.
    const sent = application.draftId ? await caseOfDraft(app.db, application.draftId, user.personnummer) : null;
    if (sent) throw appError('conflict', 'server.alreadySubmitted', { diaryNumber: sent.diaryNumber });
    const { property } = await checkApplication(app, user, application, app.clock());
    const order = await startBankIdSign(
      app,
      {
        endUserIp,
        requirement: { personalNumber: user.personnummer },
        userVisibleData: Buffer.from(
          signSummary(application, property.designation, app.config.municipality.name),
        ).toString('base64'),
        userVisibleDataFormat: 'simpleMarkdownV1',
        // The hash of exactly this version: co-owners sign the same one (ADR 0019).
        userNonVisibleData: Buffer.from(submissionHashOf(application)).toString('base64'),
      },
      log,
      'application',
    );
    const now = app.clock();
    await sweep(now);
    await insertSignOrder(app.db, {
      orderRef: order.orderRef,
      personnummer: user.personnummer,
      application,
      propertyDesignation: property.designation,
      qrStartToken: order.qrStartToken,
      qrStartSecret: order.qrStartSecret,
      createdAt: now,
    });
    return { orderRef: order.orderRef, autoStartToken: order.autoStartToken };
  }

  /**
   * Starts signing. A retry with the key of an earlier request gets that request's answer (its sign order, even
   * if it has since become a case); copies arriving at once start one BankID order between them.
   */
  async function start(
    user: SessionUser,
    application: ApplicationSubmission,
    key: string | undefined,
    endUserIp: string,
    log: FastifyBaseLogger,
  ) {
    if (key) {
      const claim = await claimSubmissionKey(app.db, user.personnummer, key, requestHash(application), app.clock);
      if (claim.kind === 'answered') return { orderRef: claim.orderRef, autoStartToken: claim.autoStartToken };
      if (claim.kind === 'otherRequest') throw appError('conflict', 'server.idempotencyKeyReused');
      if (claim.kind === 'busy') throw appError('conflict', 'server.submissionInProgress');
    }
    try {
      const order = await startSignOrder(user, application, endUserIp, log);
      if (key) await recordSubmissionOrder(app.db, user.personnummer, key, order.orderRef, order.autoStartToken);
      return order;
    } catch (err) {
      // Nothing was started: the key is free again, for the retry of a request that failed.
      if (key) await releaseSubmissionKey(app.db, user.personnummer, key);
      throw err;
    }
  }

  /** Polls BankID; on completion by the logged-in person the application is judged again and becomes a case, once. */
  async function collect(user: SessionUser, orderRef: string, log: FastifyBaseLogger): Promise<SignCollectResult> {
    const order = await ownSignOrder(app, user, orderRef);
    if (order.caseId) return done(app, order.caseId);
    const result = await collectOrder(app, order.orderRef);
    if (!result) await forgetSignOrder(app.db, order.orderRef);
    if (!result || result.status === 'pending') return unfinishedAnswer(result);
    app.metrics.bankIdOrderEnded('sign', result.status, result.status === 'failed' ? result.hintCode : undefined);
    if (result.status === 'failed') {
      await forgetSignOrder(app.db, order.orderRef);
      return { status: 'failed', hintCode: result.hintCode, message: bankIdMessage(result.hintCode, 'failed') };
    }
    if (result.completionData.user.personalNumber !== user.personnummer) {
      await forgetSignOrder(app.db, order.orderRef);
      log.warn({ orderRef: order.orderRef }, 'sign order completed by another person; refused');
      throw appError('forbidden', 'server.signedByOther');
    }
    return receive(app, user, order, result.completionData, log);
  }

  return {
    start,
    collect,
    cancel: (user: SessionUser, orderRef: string) => cancelSubmission(app, user, orderRef),
    ownOrder: (user: SessionUser, orderRef: string) => ownSignOrder(app, user, orderRef),
  };
}
