import { afterPermitRoleOf, type AfterPermitCommandType } from './commands';
import {
  afterPermitApplies,
  consultationNeed,
  consultationSettled,
  startbeskedBlocker,
  startbeskedOn,
  type AfterPermitFacts,
} from './phases';
import { finalSlutbesked, type AfterPermitState } from './state';

/**
 * The after-permit commands one face may send now, as far as the case's progress goes (the input is checked when
 * the command comes): what a view offers as buttons. The same checks `applyAfterPermitCommand` makes, in the same
 * terms, so a button never leads to a refusal for being out of order.
 */
export function allowedAfterPermitCommands(
  f: AfterPermitFacts,
  s: AfterPermitState,
  face: 'applicant' | 'officer' | 'kontrollansvarig',
  today: string,
): AfterPermitCommandType[] {
  // The kontrollansvarig ticks the plan (with its photos), nothing else: what the byggherre named them for.
  if (face === 'kontrollansvarig')
    return allowedAfterPermitCommands(f, s, 'applicant', today).filter((c) => c === 'tickKontrollplanItem');
  if (!afterPermitApplies(f) || finalSlutbesked(s)) return [];
  const c = s.consultation;
  const consultationOpen = consultationNeed(f) !== 'none' && !consultationSettled(f, s) && !s.startbesked;
  const started = startbeskedOn(f, s) !== null;
  const allowed: Record<AfterPermitCommandType, boolean> = {
    waiveConsultation: consultationOpen && consultationNeed(f) !== 'required',
    publishConsultationSlots: consultationOpen && !c.bookedSlotId,
    bookConsultationSlot: consultationOpen && !c.bookedSlotId && c.slots.length > 0,
    recordConsultationMinutes: consultationOpen && c.bookedSlotId !== null,
    editKontrollplan: !s.kontrollplan.approvedOn,
    tickKontrollplanItem: started && s.kontrollplan.items.length > 0,
    reportWorkStarted: started && !s.startedOn,
    nameKontrollansvarig: f.kontrollansvarig,
    // Offered when it can be given today, at once or (explicitly) before legal force.
    issueStartbesked: startbeskedBlocker(f, s, today, true) === null,
    bookSiteVisit: started && finalSlutbesked(s) === null,
    recordSiteVisit: started,
    requestSlutbesked: started && !s.finalRequest,
    issueSlutbesked: s.finalRequest !== null,
  };
  return (Object.keys(allowed) as AfterPermitCommandType[]).filter(
    (type) => allowed[type] && afterPermitRoleOf(type) === face,
  );
}
