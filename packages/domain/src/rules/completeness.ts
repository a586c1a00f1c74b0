import { polygonProblems, polygonWithin, type Polygon } from '@lovisa/geo';
import { attachmentLabels, type AttachmentType } from '../attachment';
import type { MeasureType } from '../measure';
import { finding, type Finding, type FindingCode } from './findings';
import type { PermitAssessment } from './permitNeed';
import type { PlanCompliance } from './planCompliance';
import type { RuleSet } from './ruleSet';
import type { Site } from './site';

/** The wizard step where each missing item is put right. */
export type WizardStepId =
  'chooseProperty' | 'measure' | 'map' | 'details' | 'attachments' | 'contact' | 'neighbours' | 'review';

/** An application as far as it has got: everything optional, because a draft is checked as well. */
export interface CompletenessInput {
  propertyId?: string;
  measure?: MeasureType;
  footprints?: Polygon[];
  details?: { description?: string; ridgeHeightM?: number; plannedStart?: string; grossFloorAreaM2?: number };
  contact?: { email?: string; phone?: string };
  attachments?: { type: AttachmentType }[];
  kontrollansvarig?: { name?: string; certificationId?: string; contact?: string } | null;
  /** Neighbouring properties whose owners have all consented. */
  neighbourConsents?: { propertyId: string }[];
}

export interface MissingItem extends Finding {
  step: WizardStepId;
  /** Blocking items stop the application from leaving; the others are advice. */
  blocking: boolean;
}

export interface CompletenessContext {
  ruleSet: RuleSet;
  site: Site | null;
  assessment: PermitAssessment | null;
  compliance: PlanCompliance | null;
  /**
   * Whether the channel can take uploads. Until it can, missing drawings and consents are still listed, as
   * advice, so the applicant knows the office will ask for them; they do not stop the application.
   */
  attachmentsCollected: boolean;
}

/** The drawings a complete application of this procedure and measure carries; none when nothing is applied for. */
export function requiredAttachments(
  ruleSet: RuleSet,
  outcome: PermitAssessment['outcome'],
  measure: MeasureType,
): AttachmentType[] {
  return outcome === 'none' ? [] : ruleSet.requiredAttachments[outcome][measure];
}

/** Whether the measure needs a certified kontrollansvarig: always for some, from an area for others. */
export function kontrollansvarigRequired(measure: MeasureType, areaM2: number, ruleSet: RuleSet): boolean {
  const ka = ruleSet.kontrollansvarig[measure];
  return ka.always || (ka.fromAreaM2 !== null && areaM2 >= ka.fromAreaM2);
}

const polygonProblemText = {
  tooFewPositions: { sv: 'den behöver minst tre hörn.', en: 'it needs at least three corners.' },
  notClosed: { sv: 'konturen är inte sluten.', en: 'the outline is not closed.' },
  notFinite: { sv: 'den har ogiltiga koordinater.', en: 'it has invalid coordinates.' },
  outsideSweden: { sv: 'den ligger utanför Sverige.', en: 'it lies outside Sweden.' },
  selfIntersecting: { sv: 'kanterna korsar varandra.', en: 'its edges cross each other.' },
  tooManyVertices: { sv: 'den har för många hörn.', en: 'it has too many corners.' },
  zeroArea: { sv: 'den saknar area.', en: 'it has no area.' },
};

/**
 * What an application still lacks, each with a stable code and the step that fixes it. The browser shows it
 * step by step; the server refuses a submission with any blocking item, so the two never disagree.
 */
export function checkCompleteness(app: CompletenessInput, ctx: CompletenessContext): MissingItem[] {
  const items: MissingItem[] = [];
  const add = (code: FindingCode, step: WizardStepId, params: Parameters<typeof finding>[1] = {}, blocking = true) =>
    items.push({ ...finding(code, params), step, blocking });

  if (!app.propertyId) add('MISSING_PROPERTY', 'chooseProperty');
  if (!app.measure) add('MISSING_MEASURE', 'measure');
  const footprints = app.footprints ?? [];
  if (footprints.length === 0) add('MISSING_FOOTPRINT', 'map');
  let shapesUsable = true;
  for (const f of footprints) {
    const problem = polygonProblems(f)[0];
    if (problem) {
      shapesUsable = false;
      add('INVALID_FOOTPRINT', 'map', { problem: polygonProblemText[problem] });
    } else if (ctx.site && !polygonWithin(f, ctx.site.boundary)) {
      add('OUTSIDE_PROPERTY', 'map');
    }
  }
  const d = app.details ?? {};
  if (!d.description || d.description.trim().length < 10) add('MISSING_DESCRIPTION', 'details');
  if (d.ridgeHeightM === undefined || !Number.isFinite(d.ridgeHeightM)) add('MISSING_RIDGE_HEIGHT', 'details');
  if (app.measure === 'extension' && d.grossFloorAreaM2 === undefined) add('MISSING_GROSS_FLOOR_AREA', 'details');
  if (!d.plannedStart) add('MISSING_START_DATE', 'details');
  if (!app.contact?.email?.trim() && !app.contact?.phone?.trim()) add('MISSING_CONTACT', 'contact');

  const assessment = shapesUsable ? ctx.assessment : null;
  if (!assessment || !app.measure) return items;
  if (assessment.outcome === 'none') {
    add('NOTHING_TO_APPLY_FOR', 'review');
    return items;
  }

  const have = new Set((app.attachments ?? []).map((a) => a.type));
  for (const type of requiredAttachments(ctx.ruleSet, assessment.outcome, app.measure)) {
    const attachment = { sv: attachmentLabels[type].sv.toLowerCase(), en: attachmentLabels[type].en.toLowerCase() };
    if (!have.has(type)) add('MISSING_ATTACHMENT', 'attachments', { attachment }, ctx.attachmentsCollected);
  }

  const area =
    app.measure === 'extension'
      ? (d.grossFloorAreaM2 ?? assessment.figures.grossFloorAreaM2)
      : assessment.figures.buildingAreaM2;
  const k = app.kontrollansvarig;
  if (
    kontrollansvarigRequired(app.measure, area, ctx.ruleSet) &&
    !(k?.name?.trim() && k.certificationId?.trim() && k.contact?.trim())
  ) {
    add('MISSING_KONTROLLANSVARIG', 'details');
  }

  const consented = new Set((app.neighbourConsents ?? []).map((c) => c.propertyId));
  for (const n of assessment.consentFrom) {
    if (!consented.has(n.id))
      add('MISSING_NEIGHBOUR_CONSENT', 'neighbours', { neighbour: n.designation }, ctx.attachmentsCollected);
  }
  if (ctx.compliance?.deviation) add('DEVIATION_HEARING', 'review', {}, false);
  return items;
}
