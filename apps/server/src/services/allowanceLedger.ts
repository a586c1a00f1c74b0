import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { overlapArea } from '@lovisa/geo';
import {
  allowanceBalances,
  assessMinorMeasure,
  assessPermitNeed,
  drawnArea,
  factsWithDrawing,
  measurePlace,
  finding,
  findingMessage,
  ledgerAdditions,
  ruleSetFor,
  stockholmDate,
  type AllowanceLedger,
  type DomainMessageId,
  type Finding,
  type MeasureAnswerInput,
  type PermitFreeAnswerInput,
  type Property,
} from '@lovisa/domain';
import { AppError, appError, findingIssue, forbidden, issueById } from '../errors';
import type { SessionUser } from '../plugins/session';
import {
  ledgerEntriesOf,
  lockLedgerOf,
  recordLedgerRows,
  recordMeasureAnswer,
} from '../repositories/permitFreeAnswers';
import { siteFor } from '../rules/siteFor';

function ruleSetOn(at: Date) {
  const set = ruleSetFor(stockholmDate(at));
  if (!set) throw new Error(`no rule set in force on ${stockholmDate(at)}`);
  return set;
}

/** The property's ledger under the rule set in force today: Lovisa's entries and what each allowance has left. */
export async function ledgerOf(app: FastifyInstance, property: Property): Promise<AllowanceLedger> {
  const ruleSet = ruleSetOn(app.clock());
  const [entries, site] = await Promise.all([ledgerEntriesOf(app.db, property.id), siteFor(app, property, false)]);
  return { ruleSetId: ruleSet.id, entries, balances: allowanceBalances(site, ruleSet, entries) };
}

/**
 * The owner saves a permit-free answer: judged again here, on the registers and the ledger as they stand, with
 * today's rule set, and recorded only if it is still permit-free. So the browser's word never fills the ledger.
 */
export async function savePermitFreeAnswer(
  app: FastifyInstance,
  user: SessionUser,
  property: Property,
  input: PermitFreeAnswerInput,
): Promise<{ answerId: string; outcome: 'none' | 'notification'; ledger: AllowanceLedger }> {
  await mustOwn(app, user, property);
  const now = app.clock();
  const ruleSet = ruleSetOn(now);
  const measure = {
    type: input.measure,
    footprints: input.footprints,
    ridgeHeightM: input.ridgeHeightM,
    ...(input.grossFloorAreaM2 === undefined ? {} : { grossFloorAreaM2: input.grossFloorAreaM2 }),
  };
  const answerId = randomUUID();
  // Judged and recorded under the property's lock: two saves at once cannot both fit into what one leaves.
  const outcome = await app.db.transaction(async (tx) => {
    await lockLedgerOf(tx, property.id);
    const assessment = assessPermitNeed(measure, await siteFor(app, property, tx), ruleSet);
    if (assessment.outcome === 'permit') {
      throw permitNeeded(assessment.reasons.slice(1));
    }
    // A building already on the ledger drawn again (a second click, a second tab) is not a second building.
    const entries = await ledgerEntriesOf(tx, property.id);
    const saved = { type: 'MultiPolygon' as const, coordinates: entries.map((e) => e.footprint.coordinates) };
    if (input.footprints.some((f) => overlapArea(f, saved) > 0.01)) throw appError('conflict', 'ledger.overlapsEntry');
    const answers = {
      measure: input.measure,
      ridgeHeightM: input.ridgeHeightM,
      grossFloorAreaM2: input.grossFloorAreaM2 ?? null,
      outcome: assessment.outcome,
      reasons: assessment.reasons.map((r) => r.code),
      conditions: assessment.conditions.map((c) => c.code),
      tiers: assessment.tiers,
    };
    await recordLedgerRows(
      tx,
      ledgerAdditions(measure, assessment, ruleSet).map((add) => ({
        id: randomUUID(),
        answerId,
        propertyId: property.id,
        savedBy: user.personnummer,
        source: 'lovisaAnswer',
        ruleSetId: ruleSet.id,
        measure: input.measure,
        legalBasis: add.legalBasis,
        footprint: add.footprint,
        areaM2: add.areaM2,
        answers,
        createdAt: now,
      })),
    );
    return assessment.outcome;
  });
  return { answerId, outcome, ledger: await ledgerOf(app, property) };
}

async function mustOwn(app: FastifyInstance, user: SessionUser, property: Property): Promise<void> {
  const owned = await app.registers.ownership.propertyIdsOwnedBy(user.personnummer);
  if (!owned.includes(property.id)) throw forbidden();
}

/** 409 "Du behöver söka bygglov.", with the reasons that decided it. */
function permitNeeded(reasons: Finding[]): AppError {
  const summary = finding('PERMIT_REQUIRED');
  return new AppError(
    'conflict',
    summary.text.sv,
    reasons.map((r) => findingIssue(`rules.${r.code}`, r)),
    findingMessage(summary).id as DomainMessageId,
  );
}

/**
 * The owner saves a permit-free answer for a measure beyond buildings (a plank, an altan, solar panels): judged
 * again here with today's rule set, the drawing measured on the registers' plot, and recorded with the rule set,
 * the facts judged, the drawing and the verdict, ready to sign. Not on the allowance ledger: these measures take
 * no part of the plot's allowance. A permit, or an answer still waiting for a fact, is not saved (409).
 */
export async function saveMeasureAnswer(
  app: FastifyInstance,
  user: SessionUser,
  property: Property,
  input: MeasureAnswerInput,
): Promise<{ answerId: string; outcome: 'none' | 'notification' }> {
  await mustOwn(app, user, property);
  const now = app.clock();
  const ruleSet = ruleSetOn(now);
  const site = await siteFor(app, property, false);
  const facts = factsWithDrawing(input.facts, input.drawing, site);
  const assessment = assessMinorMeasure(input.measure, facts, measurePlace(site, drawnArea(input.drawing)), ruleSet);
  if (assessment.outcome === 'permit') throw permitNeeded(assessment.reasons.slice(1));
  if (assessment.missingFacts.length > 0)
    throw appError(
      'conflict',
      'ledger.factsMissing',
      undefined,
      assessment.missingFacts.map((fact) => issueById(`facts.${fact}`, 'ledger.factUnanswered')),
    );
  const answerId = randomUUID();
  await recordMeasureAnswer(app.db, {
    answerId,
    propertyId: property.id,
    savedBy: user.personnummer,
    ruleSetId: ruleSet.id,
    measure: input.measure,
    drawing: input.drawing,
    answers: {
      measure: input.measure,
      facts,
      outcome: assessment.outcome,
      reasons: assessment.reasons.map((r) => r.code),
      conditions: assessment.conditions.map((c) => c.code),
      source: assessment.source,
    },
    createdAt: now,
  });
  return { answerId, outcome: assessment.outcome };
}
