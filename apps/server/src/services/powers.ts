import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import {
  fullName,
  grantProblems,
  powerLifeState,
  powerOfAttorneySignText,
  powerOfAttorneyState,
  stockholmDate,
  type ApplicantStanding,
  type MyPowers,
  type PowerOfAttorney,
  type PowerOfAttorneyGrant,
  type PowerOfAttorneyPreview,
  type PowerOfAttorneyView,
} from '@lovisa/domain';
import { appError } from '../errors';
import type { SessionUser } from '../plugins/session';
import { caseRow, type CaseRow } from '../repositories/cases';
import { partiesOfCase } from '../repositories/parties';
import {
  agentPartiesOf,
  powerById,
  powerOf,
  powersGivenBy,
  powersHeldBy,
  revokePower,
  type PowerRow,
} from '../repositories/powers';
import { standingOn } from './organisations';
import { nameOf } from './parties';

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
 * Whether a person may apply for the property (and act on the case) today, and as what: owner, signatory of an
 * owning organisation, or agent through a power of attorney that holds (`standingOn`).
 */
export async function standingOf(
  app: FastifyInstance,
  personnummer: string,
  propertyId: string,
  caseId: string | null = null,
): Promise<ApplicantStanding | null> {
  return (await standingOn(app, personnummer, propertyId, app.clock(), caseId)).standing;
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

  return { preview, mine, revoke };
}
