import { z } from 'zod';
import type { MeasureType } from '../measure';

/**
 * The kontrollplan (PBL 10 kap. 6 §): what is checked during the building work, who checks it and how. The
 * byggherre (here: the applicant, or their kontrollansvarig) adapts a template; the building committee
 * approves it with the startbesked (10 kap. 24 § 2 p.); each item is ticked with a date and, if wished, a photo
 * or a document. The templates are data: a municipality edits them without touching a rule.
 */

/** Who checks an item: the byggherre themself, the certified kontrollansvarig, the builder, or an expert. */
export const CheckerSchema = z.enum(['byggherre', 'kontrollansvarig', 'entreprenor', 'sakkunnig']);
export type Checker = z.infer<typeof CheckerSchema>;

/** How: by looking, by measuring, against the drawings/documents, or by a certificate from the one who did it. */
export const CheckMethodSchema = z.enum(['visual', 'measurement', 'documents', 'certificate']);
export type CheckMethod = z.infer<typeof CheckMethodSchema>;

const ItemText = z.string().trim().min(3).max(300);

export const KontrollplanItemDoneSchema = z.object({
  on: z.iso.date(),
  /** The name of who ticked it (the applicant or the kontrollansvarig acting through the applicant's login). */
  by: z.string(),
  /** A photo or document on the case (an attachment id) that shows it. */
  attachmentId: z.uuid().nullable(),
  note: z.string().max(1000).nullable(),
});

export const KontrollplanItemSchema = z.object({
  id: z.string().min(1).max(64),
  what: ItemText,
  checkedBy: CheckerSchema,
  method: CheckMethodSchema,
  /** From the template (and kept as such) or added by the applicant. */
  fromTemplate: z.boolean(),
  done: KontrollplanItemDoneSchema.nullable(),
});
export type KontrollplanItem = z.infer<typeof KontrollplanItemSchema>;

export const KontrollplanSchema = z.object({
  template: z.enum(['komplementbyggnad', 'tillbyggnad', 'nyttBostadshus']),
  items: z.array(KontrollplanItemSchema).max(60),
  /** The day the committee approved (fastställde) it, with the startbesked; null before. */
  approvedOn: z.iso.date().nullable(),
});
export type Kontrollplan = z.infer<typeof KontrollplanSchema>;
export type KontrollplanTemplateId = Kontrollplan['template'];

/** Photos and documents the byggherre may add to a case for the kontrollplan's ticks: about one per item. */
export const MAX_KONTROLLPLAN_FILES = 60;

/** An item as the applicant edits it: an existing id keeps its tick; no id is a new item. */
export const KontrollplanItemInputSchema = z.object({
  id: z.string().min(1).max(64).optional(),
  what: ItemText,
  checkedBy: CheckerSchema,
  method: CheckMethodSchema,
});
export type KontrollplanItemInput = z.infer<typeof KontrollplanItemInputSchema>;

type TemplateItem = Omit<KontrollplanItem, 'fromTemplate' | 'done'>;
const item = (id: string, what: string, checkedBy: Checker, method: CheckMethod): TemplateItem => ({
  id,
  what,
  checkedBy,
  method,
});

// Items every building shares: where it stands (the permit's situationsplan) and its finished state.
const placement = item(
  'placement',
  'Byggnadens placering och höjd stämmer med situationsplanen',
  'byggherre',
  'measurement',
);
const asBuilt = item('asBuilt', 'Byggnaden är utförd enligt beviljade ritningar', 'byggherre', 'documents');
const loadBearing = item(
  'loadBearing',
  'Bärande konstruktion utförd enligt konstruktionsritning',
  'entreprenor',
  'certificate',
);
const moisture = item('moisture', 'Fuktsäkerhet: fuktkvot i virke före inbyggnad', 'entreprenor', 'measurement');
const wetRoom = item('wetRoom', 'Våtrum utförda enligt branschregler (intyg)', 'entreprenor', 'certificate');
const ventilation = item('ventilation', 'Ventilation injusterad och flöden protokollförda', 'sakkunnig', 'certificate');
const fireSafety = item(
  'fireSafety',
  'Brandskydd: brandvarnare och avskiljning mot andra byggnader',
  'byggherre',
  'visual',
);
const energy = item(
  'energy',
  'Energihushållning: isolering och täthet enligt energiberäkning',
  'kontrollansvarig',
  'documents',
);
const chimney = item('chimney', 'Eldstad och rökkanal besiktigade av skorstensfejare', 'sakkunnig', 'certificate');
const drainage = item('drainage', 'Vatten och avlopp anslutna och täthetsprovade', 'entreprenor', 'certificate');
const accessibility = item(
  'accessibility',
  'Tillgänglighet: entré och hygienrum enligt bygglovsritningen',
  'kontrollansvarig',
  'visual',
);
const foundation = item('foundation', 'Grundläggning och markarbeten (dränering, radon)', 'entreprenor', 'visual');

