import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  ApplicantOrganisationSchema,
  ApplicationSubmissionSchema,
  SigningRuleSchema,
  coOwnerSignText,
  powerLifeState,
  type ApplicantStanding,
  fullName,
  signingStatus,
  stockholmDate,
  submissionCanonical,
  type ApplicationSubmission,
  type CaseParties,
  type CasePartyRole,
  type CasePartyState,
  type PartySignRequest,
  type PropertyOwner,
} from '@lovisa/domain';
import { polygonArea } from '@lovisa/geo';
import { appError, notFound } from '../errors';
import type { SessionUser } from '../plugins/session';
import { caseRow, type CaseRow, type NewCase } from '../repositories/cases';
import { partiesOfCase, partyByCodeHash, partyOfCase, updateParty, type PartyRow } from '../repositories/parties';
import { powerOf, powersByIds, type PowerRow } from '../repositories/powers';
import { sha256 } from './consent';
import { isActingAgent } from './powers';

/** 24 random bytes (192 bits), URL-safe, as a neighbour's consent link: unguessable, and alone it opens nothing. */
const newCode = () => randomBytes(24).toString('base64url');

/** The hash every party's signature binds: the submission as the case keeps it (without the draft it came from). */
export function submissionHashOf(application: ApplicationSubmission): string {
  const { draftId: _draftId, ...kept } = application;
  return sha256(submissionCanonical(kept));
}

export const nameOf = async (app: FastifyInstance, personnummer: string) => {
  const person = await app.registers.population.personByPersonnummer(personnummer);
  // A protected identity is never named to anyone: the row keeps no name.
  return person && !person.protectedIdentity ? fullName(person) : null;
};

/**
 * The parties recorded with a new case: the one who signed (the applicant, or an agent for the applicant through a
 * power of attorney, ADR 0023) and each other registered owner of the property, invited to sign the same version.
 * The land register's owners on the day it arrived are the owners. An owning organisation signs through its
 * signatories: the applicant's signature counts for the organisation they applied for, and when its firmateckning
 * needs more than one, its other signatories are invited too (ADR 0024).
 */
export async function partiesAtReceipt(
  app: FastifyInstance,
  signer: SessionUser,
  application: ApplicationSubmission,
  signed: NewCase['signed'],
  at: Date,
  who: { owners: readonly PropertyOwner[]; standing: ApplicantStanding },
): Promise<NonNullable<NewCase['parties']>> {
  const hash = submissionHashOf(application);
  const agent = who.standing.as === 'agent' ? who.standing : null;
  const forOrganisation = who.standing.as === 'signatory' ? who.standing.orgnr : null;
  const ruleOf = (key: string) => {
    const owner = who.owners.find((o) => o.kind === 'organisation' && o.orgnr === key);
    return owner?.kind === 'organisation' ? owner.rule : null;
  };
  // Who else must sign, each once: every other person owner, and the signatories of every owning organisation
  // whose firmateckning the applicant's own signature does not already satisfy.
  const others: { personnummer: string; ownerKey: string; role: 'coOwner' | 'signatory' }[] = [];
  const seen = new Set([signer.personnummer, ...(agent ? [agent.principal] : [])]);
  for (const o of who.owners) {
    if (o.kind === 'person') {
      if (!seen.has(o.personnummer))
        others.push({ personnummer: o.personnummer, ownerKey: o.personnummer, role: 'coOwner' });
      seen.add(o.personnummer);
      continue;
    }
    if (o.orgnr === forOrganisation && o.rule.kind === 'alone') continue;
    for (const s of o.signatories) {
      if (!seen.has(s)) others.push({ personnummer: s, ownerKey: o.orgnr, role: 'signatory' });
      seen.add(s);
    }
  }
  const signerKey = agent?.principal ?? forOrganisation ?? signer.personnummer;
  return [
    {
      id: crypto.randomUUID(),
      personnummer: signer.personnummer,
      name: await nameOf(app, signer.personnummer),
      role: agent ? 'agent' : 'applicant',
      ownerKey: signerKey,
      signingRule: ruleOf(signerKey),
      submissionHash: hash,
      state: 'signed',
      signature: signed.signature,
      ocspResponse: signed.ocspResponse,
      bankIdIssueDate: signed.bankIdIssueDate,
      signedAt: at,
      powerId: agent?.powerId ?? null,
      createdAt: at,
    },
    ...(await Promise.all(
      others.map(async (o, i) => ({
        id: crypto.randomUUID(),
        personnummer: o.personnummer,
        name: await nameOf(app, o.personnummer),
        role: o.role,
        ownerKey: o.ownerKey,
        signingRule: ruleOf(o.ownerKey),
        submissionHash: hash,
        state: 'invited',
        // Each a millisecond later: the list keeps the register's order.
        createdAt: new Date(at.getTime() + i + 1),
      })),
    )),
  ];
}

