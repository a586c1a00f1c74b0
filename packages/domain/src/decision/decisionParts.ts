import { attachmentLabels, documentHistory, type AttachmentInfo } from '../attachment';
import type { Address } from '../person';
import type { DecisionOutcome, Procedure } from '../case/schemas';
import { stockholmDate } from '../deadline';

/**
 * The parts of a decision that are the case's own (issue #18, item 8): to whom it is addressed, which documents it
 * approves, and what must happen before and while building. Swedish, as the letter is written.
 */

/**
 * The recipient block: name, then the registered address. A protected identity's address is never printed, and
 * nothing says why (the letter must not reveal the protection): only the name, as for someone with no address.
 */
export function recipientLines(r: { name: string; address: Address | null; protectedIdentity: boolean }): string[] {
  if (r.protectedIdentity || !r.address) return [r.name];
  return [r.name, r.address.street, `${r.address.postalCode} ${r.address.city}`];
}

export interface DocumentLine {
  label: string;
  fileName: string;
  /** 1 for the first file of its kind; a replacement is version 2, and so on. */
  version: number;
  receivedOn: string;
  generated: boolean;
}

/** The documents in force when the decision is made, one per kind, with the version each has reached. */
export function decisionDocumentList(files: readonly AttachmentInfo[]): DocumentLine[] {
  return documentHistory(files).map((d) => ({
    label: attachmentLabels[d.type].sv,
    fileName: d.current.fileName,
    version: d.replaced.length + 1,
    receivedOn: stockholmDate(new Date(d.current.createdAt)),
    generated: d.current.generated,
  }));
}

export interface CaseSpecificConditions {
  /** Whether the measure needs a certified kontrollansvarig; and who the application named, if anyone. */
  kontrollansvarig: { required: boolean; named: { name: string; certificationId: string | null } | null };
  /** The tekniskt samråd: required (a KA is), held unless plainly not needed, or none (a notification). */
  consultation: 'required' | 'unlessWaived' | 'none';
}

/**
 * What the decision tells the builder to do before and while building, for a grant only: a refusal or a
 * dismissal gives no right to build, so it sets no such terms.
 */
export function caseConditionParagraphs(
  d: { procedure: Procedure; outcome: DecisionOutcome; kind: 'decision' | 'startApproval' },
  c: CaseSpecificConditions,
): string[] {
  if (d.outcome !== 'approved' && d.kind !== 'startApproval') return [];
  const out: string[] = [];
  const startbesked = d.procedure === 'permit' && d.kind === 'decision';
  if (startbesked)
    out.push(
      'Startbesked: åtgärden får inte påbörjas förrän byggnadsnämnden har gett startbesked (10 kap. 3 § plan- och bygglagen).',
    );
  const ka = c.kontrollansvarig;
  if (ka.named)
    out.push(
      `Kontrollansvarig: ${ka.named.name}${ka.named.certificationId ? ` (certifiering ${ka.named.certificationId})` : ''}. Den kontrollansvarige ska vara med vid tekniskt samråd, arbetsplatsbesök och slutsamråd (10 kap. 9–13 §§ plan- och bygglagen).`,
    );
  else if (ka.required)
    out.push(
      'Kontrollansvarig: åtgärden kräver en certifierad kontrollansvarig (10 kap. 9 § plan- och bygglagen). Anmäl namnet till byggnadsnämnden i Mina ärenden innan tekniskt samråd.',
    );
  else out.push('Kontrollansvarig: ingen kontrollansvarig krävs för åtgärden.');
  if (startbesked && c.consultation === 'required')
    out.push(
      'Tekniskt samråd: ett tekniskt samråd ska hållas innan startbesked ges (10 kap. 14 § plan- och bygglagen). Byggnadsnämnden kallar dig; boka en tid i Mina ärenden.',
    );
  else if (startbesked && c.consultation === 'unlessWaived')
    out.push(
      'Tekniskt samråd: byggnadsnämnden meddelar om ett tekniskt samråd behövs. Behövs det inte, ges startbesked när kontrollplanen är godkänd (10 kap. 14 och 23 §§ plan- och bygglagen).',
    );
  if (d.procedure === 'notification' || d.kind === 'startApproval')
    out.push('Kontrollplanen ska följas, och slutbesked ska finnas innan byggnaden tas i bruk (10 kap. 4 §).');
  return out;
}
