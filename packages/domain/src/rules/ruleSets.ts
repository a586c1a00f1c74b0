import { minorMeasuresBefore, minorMeasuresReform } from './minorMeasureRules';
import type { ExemptionTier, RuleSet } from './ruleSet';

// The law as data. A new reform is a new entry with its effective date, never an `if (date > …)` in the engine.
// Written out whole (every default spelled), not parsed with RuleSetSchema when the module loads: that parse cost
// the browser ≈ 10 ms (≈ 40 ms on a slow phone) on every page with the rules engine. ruleSets.test.ts checks that
// RuleSetSchema takes each set unchanged.
// Sources: PBL 9 kap. 4 a–6 §§, 27 §, 12 kap. 8 a §; prop. 2024/25:169 as reported by municipalities (DOMAIN.md).

const both = (v: number) => ({ insidePlan: v, outsidePlan: v });

const friggebod: ExemptionTier = {
  id: 'friggebod',
  label: { sv: 'Friggebod', en: 'Friggebod (small shed)' },
  areaKind: 'buildingArea',
  maxAreaM2: both(15),
  maxRidgeM: both(3.0),
  allowance: 'friggebod',
  procedure: { value: 'none', uncertain: false },
  ruralOnly: false,
};
const attefall = (maxM2: number): ExemptionTier => ({
  id: 'attefall',
  label: { sv: 'Attefallshus', en: 'Attefall building' },
  areaKind: 'buildingArea',
  maxAreaM2: both(maxM2),
  maxRidgeM: both(4.0),
  allowance: 'attefall',
  procedure: { value: 'notification', uncertain: false },
  ruralOnly: false,
});
const attefallExtension: ExemptionTier = {
  id: 'attefall',
  label: { sv: 'Attefallstillbyggnad', en: 'Attefall extension' },
  areaKind: 'grossFloorArea',
  maxAreaM2: both(15),
  maxRidgeM: 'mainBuilding',
  allowance: null,
  procedure: { value: 'notification', uncertain: false },
  ruralOnly: false,
};
/** PBL 9 kap. 6 §: outside plan and clustered settlement, outbuildings near the house need no permit, whatever their size. */
const rural: ExemptionTier = {
  id: 'rural',
  label: { sv: 'Komplementbyggnad på landsbygden', en: 'Outbuilding in the countryside' },
  areaKind: 'buildingArea',
  maxAreaM2: null,
  maxRidgeM: null,
  allowance: null,
  procedure: { value: 'none', uncertain: false },
  ruralOnly: true,
};

const permitDrawings = {
  newMainBuilding: ['SITU', 'PLA', 'FAS', 'SEK'],
  extension: ['SITU', 'PLA', 'FAS', 'SEK'],
  outbuilding: ['SITU', 'PLA', 'FAS'],
  smallDwelling: ['SITU', 'PLA', 'FAS', 'SEK'],
  carport: ['SITU', 'FAS'],
} satisfies RuleSet['requiredAttachments']['permit'];

// A notification asks for the drawings a permit would; a new main building is never a notification.
const attachments = {
  permit: permitDrawings,
  notification: { ...permitDrawings, newMainBuilding: [] },
} satisfies RuleSet['requiredAttachments'];

const kontrollansvarig = {
  newMainBuilding: { always: true, fromAreaM2: null },
  // A komplementbostadshus within the exemption is a small building; a larger one, built with a permit, is a house.
  smallDwelling: { always: false, fromAreaM2: 50 },
  extension: { always: false, fromAreaM2: 50 },
  outbuilding: { always: false, fromAreaM2: null },
  carport: { always: false, fromAreaM2: null },
} satisfies RuleSet['kontrollansvarig'];

const clock = {
  permitWeeks: 10,
  notificationWeeks: 4,
  completionOrderWindowWeeks: 3,
  maxExtensionWeeks: { permit: 10, notification: 4 },
  ownSupplementRestarts: { value: true, uncertain: true, note: 'Boverkets beskrivning; inte prövad i domstol.' },
  feeReductionPerWeek: 0.2,
} satisfies RuleSet['clock'];