/**
 * A case's signatures as the domain judges them: every recorded owner signed this version (themselves, or an agent
 * through a power that held when the agent signed: a later revocation does not undo a signature), or consented on
 * paper. An agent's row carries the power's state today.
 */
export function partiesView(
  row: CaseRow,
  parties: PartyRow[],
  viewer: string | null,
  powers: PowerRow[] = [],
  today = stockholmDate(row.receivedAt),
): CaseParties {
  const hash = submissionHashOf(ApplicationSubmissionSchema.parse(row.application));
  // An organisation's rows carry its firmateckning as it was on the day of receipt; a person's carry none.
  const owners = [...new Set(parties.map((p) => p.ownerKey))].map((k): PropertyOwner => {
    const rows = parties.filter((p) => p.ownerKey === k);
    const rule = SigningRuleSchema.safeParse(rows.find((p) => p.signingRule)?.signingRule);
    return rule.success
      ? { kind: 'organisation', orgnr: k, signatories: rows.map((p) => p.personnummer), rule: rule.data }
      : { kind: 'person', personnummer: k };
  });
  const powerOfParty = (p: PartyRow) => powers.find((w) => w.id === p.powerId) ?? null;
  const asSigned = parties.flatMap((p) => {
    const power = powerOfParty(p);
    if (!power || !p.signedAt) return [];
    const revokedAfter = power.revokedAt && power.revokedAt >= p.signedAt;
    return [{ ...powerOf(power), revokedAt: revokedAfter ? null : powerOf(power).revokedAt }];
  });
  const status = signingStatus(
    owners,
    parties
      .filter((p) => p.state === 'signed')
      .map((p) => ({ personnummer: p.personnummer, submissionHash: p.submissionHash })),
    {
      submissionHash: hash,
      propertyId: row.propertyId,
      caseId: row.id,
      today: stockholmDate(row.receivedAt),
      powers: asSigned,
      paperConsents: parties.filter((p) => p.state === 'paper').map((p) => p.ownerKey),
    },
  );
  const me = parties.find((p) => p.personnummer === viewer);
  const organisation = ApplicantOrganisationSchema.safeParse(row.applicantOrganisation);
  // People are counted as owners; an organisation that applied, by its signatures against its firmateckning.
  const byOrganisation = organisation.success;
  const counted = status.owners.map((o) => {
    if (!byOrganisation) return o.state === 'missing' ? 0 : 1;
    return o.state === 'missing' ? Math.min(o.signedBy.length, o.needed) : o.needed;
  });
  return {
    // A case from before parties were recorded was signed by its only applicant.
    complete: parties.length === 0 || status.complete,
    signed: counted.reduce((a, b) => a + b, 0),
    needed: byOrganisation ? status.owners.reduce((a, o) => a + o.needed, 0) : status.owners.length,
    submissionHash: hash,
    parties: parties.map((p) => {
      const power = powerOfParty(p);
      return {
        id: p.id,
        name: p.name,
        role: p.role as CasePartyRole,
        state: p.state as CasePartyState,
        signedAt: p.signedAt?.toISOString() ?? null,
        paperRecordedBy: p.paperRecordedBy,
        invited: p.codeHash !== null,
        power: power
          ? {
              principalName: power.principalName,
              validUntil: power.validUntil,
              revokedAt: power.revokedAt?.toISOString() ?? null,
              state: powerLifeState(powerOf(power), today),
            }
          : null,
      };
    }),
    me: (me?.role as CasePartyRole | undefined) ?? (viewer === row.applicantPersonnummer ? 'applicant' : null),
    meToSign: me?.state === 'invited' && me.role !== 'agent',
    mayInvite: viewer === row.applicantPersonnummer && !status.complete && row.status !== 'withdrawn',
    organisation: organisation.success ? { orgnr: organisation.data.orgnr, name: organisation.data.name } : null,
  };
}

/** The parties of a case with the powers its agents act on, as the domain judges them today. */
export async function loadPartiesView(app: FastifyInstance, row: CaseRow, viewer: string | null) {
  const parties = await partiesOfCase(app.db, row.id);
  const powers = await powersByIds(
    app.db,
    parties.flatMap((p) => (p.powerId ? [p.powerId] : [])),
  );
  return partiesView(row, parties, viewer, powers, stockholmDate(app.clock()));
}

/**
 * A case the person applied for or is a party of; anyone else's answers as missing. An agent is a party only while
 * their power of attorney holds: revoked or past its last day, the case is as missing to them as anyone else's.
 */
