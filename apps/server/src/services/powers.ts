import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import {
  ApplicationSubmissionSchema,
  applicantStanding,
  fullName,
  grantProblems,
  powerLifeState,
  powerOfAttorneyCanonical,
  powerOfAttorneySignText,
  powerOfAttorneyState,
  stockholmDate,
  type ApplicantStanding,
  type MyPowers,
  type PowerOfAttorney,
  type PowerOfAttorneyGrant,
  type PowerOfAttorneyPreview,
  type PowerOfAttorneyView,
  type SignCollectResult,
} from '@lovisa/domain';
import { appError } from '../errors';
import type { SessionUser } from '../plugins/session';
import { caseRow, type CaseRow } from '../repositories/cases';
import { partiesOfCase, updateParty } from '../repositories/parties';
import {
  agentPartiesOf,
  forgetPowerSignOrder,
  insertPower,
  insertPowerSignOrder,
  powerById,
  powerOf,
  powerSignOrder,
  powersGivenBy,
  powersHeldBy,
  revokePower,
  type PowerRow,
} from '../repositories/powers';
import { caseParties } from '../db/schema';
import { cancelLinkSignature, collectLinkSignature, startBankIdSign } from './bankidCollect';
import { sha256 } from './consent';
import { nameOf, submissionHashOf } from './parties';

const SIGN_ORDER_MAX_AGE_MS = 10 * 60_000;

const today = (app: FastifyInstance) => stockholmDate(app.clock());

/** A power as its principal and agent see it, with its state today. */
export const powerView = (row: PowerRow, day: string): PowerOfAttorneyView => ({
  ...powerOf(row),
  principalName: row.principalName,
  agentName: row.agentName,
  scopeLabel: row.scopeLabel,
  state: powerLifeState(powerOf(row), day),
  signedAt: row.signedAt.toISOString(),
});

/**
 * Whether a person may apply for the property (and act on the case), and as what: owner, or agent through a
 * power of attorney that holds today (the domain's `applicantStanding`, on the land register's owners).
 */
export async function standingOf(
  app: FastifyInstance,
  personnummer: string,
  propertyId: string,
  caseId: string | null = null,
): Promise<ApplicantStanding | null> {
  const [owners, held] = await Promise.all([
    app.registers.land.ownersOf(propertyId),
    powersHeldBy(app.db, personnummer),
  ]);
  return applicantStanding(
    personnummer,
    owners.map((o) => ({ kind: 'person' as const, personnummer: o.personnummer })),
    { propertyId, caseId, today: today(app), powers: held.map(powerOf) },
  );
}

/** The owner an agent applies for, as the case names its applicant: the population register's name. */
export async function principalOf(app: FastifyInstance, personnummer: string) {
  const person = await app.registers.population.personByPersonnummer(personnummer);
  return { personnummer, name: person ? fullName(person) : personnummer };
}

/** The properties a person may apply for as an agent today, with the owner they act for. */
export async function agentProperties(
  app: FastifyInstance,
  personnummer: string,
): Promise<{ propertyId: string; principalName: string | null }[]> {
  const held = (await powersHeldBy(app.db, personnummer)).filter(
    (p) => p.scopeKind === 'property' && powerLifeState(powerOf(p), today(app)) === 'valid',
  );
  const found: { propertyId: string; principalName: string | null }[] = [];
  for (const p of held) {
    if (found.some((f) => f.propertyId === p.propertyId)) continue;
    // The principal must still own it: the power rests on their ownership.
    if ((await standingOf(app, personnummer, p.propertyId!))?.as === 'agent')
      found.push({ propertyId: p.propertyId!, principalName: p.principalName });
  }
  return found;
}

/** The cases a person is an agent on through a power that holds today there (Mina ärenden, the inbox). */
export async function agentCaseIds(app: FastifyInstance, personnummer: string): Promise<string[]> {
  const rows = await agentPartiesOf(app.db, personnummer);
  const day = today(app);
  return rows
    .filter(
      (r) =>
        powerOfAttorneyState(powerOf(r.power), { propertyId: r.propertyId, caseId: r.caseId, today: day }) === 'valid',
    )
    .map((r) => r.caseId);
}