/**
 * Three templates, each named by the building kind it fits (Boverket's sample plans group them so). The items are
 * a starting point the applicant adapts; ids are stable so a tick survives an edit of the wording.
 */
export const kontrollplanTemplates: Record<KontrollplanTemplateId, readonly TemplateItem[]> = {
  komplementbyggnad: [placement, loadBearing, fireSafety, asBuilt],
  tillbyggnad: [placement, foundation, loadBearing, moisture, wetRoom, ventilation, fireSafety, energy, asBuilt],
  nyttBostadshus: [
    placement,
    foundation,
    loadBearing,
    moisture,
    wetRoom,
    ventilation,
    fireSafety,
    energy,
    chimney,
    drainage,
    accessibility,
    asBuilt,
  ],
};

/** Which template a measure starts from: a komplementbostadshus is a dwelling, a carport a komplementbyggnad. */
export const templateOfMeasure: Record<MeasureType, KontrollplanTemplateId> = {
  newMainBuilding: 'nyttBostadshus',
  smallDwelling: 'nyttBostadshus',
  extension: 'tillbyggnad',
  outbuilding: 'komplementbyggnad',
  carport: 'komplementbyggnad',
};

/** A fresh plan for the measure: the template's items, none ticked, not approved. */
export function kontrollplanFor(measure: MeasureType): Kontrollplan {
  const template = templateOfMeasure[measure];
  return {
    template,
    items: kontrollplanTemplates[template].map((i) => ({ ...i, fromTemplate: true, done: null })),
    approvedOn: null,
  };
}

export type KontrollplanEditProblem = 'itemUnknown' | 'doneItemRemoved' | 'duplicateId';

/**
 * The plan after the applicant's edit: items in the order given; a known id keeps its tick and its origin, a new
 * item gets `newId()`. A ticked item cannot be dropped: what has been checked stays on the record.
 */
export function editKontrollplan(
  plan: Kontrollplan,
  items: KontrollplanItemInput[],
  newId: () => string,
): { ok: true; plan: Kontrollplan } | { ok: false; problem: KontrollplanEditProblem; itemId?: string } {
  const byId = new Map(plan.items.map((i) => [i.id, i]));
  const ids = items.flatMap((i) => (i.id ? [i.id] : []));
  if (new Set(ids).size !== ids.length) return { ok: false, problem: 'duplicateId' };
  const unknown = ids.find((id) => !byId.has(id));
  if (unknown) return { ok: false, problem: 'itemUnknown', itemId: unknown };
  const dropped = plan.items.find((i) => i.done && !ids.includes(i.id));
  if (dropped) return { ok: false, problem: 'doneItemRemoved', itemId: dropped.id };
  return {
    ok: true,
    plan: {
      ...plan,
      items: items.map((i) => {
        const before = i.id ? byId.get(i.id)! : null;
        return {
          id: before?.id ?? newId(),
          what: i.what,
          checkedBy: i.checkedBy,
          method: i.method,
          fromTemplate: before?.fromTemplate ?? false,
          done: before?.done ?? null,
        };
      }),
    },
  };
}

/** How far the plan has come: items ticked of all, and which are left (a final slutbesked needs none left). */
export function kontrollplanProgress(plan: Kontrollplan): { done: number; total: number; remaining: string[] } {
  const remaining = plan.items.filter((i) => !i.done).map((i) => i.id);
  return { done: plan.items.length - remaining.length, total: plan.items.length, remaining };
}
