import { polygonProblems, type Polygon } from '@lovisa/geo';
import type { ApplicationDetails } from '../application';
import { AttachmentTypeSchema, type AttachmentType } from '../attachment';
import type { MeasureType } from '../measure';
import { checkCompleteness, type CompletenessInput, type MissingItem } from './completeness';
import { assessPermitNeed, type PermitAssessment } from './permitNeed';
import { checkPlanCompliance, type PlanCompliance } from './planCompliance';
import type { RuleSet } from './ruleSet';
import type { Site } from './site';

export interface Evaluation {
  ruleSetId: string;
  /** Null until a measure, a usable drawing and a ridge height exist. */
  assessment: PermitAssessment | null;
  compliance: PlanCompliance | null;
  missing: MissingItem[];
  /** No blocking item: the application may leave. */
  ready: boolean;
  /**
   * The ridge height is not given yet (the map comes before the details): the early answer is judged as if
   * it were within every limit, and says so.
   */
  ridgeHeightPending: boolean;
}

export interface EvaluationOptions {
  /** See CompletenessContext.attachmentsCollected. */
  attachmentsCollected: boolean;
}

/**
 * What Lovisa's application form collects: browser and server both pass this, so they agree on what blocks
 * a submission. Attachments are collected (the wizard's attachments step), so missing drawings block.
 */
export const SUBMISSION_CHANNEL: EvaluationOptions = { attachmentsCollected: true };

/** An application or draft as the wizard holds it, in the shape the rules read. */
export function completenessInputFrom(app: {
  propertyId?: string | undefined;
  measure?: MeasureType | undefined;
  footprints?: { geometry: Polygon }[] | undefined;
  details?: Partial<ApplicationDetails> | undefined;
}): CompletenessInput {
  const d = app.details ?? {};
  const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return defined({
    propertyId: app.propertyId,
    measure: app.measure,
    footprints: app.footprints?.map((f) => f.geometry),
    details: defined({
      description: d.description,
      ridgeHeightM: d.ridgeHeightM,
      plannedStart: d.plannedStart,
      grossFloorAreaM2: d.grossFloorAreaM2,
    }),
    contact: defined({ email: text(d.email), phone: text(d.phone) }),
    kontrollansvarig: defined({
      name: text(d.kaName),
      certificationId: text(d.kaCertificationId),
      contact: text(d.kaContact),
    }),
  });
}

/**
 * The whole verdict on an application, the one function the wizard and the server both call: same input,
 * same rule set, same answer.
 */
export function evaluateApplication(
  app: CompletenessInput,
  site: Site | null,
  ruleSet: RuleSet,
  options: EvaluationOptions = { attachmentsCollected: true },
): Evaluation {
  const footprints = app.footprints ?? [];
  const ridge = app.details?.ridgeHeightM;
  const judgeable =
    site !== null &&
    app.measure !== undefined &&
    footprints.length > 0 &&
    footprints.every((f) => polygonProblems(f).length === 0);
  const ridgeHeightPending = ridge === undefined || !Number.isFinite(ridge);
  const measure = judgeable
    ? {
        type: app.measure!,
        footprints,
        ridgeHeightM: ridgeHeightPending ? 0 : ridge!,
        grossFloorAreaM2: app.details?.grossFloorAreaM2,
      }
    : null;
  const assessment = measure ? assessPermitNeed(measure, site!, ruleSet) : null;
  const compliance = measure && assessment ? checkPlanCompliance(measure, site!, assessment.outcome) : null;
  const missing = checkCompleteness(app, {
    ruleSet,
    site,
    assessment,
    compliance,
    attachmentsCollected: options.attachmentsCollected,
  });
  return {
    ruleSetId: ruleSet.id,
    assessment,
    compliance,
    missing,
    ready: !missing.some((m) => m.blocking),
    ridgeHeightPending,
  };
}

/** What the rules read from the attached files: which drawings there are, and whose consent (GRAM) is in. */
export function attachmentFacts(
  files: { type: string; neighbourPropertyId: string | null }[],
): Pick<CompletenessInput, 'attachments' | 'neighbourConsents'> {
  const known = files.filter(
    (f): f is { type: AttachmentType; neighbourPropertyId: string | null } =>
      AttachmentTypeSchema.safeParse(f.type).success,
  );
  return {
    attachments: known.map((f) => ({ type: f.type })),
    neighbourConsents: known
      .filter((f) => f.type === 'GRAM' && f.neighbourPropertyId)
      .map((f) => ({ propertyId: f.neighbourPropertyId! })),
  };
}