// Appeal within 3 weeks of receiving the decision (förvaltningslagen 44 §); building 4 weeks after the
// announcement at the earliest (PBL 9 kap. 42 a §); the permit lapses 2 and 5 years after legal force (9 kap. 43 §).
const appeal = { appealWeeks: 3, startWaitWeeks: 4, lapse: { startYears: 2, finishYears: 5 } };
/**
 * Before the reform: kungörelse in Post- och Inrikes Tidningar (PBL 9 kap. 41 a §, lag 2015:668, as Boverket's PBL
 * kunskapsbanken quotes it); a letter to known sakägare by the day of the announcement (41 b §). Whoever is not
 * served the decision (9 kap. 41 §) counts as having received it a week after the announcement (13 kap. 16 §
 * tredje stycket, the reading Boverket recommends; municipalities say "fyra veckor från kungörelsen"). Sources and
 * their uncertainty: docs/domain/notice-and-legal-force.md.
 */
const afterDecisionBefore = {
  ...appeal,
  announcement: { value: 'postOchInrikesTidningar', uncertain: false },
  announcementDeliveredAfterDays: { value: 7, uncertain: false },
} satisfies RuleSet['afterDecision'];
/** From 2025-12-01, as municipalities describe it (Kävlinge 2025-11-28); the amended text of 9 kap. 41 a § was not read. */
const afterDecisionReform = {
  ...appeal,
  announcement: {
    value: 'anslagstavla',
    uncertain: true,
    note: 'Kommuners beskrivning av reformen (kommunens digitala anslagstavla, kommunallagen 8 kap. 9 §); lydelsen av PBL 9 kap. 41 a § efter 2025-12-01 har inte kunnat läsas.',
  },
  announcementDeliveredAfterDays: {
    value: 7,
    uncertain: true,
    note: 'PBL 13 kap. 16 §: en vecka efter kungörandet. Om veckan räknas likadant från anslaget på kommunens anslagstavla är inte kontrollerat i lagtexten.',
  },
} satisfies RuleSet['afterDecision'];

// PBL 9 kap. 25 § gives sakägare "tillfälle att yttra sig" but names no period; förvaltningslagen asks for a
// reasonable time. Municipalities commonly give 2–3 weeks, some 10 days: practice, hence flagged uncertain.
const hearing = {
  minReplyDays: {
    value: 10,
    uncertain: true,
    note: 'Lagen anger ingen svarstid (PBL 9 kap. 25 §); tio dagar är den kortaste tid kommuner brukar ge.',
  },
  defaultReplyDays: {
    value: 21,
    uncertain: true,
    note: 'Kommunal praxis är två till tre veckor; lagen kräver bara skälig tid.',
  },
} satisfies RuleSet['hearing'];

const beforeReform = (id: string, effectiveFrom: string, attefallM2: number, name: RuleSet['name']): RuleSet => ({
  id,
  name,
  effectiveFrom,
  source: 'PBL 9 kap. 4 a–4 c, 6 §§ (friggebod och attefallsåtgärder), 9 kap. 27 §, 12 kap. 8 a §',
  exemptions: {
    newMainBuilding: [],
    extension: [attefallExtension],
    outbuilding: [friggebod, attefall(attefallM2), rural],
    smallDwelling: [attefall(attefallM2)],
    carport: [friggebod, attefall(attefallM2), rural],
  },
  allowances: [
    { id: 'friggebod', label: { sv: 'friggebodar', en: 'friggebods' }, maxM2: both(15), counts: ['friggebod'] },
    {
      id: 'attefall',
      label: { sv: 'attefallshus', en: 'attefall buildings' },
      maxM2: both(attefallM2),
      counts: ['attefall'],
    },
  ],
  minorMeasures: minorMeasuresBefore,
  dwellingNextTo: 'oneOrTwoFamily',
  immediateProximityM: { value: 25, uncertain: true, note: 'Kommunal praxis; lagen anger inget avstånd.' },
  boundaryDistanceM: 4.5,
  publicLandDistanceM: 4.5,
  shorelineProtectionM: 100,
  railwayDistanceM: { value: 30, uncertain: false },
  kontrollansvarig,
  requiredAttachments: attachments,
  clock,
  hearing,
  afterDecision: afterDecisionBefore,
});

