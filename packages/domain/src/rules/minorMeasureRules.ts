import { line, type MeasureClause, type MinorMeasureRule, type MinorMeasureRules } from './minorMeasure';

// The measures beyond buildings, as data per rule set (issue #23). Each line names its source beside it:
// the SFS and paragraph where the law text was read or is settled, otherwise the secondary source, and such
// lines carry `uncertain: true` so the verdict says "bekräfta med kommunen". Paragraph numbers are PBL
// (2010:900) and PBF (2011:338). What could not be verified here is listed in docs/adr/0020-measures-as-data.md.

type LineInput = Parameters<typeof line>[0];
const lines = (cs: (LineInput | MeasureClause)[]): MeasureClause[] => cs.map(line);

const PBL_9_5 =
  'PBL 9 kap. 5 § första stycket 1 (skyddad uteplats med mur eller plank: högst 1,8 m, inom 3,6 m från bostadshuset, 4,5 m från gränsen om inte grannarna medger; samma lydelse som ÄPBL 8 kap. 4 § 1, lag 2007:1303)';
const PBL_9_6 =
  'PBL 9 kap. 6 § (utanför detaljplan och sammanhållen bebyggelse: murar och plank i omedelbar närhet av bostadshuset)';
const PBF_6_1 = 'PBF 6 kap. 1 § första stycket 7 (bygglov för murar och plank)';
const PBF_6_5 = 'PBF 6 kap. 5 § första stycket (anmälan)';
const REFORM =
  'Prop. 2024/25:169, så som kommunerna beskriver reformen (lagtexten efter 2025-12-01 har inte lästs här)';

/** Permit-bound wherever the place is especially valuable (PBL 8 kap. 13 §, a plan's q or områdesbestämmelser). */
const valuable = (reason = 'MEASURE_VALUABLE_AREA'): MeasureClause =>
  line({
    when: { valuableArea: true },
    outcome: 'permit',
    reason,
    source:
      'PBL 8 kap. 13 § och 9 kap. 2 §; detaljplanens skyddsbestämmelser (q) eller områdesbestämmelser binder fortfarande',
  });
/** After the reform, areas of national interest for total defence keep every measure permit-bound. */
const defence: MeasureClause = line({
  when: { defenceInterest: true },
  outcome: 'permit',
  reason: 'DEFENCE_INTEREST',
  source: REFORM,
});

const patio = (reform: boolean): MinorMeasureRule => ({
  needsDrawing: true,
  asks: ['heightM'],
  clauses: lines([
    ...(reform ? [defence] : []),
    valuable(),
    {
      when: { atMost: { heightM: 1.2 } },
      outcome: 'none',
      reason: 'PATIO_LOW',
      uncertain: true,
      note: 'Om en altan är en tillbyggnad bedöms från fall till fall; många kommuner drar gränsen vid 1,2 m över mark.',
      source: 'Boverkets PBL kunskapsbanken, Bygglovsbefriad altan; kommunal praxis (1,2 m)',
    },
    {
      when: {},
      outcome: 'permit',
      reason: 'PATIO_HIGH',
      uncertain: true,
      note: 'En hög altan räknas som tillbyggnad; gränsen 1,2 m är kommunal praxis.',
      source: 'PBL 9 kap. 2 § första stycket 2 (tillbyggnad); kommunal praxis för höjden',
    },
  ]),
  attachments: { permit: ['SITU', 'PLA', 'FAS'], notification: [] },
  feePermille: { permit: 150, notification: 0 },
});

