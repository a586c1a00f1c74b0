import type { FastifyInstance } from 'fastify';
import {
  ApplicantOrganisationSchema,
  CaseAssessmentSchema,
  caseCommandLimits,
  consultationReplyBounds,
  suggestedConsultees,
  maskPersonnummer,
  measureLabels,
  phrasesFor,
  stockholmDate,
  type ApplicationSubmission,
  type CaseActor,
  type CaseDetail,
  type CaseFee,
  type MeasureType,
  type CaseEvent,
  type OfficerCaseView,
} from '@lovisa/domain';
import { forbidden, notFound } from '../errors';
import type { SessionUser } from '../plugins/session';
import { caseDetail, caseEventsOf, caseRow, type CaseRow } from '../repositories/cases';
import { officerByPersonnummer, officersOfTeam } from '../repositories/officers';
import { caseStateOf } from './caseCommands';
import { hearingOf } from '../repositories/hearings';
import { hearingView } from './hearing';
import { caseFeeOf } from './caseFee';
import { consultationView, consultationsOf } from '../repositories/consultations';

export function teamOf(user: SessionUser): string {
  if (!user.teamId) throw forbidden();
  return user.teamId;
}

/** The signed-in officer as the domain's commands see them: a team lead or not, by the staff register. */
export async function officerActor(
  app: FastifyInstance,
  user: SessionUser,
): Promise<Extract<CaseActor, { role: 'officer' }>> {
  const me = await officerByPersonnummer(app.db, user.personnummer);
  return { role: 'officer', personnummer: user.personnummer, name: user.name, teamLead: me?.role === 'teamLead' };
}

/** A case of the officer's team; another team's case answers exactly as a missing one. */
export async function teamCase(app: FastifyInstance, user: SessionUser, id: string): Promise<CaseRow> {
  // A teamless officer is refused before any lookup, so the refusal says nothing about the id either.
  const teamId = teamOf(user);
  const row = await caseRow(app.db, id);
  if (!row || row.teamId !== teamId) throw notFound('case');
  return row;
}

async function officerView(
  app: FastifyInstance,
  user: SessionUser,
  row: CaseRow,
  events: CaseEvent[],
): Promise<OfficerCaseView> {
  const [actor, person, colleagues, hearing, fee] = await Promise.all([
    officerActor(app, user),
    app.registers.population.personByPersonnummer(row.applicantPersonnummer),
    officersOfTeam(app.db, row.teamId),
    hearingOf(app.db, row.id),
    // A dismissal charges nothing, and a refused or granted case states its fee in its decision.
    row.outcome === 'dismissed' || row.status === 'withdrawn' ? null : caseFeeOf(app, row, events, app.clock()),
  ]);
  const state = caseStateOf(row, null, hearing, app.config.municipality.delegation);
  const today = stockholmDate(app.clock());
  const limits = caseCommandLimits(
    {
      ...state,
      replyBy: state.completionRequest?.replyBy ?? null,
      extended: state.clock.extension !== null,
      proposalBy: state.proposal?.by.personnummer ?? null,
      committeeDate: state.proposal?.committee?.date ?? null,
    },
    actor,
    today,
  );
  const assessed = CaseAssessmentSchema.safeParse(events.find((e) => e.type === 'assessed')?.data);
  const routed = events.find((e) => e.type === 'routed')?.data.reason;
  const details = (row.application as { details?: { email?: string; phone?: string } }).details ?? {};
  const organisation = ApplicantOrganisationSchema.safeParse(row.applicantOrganisation);
  return {
    applicant: {
      name: row.applicantName,
      personnummer: maskPersonnummer(row.applicantPersonnummer),
      // A protected identity's address is never shown; nor is the protection itself (no address, like anyone without one).
      // An organisation that applied is written to at its registered address.
      address: organisation.success
        ? organisation.data.address
        : person && !person.protectedIdentity && person.address
          ? person.address
          : null,
      organisation: organisation.success
        ? { orgnr: organisation.data.orgnr, signatoryName: organisation.data.signatoryName }
        : null,
      email: details.email?.trim() || null,
      phone: details.phone?.trim() || null,
    },
    assessment: assessed.success ? assessed.data : null,
    routingReason: typeof routed === 'string' ? routed : null,
    assignedTo: row.assignedTo ? { personnummer: row.assignedTo, name: row.assignedName ?? '' } : null,
    neighbourConsentMissing: row.neighbourConsentMissing,
    proposal: state.proposal,
    actions: limits.actions,
    limits,
    colleagues: colleagues.map((o) => ({
      personnummer: o.personnummer,
      name: o.name,
      role: o.role === 'teamLead' ? ('teamLead' as const) : ('officer' as const),
    })),
    viewerIsTeamLead: actor.teamLead,
    hearing: await hearingView(app, row, hearing, today),
    fee: fee && withoutOverdueWeeks(fee),
    consultations: (await consultationsOf(app.db, row.id)).map((c) => consultationView(c, today)),
    consultationLimits: limits.actions.includes('sendConsultation') ? consultationReplyBounds(today) : null,
    suggestedConsultees: suggestedConsultees(
      assessed.success ? assessed.data : null,
      row.measure as MeasureType,
      app.config.municipality.consultees,
    ),
    consulteeBodies: app.config.municipality.consultees,
    notes: events
      .filter((e) => e.type === 'noteWritten' && typeof e.data.text === 'string')
      .map((e) => ({ at: e.at, by: e.actor, text: e.data.text as string })),
  };
}

const withoutOverdueWeeks = ({ overdueWeeks: _, ...fee }: CaseFee & { overdueWeeks: number }): CaseFee => fee;

/** A case as the officer's console shows it: the shared detail plus the officer's part. */
export async function officerCaseDetail(app: FastifyInstance, user: SessionUser, row: CaseRow): Promise<CaseDetail> {
  const events = await caseEventsOf(app.db, row.id);
  return caseDetail(app.db, row, {
    today: app.clock(),
    face: 'officer',
    officer: await officerView(app, user, row, events),
    events,
  });
}

/** The municipality's conditions library as it fits the case: its measure's conditions, its facts filled in. */
export function casePhrases(app: FastifyInstance, row: CaseRow) {
  const measure = row.measure as MeasureType;
  const ka = (row.application as ApplicationSubmission).details.kaName?.trim();
  const label = measureLabels[measure].sv;
  return phrasesFor(app.config.phraseLibrary, measure, {
    fastighet: row.propertyDesignation,
    diarienummer: row.diaryNumber,
    åtgärd: label.charAt(0).toLowerCase() + label.slice(1),
    kontrollansvarig: ka || 'den kontrollansvarige',
  });
}