const exempt2025 = (procedure: 'none' | 'notification', uncertain: boolean): ExemptionTier => ({
  id: 'exempt',
  label: { sv: 'Bygglovsbefriad komplementbyggnad', en: 'Permit-free outbuilding' },
  areaKind: 'buildingArea',
  maxAreaM2: { insidePlan: 30, outsidePlan: 50 },
  maxRidgeM: { insidePlan: 4.0, outsidePlan: 4.5 },
  allowance: 'pott',
  procedure: { value: procedure, uncertain },
  ruralOnly: false,
});

const reform2025: RuleSet = {
  id: 'pbl-2025-12-01',
  name: { sv: 'Nya bygglovsregler från 1 december 2025', en: 'Building-permit rules from 1 December 2025' },
  effectiveFrom: '2025-12-01',
  source: 'Prop. 2024/25:169 Ett nytt regelverk för bygglov, så som kommunerna beskriver det',
  exemptions: {
    newMainBuilding: [],
    extension: [
      {
        id: 'exempt',
        label: { sv: 'Bygglovsbefriad tillbyggnad', en: 'Permit-free extension' },
        areaKind: 'grossFloorArea',
        maxAreaM2: both(30),
        maxRidgeM: 'mainBuilding',
        allowance: null,
        procedure: {
          value: 'notification',
          uncertain: true,
          note: 'Om anmälan krävs efter reformen är inte klarlagt.',
        },
        ruralOnly: false,
      },
    ],
    outbuilding: [exempt2025('none', false), rural],
    smallDwelling: [
      { ...exempt2025('notification', true), label: { sv: 'Komplementbostadshus', en: 'Small detached dwelling' } },
    ],
    carport: [exempt2025('none', false), rural],
  },
  allowances: [
    {
      id: 'pott',
      label: { sv: 'bygglovsbefriade byggnader', en: 'permit-free buildings' },
      maxM2: { insidePlan: 45, outsidePlan: 65 },
      counts: ['friggebod', 'attefall', 'exempt'],
    },
  ],
  minorMeasures: minorMeasuresReform,
  dwellingNextTo: 'anyResidential',
  immediateProximityM: { value: 25, uncertain: true, note: 'Kommunal praxis; lagen anger inget avstånd.' },
  boundaryDistanceM: 4.5,
  publicLandDistanceM: 4.5,
  shorelineProtectionM: 100,
  railwayDistanceM: { value: 30, uncertain: true, note: 'Värdet kommer från vägledning för de tidigare reglerna.' },
  kontrollansvarig,
  requiredAttachments: attachments,
  clock,
  hearing,
  afterDecision: afterDecisionReform,
};

/** Every rule set Lovisa knows, oldest first. Applications received before the first are not judged. */
export const ruleSets: readonly RuleSet[] = [
  beforeReform('pbl-2019-01-01', '2019-01-01', 25, {
    sv: 'Regler från 1 januari 2019 (attefall 25 m²)',
    en: 'Rules from 1 January 2019 (attefall 25 m²)',
  }),
  beforeReform('pbl-2020-08-01', '2020-08-01', 30, {
    sv: 'Regler från 1 augusti 2020 (attefall 30 m²)',
    en: 'Rules from 1 August 2020 (attefall 30 m²)',
  }),
  reform2025,
];

/** The rule set in force on a day (YYYY-MM-DD, Stockholm); undefined before the oldest set. */
export function ruleSetFor(day: string, sets: readonly RuleSet[] = ruleSets): RuleSet | undefined {
  let found: RuleSet | undefined;
  for (const set of sets)
    if (set.effectiveFrom <= day && (!found || set.effectiveFrom > found.effectiveFrom)) found = set;
  return found;
}

export type { ExemptionTier };