/** Plank and mur share one table; only the height below which it is "not a plank/mur" differs. */
const fenceOrWall = (kind: 'fence' | 'wall', reform: boolean): MinorMeasureRule => ({
  needsDrawing: true,
  asks: ['heightM', 'distanceFromHouseM', 'distanceToBoundaryM', 'distanceToPublicLandM', 'neighbourConsent'],
  clauses: lines([
    ...(reform ? [defence] : []),
    valuable(),
    kind === 'fence'
      ? {
          when: { atMost: { heightM: 1.1 } },
          outcome: 'none',
          reason: 'FENCE_LOW',
          uncertain: true,
          note: 'Ett staket upp till 1,1 m räknas i regel inte som plank; gränsen är kommunal praxis.',
          source: 'Kommunal praxis (t.ex. Olofström, Sävsjö): plank lägre än 1,1 m kräver inte bygglov',
        }
      : {
          when: { atMost: { heightM: 0.5 } },
          outcome: 'none',
          reason: 'WALL_LOW',
          uncertain: true,
          note: 'En mur upp till 0,5 m räknas i regel inte som mur; gränsen är kommunal praxis.',
          source: 'Kommunal praxis (t.ex. Nynäshamn, Olofström): murar lägre än 0,5 m kräver inte bygglov',
        },
    // Street or park closer than 4.5 m: no neighbour can waive it (the same rule as for buildings).
    {
      when: { below: { distanceToPublicLandM: 4.5 } },
      outcome: 'permit',
      reason: 'FENCE_NEAR_PUBLIC_LAND',
      source: PBL_9_5,
    },
    {
      when: {
        flags: { oneOrTwoFamily: true },
        atMost: { heightM: 1.8, distanceFromHouseM: 3.6 },
        atLeast: { distanceToBoundaryM: 4.5 },
      },
      outcome: 'none',
      reason: 'SCREENED_PATIO',
      source: PBL_9_5,
    },
    {
      when: {
        flags: { oneOrTwoFamily: true, neighbourConsent: true },
        atMost: { heightM: 1.8, distanceFromHouseM: 3.6 },
        below: { distanceToBoundaryM: 4.5 },
      },
      outcome: 'none',
      reason: 'SCREENED_PATIO',
      conditions: ['FENCE_CONSENT_GIVEN'],
      source: PBL_9_5,
    },
    {
      when: {
        rural: true,
        flags: { oneOrTwoFamily: true },
        atMost: { distanceFromHouseM: 25 },
        atLeast: { distanceToBoundaryM: 4.5 },
      },
      outcome: 'none',
      reason: 'FENCE_RURAL',
      uncertain: true,
      note: 'Omedelbar närhet är inte angiven i lagen; 25 m är kommunal praxis.',
      source: PBL_9_6,
    },
    {
      when: {
        rural: true,
        flags: { oneOrTwoFamily: true, neighbourConsent: true },
        atMost: { distanceFromHouseM: 25 },
      },
      outcome: 'none',
      reason: 'FENCE_RURAL',
      conditions: ['FENCE_CONSENT_GIVEN'],
      uncertain: true,
      note: 'Omedelbar närhet är inte angiven i lagen; 25 m är kommunal praxis.',
      source: PBL_9_6,
    },
    {
      when: {
        flags: { oneOrTwoFamily: true },
        atMost: { heightM: 1.8, distanceFromHouseM: 3.6 },
        below: { distanceToBoundaryM: 4.5 },
      },
      outcome: 'permit',
      reason: 'FENCE_NEEDS_CONSENT',
      source: PBL_9_5,
    },
    {
      when: { above: { heightM: 1.8 } },
      outcome: 'permit',
      reason: 'FENCE_TOO_HIGH',
      source: `${PBF_6_1}; ${PBL_9_5}`,
    },
    {
      when: { above: { distanceFromHouseM: 3.6 } },
      outcome: 'permit',
      reason: 'FENCE_TOO_FAR',
      source: `${PBF_6_1}; ${PBL_9_5}`,
    },
    { when: {}, outcome: 'permit', reason: 'FENCE_PERMIT', source: PBF_6_1 },
  ]),
  attachments: { permit: ['SITU', 'FAS'], notification: [] },
  feePermille: { permit: 120, notification: 0 },
});

/** Indoor works that need a notification and a startbesked, whatever the place. */
const indoor = (reason: string, point: string): MinorMeasureRule => ({
  needsDrawing: false,
  asks: [],
  clauses: lines([{ when: {}, outcome: 'notification', reason, source: `${PBF_6_5}: ${point}` }]),
  attachments: { permit: [], notification: ['PLA', 'OVR'] },
  feePermille: { permit: 0, notification: 60 },
});

/**
 * Facade and solar panels share their start and their end: defence (after the reform) and protection bind
 * first; after the reform a one- or two-dwelling house is free; outside a plan 9 kap. 2 § 3 c does not reach.
 */