export async function partyCase(app: FastifyInstance, user: SessionUser, id: string): Promise<CaseRow> {
  const row = await caseRow(app.db, id);
  if (!row) throw notFound('case');
  if (row.applicantPersonnummer === user.personnummer) return row;
  const party = (await partiesOfCase(app.db, id)).find((p) => p.personnummer === user.personnummer);
  if (!party) throw notFound('case');
  if (party.role === 'agent' && !(await isActingAgent(app, user.personnummer, row))) throw notFound('case');
  return row;
}

/** A case the person may act on: the applicant's own, or one they are an agent on through a power that holds. */
export async function actingCase(app: FastifyInstance, user: SessionUser, id: string): Promise<CaseRow> {
  const row = await caseRow(app.db, id);
  if (!row) throw notFound('case');
  if (row.applicantPersonnummer === user.personnummer) return row;
  if (!(await isActingAgent(app, user.personnummer, row))) throw notFound('case');
  return row;
}

/** The applicant's and the co-owners' side: the parties, a signing link, and the link's page. */
export function partiesService(app: FastifyInstance) {
  async function view(user: SessionUser, caseId: string) {
    const row = await partyCase(app, user, caseId);
    return loadPartiesView(app, row, user.personnummer);
  }

  /** A new signing link for a party still to sign; the old link stops working. Only the applicant makes links. */
  async function link(user: SessionUser, caseId: string, partyId: string) {
    const row = await partyCase(app, user, caseId);
    const party = await partyOfCase(app.db, row.id, partyId);
    if (!party || row.applicantPersonnummer !== user.personnummer) throw notFound('case');
    if (party.state !== 'invited') throw appError('conflict', 'parties.notInvitable');
    // A withdrawn or decided case asks nobody to sign any more.
    if (row.status === 'withdrawn' || row.status === 'decided') throw appError('conflict', 'parties.notInvitable');
    const code = newCode();
    await updateParty(app.db, party.id, { codeHash: sha256(code), codeCreatedAt: app.clock() });
    return { code, path: `/underskrift/${code}` };
  }

  return { view, link };
}

/** The party a signing link is for, if the signed-in person is that party; with the case and its submission. */
export async function openSigning(app: FastifyInstance, user: SessionUser, code: string) {
  const party = await partyByCodeHash(app.db, sha256(code));
  if (!party) throw appError('notFound', 'parties.notFound');
  if (party.personnummer !== user.personnummer) throw appError('forbidden', 'parties.notYou');
  const row = (await caseRow(app.db, party.caseId))!;
  const application = ApplicationSubmissionSchema.parse(row.application);
  return { party, row, application, hash: submissionHashOf(application) };
}

/** What the co-owner sees and signs: the text in the BankID app, the facts, and their state. */
export function signRequestOf(app: FastifyInstance, opened: Awaited<ReturnType<typeof openSigning>>): PartySignRequest {
  const { party, row, application, hash } = opened;
  const organisation = ApplicantOrganisationSchema.safeParse(row.applicantOrganisation);
  const asSignatory = party.role === 'signatory' && organisation.success;
  return {
    applicantName: row.applicantName,
    role: party.role as CasePartyRole,
    diaryNumber: row.diaryNumber,
    propertyDesignation: row.propertyDesignation,
    measure: application.measure,
    areaM2: Math.round(application.footprints.reduce((s, f) => s + polygonArea(f.geometry), 0) * 10) / 10,
    description: application.details.description,
    signText: coOwnerSignText({
      application,
      propertyDesignation: row.propertyDesignation,
      diaryNumber: row.diaryNumber,
      applicantName: row.applicantName,
      municipality: app.config.municipality.name,
      ...(asSignatory ? { signatoryFor: organisation.data.name } : {}),
    }),
    submissionHash: hash,
    caseId: row.id,
    state: party.state as CasePartyState,
  };
}

/** The officer records a party's consent on paper: the case then counts as signed by that owner. */
export async function recordPaperConsent(
  app: FastifyInstance,
  officer: SessionUser,
  row: CaseRow,
  partyId: string,
  receivedOn: string,
) {
  const party = await partyOfCase(app.db, row.id, partyId);
  if (!party) throw notFound('case');
  if (party.state === 'signed') throw appError('conflict', 'parties.paperNotNeeded');
  if (receivedOn > stockholmDate(app.clock())) throw appError('invalidInput', 'case.issue.HEARING_RECEIVED_ON_INVALID');
  await updateParty(app.db, party.id, {
    state: 'paper',
    paperRecordedBy: officer.name,
    paperReceivedOn: receivedOn,
  });
  return loadPartiesView(app, row, null);
}
