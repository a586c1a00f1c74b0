import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ConsultationBookingInputSchema,
  ConsultationMinutesInputSchema,
  ConsultationSlotsInputSchema,
  ConsultationWaiverInputSchema,
  KontrollansvarigInputSchema,
  KontrollplanEditInputSchema,
  KontrollplanTickInputSchema,
  SiteVisitBookingInputSchema,
  SiteVisitInputSchema,
  SlutbeskedInputSchema,
  SlutbeskedRequestInputSchema,
  StartbeskedInputSchema,
  WorkStartedInputSchema,
} from '@lovisa/domain';
import { randomUUID } from 'node:crypto';
import { commandRoute, kontrollplanFileRoute, tickCommand, viewRoute, type Loader } from '../http/afterPermitRoutes';
import { currentUser, privateTo } from '../plugins/session';
import { applicantActor, ownCase } from '../services/applicantCase';
import { officerActor, teamCase } from '../services/officerCase';

const caseId = (request: FastifyRequest) => (request.params as { id: string }).id;

/** The applicant's side ("Mina ärenden"): book the samråd, adapt and tick the kontrollplan, ask for slutbesked. */
async function applicantAfterPermitRoutes(app: FastifyInstance) {
  privateTo(app, 'applicant');
  const load: Loader = async (request) => {
    const user = currentUser(request);
    return { row: await ownCase(app, user, caseId(request)), actor: applicantActor(user) };
  };
  const base = '/me/cases/:id/after-permit';
  viewRoute(app, 'applicant', load, base);
  commandRoute(
    app,
    'applicant',
    load,
    `${base}/consultation/booking`,
    'Book one of the times offered for the tekniskt samråd (PBL 10 kap. 14 §)',
    ConsultationBookingInputSchema,
    (b) => ({ type: 'bookConsultationSlot', slotId: b.slotId }),
  );
  commandRoute(
    app,
    'applicant',
    load,
    `${base}/kontrollplan`,
    'Adapt the kontrollplan (PBL 10 kap. 6 §) before the startbesked approves it: items in order; a ticked item stays',
    KontrollplanEditInputSchema,
    (b) => ({ type: 'editKontrollplan', items: b.items }),
  );
  commandRoute(
    app,
    'applicant',
    load,
    `${base}/kontrollplan/ticks`,
    'Tick a kontrollplan item as done on a day, optionally with a file of the case (photo, certificate) and a note',
    KontrollplanTickInputSchema,
    tickCommand(app),
  );
  kontrollplanFileRoute(app, load, `${base}/files`);
  commandRoute(
    app,
    'applicant',
    load,
    `${base}/kontrollansvarig`,
    'Name the kontrollansvarig who ticks the kontrollplan (personnummer and name): they log in and may tick, nothing else',
    KontrollansvarigInputSchema,
    (b) => ({ type: 'nameKontrollansvarig', personnummer: b.personnummer, name: b.name }),
  );
  commandRoute(
    app,
    'applicant',
    load,
    `${base}/work-started`,
    'Report the day the work started (what the two-year limit of PBL 9 kap. 43 § asks about)',
    WorkStartedInputSchema,
    (b) => ({ type: 'reportWorkStarted', startedOn: b.startedOn }),
  );
  commandRoute(
    app,
    'applicant',
    load,
    `${base}/slutbesked-request`,
    'Ask for the slutbesked (PBL 10 kap. 34 §) with the kontrollplan as ticked',
    SlutbeskedRequestInputSchema,
    (b) => ({ type: 'requestSlutbesked', note: b.note ?? null }),
  );
}

/** The officer's side: samråd (waive, offer times, minutes), startbesked, site visits, slutbesked. */
async function officerAfterPermitRoutes(app: FastifyInstance) {
  privateTo(app, 'officer');
  const load: Loader = async (request) => {
    const user = currentUser(request);
    return { row: await teamCase(app, user, caseId(request)), actor: await officerActor(app, user) };
  };
  const base = '/officer/cases/:id/after-permit';
  viewRoute(app, 'officer', load, base);
  commandRoute(
    app,
    'officer',
    load,
    `${base}/consultation/waiver`,
    'Record that a tekniskt samråd is plainly not needed (PBL 10 kap. 14 § 2 p.); refused where a kontrollansvarig is required',
    ConsultationWaiverInputSchema,
    (b) => ({ type: 'waiveConsultation', reason: b.reason }),
  );
  commandRoute(
    app,
    'officer',
    load,
    `${base}/consultation/slots`,
    'Offer times for the tekniskt samråd (replaces earlier times while none is booked); the applicant is told',
    ConsultationSlotsInputSchema,
    (b) => ({ type: 'publishConsultationSlots', slots: b.slots.map((s) => ({ id: randomUUID(), ...s })) }),
  );
  commandRoute(
    app,
    'officer',
    load,
    `${base}/consultation/minutes`,
    'Record the minutes (protokoll) of the held samråd; issues the protocol as a PDF',
    ConsultationMinutesInputSchema,
    (b) => ({ type: 'recordConsultationMinutes', heldOn: b.heldOn, text: b.text }),
  );
  commandRoute(
    app,
    'officer',
    load,
    `${base}/startbesked`,
    'Give the startbesked (PBL 10 kap. 23–24 §§) approving the kontrollplan, with conditions; waits for legal force unless beforeLegalForce (then after the 4 weeks of 9 kap. 42 a §)',
    StartbeskedInputSchema,
    (b) => ({
      type: 'issueStartbesked',
      conditions: b.conditions ?? [],
      beforeLegalForce: b.beforeLegalForce ?? false,
    }),
  );
  commandRoute(
    app,
    'officer',
    load,
    `${base}/site-visit-booking`,
    'Book an arbetsplatsbesök (PBL 10 kap. 27 §) on a coming working day, with what it is for; the byggherre is told',
    SiteVisitBookingInputSchema,
    (b) => ({ type: 'bookSiteVisit', visitOn: b.visitOn, note: b.note ?? '' }),
  );
  commandRoute(
    app,
    'officer',
    load,
    `${base}/site-visits`,
    'Note a site visit (arbetsplatsbesök, PBL 10 kap. 27 §)',
    SiteVisitInputSchema,
    (b) => ({ type: 'recordSiteVisit', visitedOn: b.visitedOn, note: b.note }),
  );
  commandRoute(
    app,
    'officer',
    load,
    `${base}/slutbesked`,
    'Give the slutbesked (PBL 10 kap. 34 §, every item ticked) or an interimistiskt slutbesked (10 kap. 36 §, with what remains)',
    SlutbeskedInputSchema,
    (b) => ({ type: 'issueSlutbesked', kind: b.kind, conditions: b.conditions ?? [], remaining: b.remaining ?? [] }),
  );
}

/** After the permit (issue #21): both faces, each in its own scope so its role hook covers only its routes. */
export default async function afterPermitRoutes(app: FastifyInstance, opts: { officer: boolean }) {
  await app.register(applicantAfterPermitRoutes);
  if (opts.officer) await app.register(officerAfterPermitRoutes);
}