const exteriorFirst = (reform: boolean): LineInput[] => [
  ...(reform ? [defence] : []),
  valuable('FACADE_PROTECTED'),
  ...(reform
    ? [
        {
          when: { flags: { oneOrTwoFamily: true } },
          outcome: 'none',
          reason: 'FACADE_SMALL_HOUSE',
          source: REFORM,
        } as LineInput,
      ]
    : []),
];
const exteriorLast: LineInput = {
  when: {},
  outcome: 'none',
  reason: 'FACADE_NO_PERMIT',
  source: 'PBL 9 kap. 2 § första stycket 3 c (gäller bara inom detaljplan)',
};

/** A change to the outside of a house: the shared start and end around the lines of its own. */
const exterior = (reform: boolean, asks: string[], own: LineInput[]): MinorMeasureRule => ({
  needsDrawing: false,
  asks: [...asks, 'oneOrTwoFamily'],
  clauses: lines([...exteriorFirst(reform), ...own, exteriorLast]),
  attachments: { permit: ['FAS'], notification: [] },
  feePermille: { permit: 80, notification: 0 },
});

const facade = (reform: boolean) =>
  exterior(
    reform,
    ['changesCharacter'],
    [
      {
        when: { setting: 'insidePlan', flags: { changesCharacter: true } },
        outcome: 'permit',
        reason: 'FACADE_CHANGES_CHARACTER',
        source: 'PBL 9 kap. 2 § första stycket 3 c',
      },
    ],
  );

const solarPanels = (reform: boolean) =>
  exterior(
    reform,
    ['followsRoofShape'],
    [
      {
        when: { flags: { followsRoofShape: true } },
        outcome: 'none',
        reason: 'SOLAR_FOLLOWS_ROOF',
        source: 'PBF 6 kap. 3 c § (solfångare och solcellsmoduler som följer byggnadens form, sedan 2018-08-01)',
      },
      {
        when: { setting: 'insidePlan' },
        outcome: 'permit',
        reason: 'SOLAR_STANDS_OUT',
        source: 'PBL 9 kap. 2 § första stycket 3 c',
      },
    ],
  );

const demolition: MinorMeasureRule = {
  needsDrawing: true,
  asks: ['demolishes'],
  clauses: lines([
    {
      ...valuable('DEMOLITION_PROTECTED'),
      permitKind: 'rivningslov',
      source: 'PBL 9 kap. 10 § och 34 § (rivningsförbud, q)',
    },
    {
      when: { setting: 'insidePlan' },
      outcome: 'permit',
      permitKind: 'rivningslov',
      reason: 'DEMOLITION_IN_PLAN',
      source: 'PBL 9 kap. 10 § första stycket (rivningslov inom detaljplan, om inte planen anger annat)',
    },
    {
      when: { demolishes: 'main' },
      outcome: 'notification',
      reason: 'DEMOLITION_NOTIFICATION',
      source: `${PBF_6_5} 1 (rivning som inte kräver lov)`,
    },
    {
      when: {},
      outcome: 'none',
      reason: 'DEMOLITION_SMALL',
      uncertain: true,
      note: 'Undantaget från anmälan för rivning av komplementbyggnader har inte kunnat läsas i lagtexten.',
      source: `${PBF_6_5} 1, undantaget för komplementbyggnader (ej kontrollerat i lagtexten)`,
    },
  ]),
  attachments: { permit: ['SITU', 'OVR'], notification: ['SITU', 'OVR'] },
  feePermille: { permit: 60, notification: 40 },
};

