import { z } from 'zod';
import { polygonArea } from '@lovisa/geo';
import type { ApplicationSubmission } from './application';
import { LoginCollectResultSchema } from './auth';
import { CaseSummarySchema } from './case/schemas';
import { measureLabels } from './measure';

/** Collecting a sign order; on `complete` the case it created comes along. */
export const SignCollectResultSchema = LoginCollectResultSchema.extend({ case: CaseSummarySchema.optional() });
export type SignCollectResult = z.infer<typeof SignCollectResultSchema>;

const area = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * What the applicant sees in the BankID app when signing (simpleMarkdownV1): exactly what is applied for,
 * so the signature covers the property, the measure and the size.
 */
export function signSummary(
  application: ApplicationSubmission,
  propertyDesignation: string,
  municipality = 'Kjellstavik kommun',
): string {
  const m2 = application.footprints.reduce((s, f) => s + polygonArea(f.geometry), 0);
  return [
    `# Ansökan till ${municipality}`,
    '',
    `Fastighet: ${propertyDesignation}`,
    '',
    `Åtgärd: ${measureLabels[application.measure].sv}`,
    '',
    `Byggnadsarea enligt ritning: ${area.format(m2)} m² (${application.footprints.length} st)`,
    '',
    'Jag skriver under ansökan och intygar att uppgifterna är riktiga.',
  ].join('\n');
}