/** The person is an agent on this case through a power that holds today. */
export async function isActingAgent(app: FastifyInstance, personnummer: string, row: CaseRow): Promise<boolean> {
  const party = (await partiesOfCase(app.db, row.id)).find(
    (p) => p.personnummer === personnummer && p.role === 'agent' && p.powerId,
  );
  const power = party ? await powerById(app.db, party.powerId!) : null;
  return (
    power !== null &&
    powerOfAttorneyState(powerOf(power), { propertyId: row.propertyId, caseId: row.id, today: today(app) }) === 'valid'
  );
}

/** Gives, lists and revokes powers of attorney: the owner's side, and the agent's list of what they hold. */
export function powersService(app: FastifyInstance) {
  /** What the owner may give a power for: one of their properties, or a case they applied for. */
  async function scopeLabel(user: SessionUser, scope: PowerOfAttorney['scope']): Promise<string> {
    if (scope.kind === 'property') {
      const owned = await app.registers.ownership.propertyIdsOwnedBy(user.personnummer);
      const property = owned.includes(scope.propertyId)
        ? await app.registers.land.propertyById(scope.propertyId)
        : null;
      if (!property) throw appError('forbidden', 'powers.notYours');
      return property.designation;
    }
    const row = await caseRow(app.db, scope.caseId);
    if (!row || row.applicantPersonnummer !== user.personnummer) throw appError('forbidden', 'powers.notYours');
    return `${row.diaryNumber}, ${row.propertyDesignation}`;
  }

  /** Checks a grant and says what the owner will sign: the agent's name (from the register) and the text. */
  async function preview(user: SessionUser, grant: PowerOfAttorneyGrant) {
    const [problem] = grantProblems(grant, user.personnummer, today(app));
    if (problem) throw appError('invalidInput', problem);
    const agent = await app.registers.population.personByPersonnummer(grant.agent);
    if (!agent) throw appError('invalidInput', 'powers.agentNotFound');
    const label = await scopeLabel(user, grant.scope);
    const agentName = await nameOf(app, grant.agent);
    const principalName = (await nameOf(app, user.personnummer)) ?? user.name;
    const signText = powerOfAttorneySignText({ principalName, agentName, ...grant, scopeLabel: label });
    return { agentName, scopeLabel: label, signText, principalName } satisfies PowerOfAttorneyPreview & {
      principalName: string;
    };
  }

  async function start(user: SessionUser, grant: PowerOfAttorneyGrant, endUserIp: string, log: FastifyBaseLogger) {
    const shown = await preview(user, grant);
    const power = {
      id: crypto.randomUUID(),
      principal: user.personnummer,
      agent: grant.agent,
      scope: grant.scope,
      validUntil: grant.validUntil,
    };
    const hash = sha256(powerOfAttorneyCanonical(power));
    const order = await startBankIdSign(
      app,
      {
        endUserIp,
        requirement: { personalNumber: user.personnummer },
        userVisibleData: Buffer.from(shown.signText).toString('base64'),
        userVisibleDataFormat: 'simpleMarkdownV1',
        userNonVisibleData: Buffer.from(hash).toString('base64'),
      },
      log,
      'power of attorney',
    );
    const now = app.clock();
    await insertPowerSignOrder(
      app.db,
      {
        orderRef: order.orderRef,
        personnummer: user.personnummer,
        power: {
          ...power,
          principalName: shown.principalName,
          agentName: shown.agentName,
          scopeLabel: shown.scopeLabel,
        },
        powerHash: hash,
        qrStartToken: order.qrStartToken,
        qrStartSecret: order.qrStartSecret,
        createdAt: now,
      },
      new Date(now.getTime() - SIGN_ORDER_MAX_AGE_MS),
    );
    return { orderRef: order.orderRef, autoStartToken: order.autoStartToken };
  }

  async function ownOrder(user: SessionUser, orderRef: string) {
    const order = await powerSignOrder(app.db, orderRef, user.personnummer);
    if (!order || app.clock().getTime() - order.createdAt.getTime() > SIGN_ORDER_MAX_AGE_MS)
      throw appError('notFound', 'powers.orderNotFound');
    return order;
  }

  /** On the owner's signature the power is kept; a power for a case makes the agent a party of it at once. */
  async function collect(user: SessionUser, orderRef: string, log: FastifyBaseLogger): Promise<SignCollectResult> {
    const order = await ownOrder(user, orderRef);
    const collected = await collectLinkSignature(
      app,
      order,
      user.personnummer,
      () => forgetPowerSignOrder(app.db, order.orderRef),
      { signedByOther: 'powers.signedByOther', log },
    );
    if ('unfinished' in collected) return collected.unfinished;
    const shown = order.power as Omit<PowerOfAttorney, 'revokedAt'> & {
      principalName: string | null;
      agentName: string | null;
      scopeLabel: string;
    };
    const signed = collected.completion.completionData;
    const now = app.clock();
    await insertPower(app.db, {
      id: shown.id,
      principal: shown.principal,
      principalName: shown.principalName,
      agent: shown.agent,
      agentName: shown.agentName,
      scopeKind: shown.scope.kind,
      propertyId: shown.scope.kind === 'property' ? shown.scope.propertyId : null,
      caseId: shown.scope.kind === 'case' ? shown.scope.caseId : null,
      scopeLabel: shown.scopeLabel,
      validUntil: shown.validUntil,
      powerHash: order.powerHash,
      signature: signed.signature,
      ocspResponse: signed.ocspResponse,
      bankIdIssueDate: signed.bankIdIssueDate,
      signedAt: now,
      revokedAt: null,
    });
    if (shown.scope.kind === 'case') await joinCase(shown.scope.caseId, shown, now);
    log.info({ powerId: shown.id }, 'power of attorney signed');
    return { status: 'complete', message: 'Fullmakten är underskriven.' };
  }

  /** The agent of a case-scoped power becomes a party of that case (once), resting on the newest power. */
  async function joinCase(
    caseId: string,
    power: { id: string; agent: string; agentName: string | null; principal: string },
    at: Date,
  ) {
    const row = (await caseRow(app.db, caseId))!;
    const existing = (await partiesOfCase(app.db, caseId)).find((p) => p.personnummer === power.agent);
    if (existing) {
      if (existing.role === 'agent') await updateParty(app.db, existing.id, { powerId: power.id });
      return;
    }
    await app.db.insert(caseParties).values({
      id: crypto.randomUUID(),
      caseId,
      personnummer: power.agent,
      name: power.agentName,
      role: 'agent',
      ownerKey: power.principal,
      submissionHash: submissionHashOf(ApplicationSubmissionSchema.parse(row.application)),
      state: 'invited',
      powerId: power.id,
      createdAt: at,
    });
  }

  async function mine(user: SessionUser): Promise<MyPowers> {
    const day = today(app);
    const [granted, held] = await Promise.all([
      powersGivenBy(app.db, user.personnummer),
      powersHeldBy(app.db, user.personnummer),
    ]);
    return { granted: granted.map((p) => powerView(p, day)), held: held.map((p) => powerView(p, day)) };
  }

  /** The principal revokes: from this moment the agent can no longer act on it. */
  async function revoke(user: SessionUser, id: string, log: FastifyBaseLogger): Promise<PowerOfAttorneyView> {
    const power = await powerById(app.db, id);
    if (!power || power.principal !== user.personnummer) throw appError('notFound', 'powers.notFound');
    await revokePower(app.db, id, app.clock());
    log.info({ powerId: id }, 'power of attorney revoked');
    return powerView((await powerById(app.db, id))!, today(app));
  }

  const cancel = async (user: SessionUser, orderRef: string) => {
    const order = await ownOrder(user, orderRef);
    await cancelLinkSignature(app, order.orderRef, () => forgetPowerSignOrder(app.db, order.orderRef));
  };

  return { preview, start, ownOrder, collect, cancel, mine, revoke };
}