const groundLevelling: MinorMeasureRule = {
  needsDrawing: true,
  asks: ['groundChangeM'],
  clauses: lines([
    { ...valuable(), permitKind: 'marklov', source: 'PBL 9 kap. 12 § (områdesbestämmelser) och 9 kap. 11 §' },
    {
      when: { setting: 'insidePlan', above: { groundChangeM: 0.5 } },
      outcome: 'permit',
      permitKind: 'marklov',
      reason: 'GROUND_CHANGE_PERMIT',
      uncertain: true,
      note: 'Lagen säger "avsevärt"; 0,5 m är den gräns Boverket och kommuner brukar ange.',
      source: 'PBL 9 kap. 11 § (marklov inom detaljplan för schaktning och fyllning som avsevärt ändrar höjdläget)',
    },
    {
      when: { setting: 'insidePlan' },
      outcome: 'none',
      reason: 'GROUND_CHANGE_SMALL',
      uncertain: true,
      note: 'Lagen säger "avsevärt"; 0,5 m är den gräns Boverket och kommuner brukar ange.',
      source: 'PBL 9 kap. 11 §',
    },
    {
      when: {},
      outcome: 'none',
      reason: 'GROUND_OUTSIDE_PLAN',
      source: 'PBL 9 kap. 11–12 §§ (marklov utanför plan bara genom områdesbestämmelser)',
    },
  ]),
  attachments: { permit: ['SITU', 'SEK'], notification: [] },
  feePermille: { permit: 100, notification: 0 },
};

const outlineDecision: MinorMeasureRule = {
  needsDrawing: true,
  asks: [],
  clauses: lines([
    {
      when: { setting: 'outsidePlan' },
      outcome: 'permit',
      permitKind: 'forhandsbesked',
      reason: 'OUTLINE_OUTSIDE_PLAN',
      source: 'PBL 9 kap. 17 § (förhandsbesked) och 2 kap. (lokaliseringsprövning)',
    },
    {
      when: {},
      outcome: 'permit',
      permitKind: 'forhandsbesked',
      reason: 'OUTLINE_INSIDE_PLAN',
      source: 'PBL 9 kap. 17 §; inom detaljplan har planen redan prövat platsen (4 kap.)',
    },
  ]),
  attachments: { permit: ['SITU'], notification: [] },
  feePermille: { permit: 200, notification: 0 },
};

const sign = (reform: boolean): MinorMeasureRule => ({
  needsDrawing: false,
  asks: ['areaM2'],
  clauses: lines([
    ...(reform ? [defence] : []),
    valuable(),
    {
      when: { setting: 'insidePlan', atMost: { areaM2: 0.25 } },
      outcome: 'none',
      reason: 'SIGN_SMALL',
      uncertain: true,
      note: 'Gränsen för små skyltar har inte kunnat läsas i PBF; 0,25 m² är vad kommuner anger.',
      source: 'PBF 6 kap. 3 § (skyltar), undantag för små skyltar enligt kommunal vägledning',
    },
    {
      when: { setting: 'insidePlan' },
      outcome: 'permit',
      reason: 'SIGN_PERMIT',
      source: 'PBF 6 kap. 3 § (bygglov för skyltar inom detaljplan)',
    },
    {
      when: {},
      outcome: 'none',
      reason: 'SIGN_OUTSIDE_PLAN',
      uncertain: true,
      note: 'Utanför detaljplan kan skyltar nära allmän väg kräva tillstånd enligt väglagen.',
      source: 'PBF 6 kap. 3 § (utanför detaljplan bara där områdesbestämmelser kräver det)',
    },
  ]),
  attachments: { permit: ['SITU', 'FAS'], notification: [] },
  feePermille: { permit: 50, notification: 0 },
});

const rules = (reform: boolean): MinorMeasureRules => ({
  patio: patio(reform),
  fence: fenceOrWall('fence', reform),
  wall: fenceOrWall('wall', reform),
  fireplace: indoor('FIREPLACE_NOTIFICATION', 'installera eller väsentligt ändra eldstäder och rökkanaler'),
  loadBearing: indoor('LOAD_BEARING_NOTIFICATION', 'ändring som berör bärande konstruktion'),
  ventilation: indoor('VENTILATION_NOTIFICATION', 'installera eller väsentligt ändra ventilation'),
  facade: facade(reform),
  solarPanels: solarPanels(reform),
  demolition,
  groundLevelling,
  outlineDecision,
  sign: sign(reform),
});

/** Until 2025-11-30. */
export const minorMeasuresBefore = rules(false);
/** From 2025-12-01: facade changes and solar panels on one- and two-dwelling houses leave the permit, defence binds. */
export const minorMeasuresReform = rules(true);
