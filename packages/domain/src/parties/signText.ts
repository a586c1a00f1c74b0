import type { ApplicationSubmission } from '../application';
import { signSummary } from '../signing';

/**
 * What a co-owner sees in the BankID app: the same summary the applicant signed (property, measure, area), the
 * case's diary number and who applied, and that they sign as co-owner. The hash of the submission goes along as
 * the order's non-visible data, so the signature binds exactly that version.
 */
export function coOwnerSignText(input: {
  application: ApplicationSubmission;
  propertyDesignation: string;
  diaryNumber: string;
  applicantName: string;
  municipality?: string;
  /** A signatory signs for the organisation that owns the property (issue #20), not as a co-owner. */
  signatoryFor?: string;
}): string {
  const summary = signSummary(input.application, input.propertyDesignation, input.municipality).split('\n');
  return [
    ...summary.slice(0, -1),
    `Ärende: ${input.diaryNumber}, sökande ${input.applicantName}`,
    '',
    input.signatoryFor
      ? `Som firmatecknare för ${input.signatoryFor} skriver jag under samma ansökan och intygar att uppgifterna är riktiga.`
      : 'Som delägare till fastigheten skriver jag under samma ansökan och intygar att uppgifterna är riktiga.',
  ].join('\n');
}
