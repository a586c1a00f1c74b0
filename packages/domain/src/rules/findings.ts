/**
 * Every verdict the rules engine gives is a list of findings with stable codes: the codes are what tests,
 * the server's error answers and the officer's view compare; the texts are for people.
 */
export const findingTemplates = {
  // Permit need: what decides the outcome
  NEW_MAIN_BUILDING: {
    sv: 'Ett nytt bostadshus kräver alltid bygglov.',
    en: 'A new house always needs a building permit.',
  },
  CULTURAL_HERITAGE: {
    sv: 'Platsen ligger i en särskilt värdefull kulturmiljö. Där gäller inte undantagen från bygglov.',
    en: 'The site is in an especially valuable built environment, where the permit exemptions do not apply.',
  },
  DEFENCE_INTEREST: {
    sv: 'Platsen ligger inom ett område av riksintresse för totalförsvaret. Där krävs bygglov.',
    en: 'The site is in an area of national defence interest, where a permit is needed.',
  },
  NO_DWELLING_ON_PLOT: {
    sv: 'Det finns inget bostadshus på fastigheten. Undantagen gäller bara byggnader i närheten av ett bostadshus.',
    en: 'There is no house on the property. The exemptions only cover buildings next to a house.',
  },
  NOT_NEAR_DWELLING: {
    sv: 'Byggnaden ligger {distance} m från bostadshuset. Den ska stå i omedelbar närhet (inom cirka {limit} m).',
    en: 'The building is {distance} m from the house. It must stand in immediate proximity (within about {limit} m).',
  },
  AREA_OVER_LIMIT: {
    sv: '{tier}: byggnaden är {area} m² {kind}, högst {limit} m² är tillåtet.',
    en: '{tier}: the building has {area} m² {kind}; at most {limit} m² is allowed.',
  },
  ALLOWANCE_EXCEEDED: {
    sv: 'Tillsammans med befintliga {allowance} ({existing} m²) blir det {total} m². Högst {limit} m² får byggas utan lov på tomten.',
    en: 'Together with existing {allowance} ({existing} m²) it comes to {total} m². At most {limit} m² may be built without a permit on the plot.',
  },
  RIDGE_OVER_LIMIT: {
    sv: '{tier}: nockhöjden är {ridge} m, högst {limit} m är tillåtet.',
    en: '{tier}: the ridge height is {ridge} m; at most {limit} m is allowed.',
  },
  RIDGE_ABOVE_MAIN_BUILDING: {
    sv: '{tier}: nockhöjden {ridge} m är högre än huvudbyggnadens {limit} m.',
    en: '{tier}: the ridge height {ridge} m is above the main building’s {limit} m.',
  },
  NEAR_PUBLIC_LAND: {
    sv: 'Byggnaden ligger {distance} m från gata eller annan allmän plats. Närmare än {limit} m krävs bygglov, och grannar kan inte medge det.',
    en: 'The building is {distance} m from a street or other public land. Closer than {limit} m needs a permit; neighbours cannot waive it.',
  },
  NEAR_RAILWAY: {
    sv: 'Byggnaden ligger {distance} m från järnvägen. Närmare än {limit} m krävs bygglov.',
    en: 'The building is {distance} m from the railway. Closer than {limit} m needs a permit.',
  },
  // Permit need: context and the exemption that applies
  INSIDE_PLAN: { sv: 'Fastigheten ligger inom detaljplan {plan}.', en: 'The property is inside detailed plan {plan}.' },
  OUTSIDE_PLAN: {
    sv: 'Fastigheten ligger utanför detaljplan, inom sammanhållen bebyggelse.',
    en: 'The property is outside a detailed plan, in clustered settlement.',
  },
  RURAL: {
    sv: 'Fastigheten ligger utanför detaljplan och utanför sammanhållen bebyggelse.',
    en: 'The property is outside a detailed plan and outside clustered settlement.',
  },
  EXEMPTION_APPLIES: {
    sv: 'Åtgärden ryms i undantaget för {tier}.',
    en: 'The measure fits the exemption for {tier}.',
  },
  NOTIFICATION_REQUIRED: {
    sv: 'Du behöver inte bygglov, men du ska göra en anmälan och få startbesked innan du börjar bygga.',
    en: 'No permit is needed, but you must file a notification and get a start approval before building.',
  },
  NO_PERMIT_NEEDED: {
    sv: 'Du behöver varken bygglov eller anmälan, om villkoren nedan uppfylls.',
    en: 'You need neither a permit nor a notification, provided the conditions below are met.',
  },
  PERMIT_REQUIRED: { sv: 'Du behöver söka bygglov.', en: 'You need to apply for a building permit.' },
  CONFIRM_WITH_MUNICIPALITY: {
    sv: 'Bekräfta med kommunen: {note}',
    en: 'Confirm with the municipality: {note}',
  },
  // Conditions that come with an exemption
  NEIGHBOUR_CONSENT: {
    sv: 'Byggnaden ligger {distance} m från tomtgränsen. Närmare än {limit} m krävs skriftligt medgivande från alla ägare till {neighbours}.',
    en: 'The building is {distance} m from the boundary. Closer than {limit} m needs written consent from all owners of {neighbours}.',
  },
  IMMEDIATE_PROXIMITY: {
    sv: 'Byggnaden ska stå i omedelbar närhet till bostadshuset.',
    en: 'The building must stand in immediate proximity to the house.',
  },
  SHORELINE_DISPENSATION: {
    sv: 'Byggnaden ligger {distance} m från {water}, inom strandskyddet ({limit} m). Du behöver strandskyddsdispens innan du bygger, även när bygglov inte krävs.',
    en: 'The building is {distance} m from {water}, inside shoreline protection ({limit} m). You need a shoreline dispensation before building, even where no permit is needed.',
  },
  // Plan compliance
  PLAN_BUILDING_AREA: {
    sv: 'Byggnadsarea på tomten: {value} m² av högst {limit} m².',
    en: 'Building area on the plot: {value} m² of at most {limit} m².',
  },
  PLAN_HEIGHT: { sv: 'Nockhöjd: {value} m av högst {limit} m.', en: 'Ridge height: {value} m of at most {limit} m.' },
  PLAN_PRICKMARK: {
    sv: '{value} m² av byggnaden ligger på prickmark, mark som inte får bebyggas.',
    en: '{value} m² of the building is on prickmark, land that may not be built on.',
  },
  PLAN_KORSMARK: {
    sv: '{value} m² av byggnaden ligger på korsmark, där bara komplementbyggnader får stå.',
    en: '{value} m² of the building is on korsmark, where only outbuildings may stand.',
  },
  PLAN_BOUNDARY_DISTANCE: {
    sv: 'Avstånd till tomtgräns: {value} m, minst {limit} m.',
    en: 'Distance to boundary: {value} m; at least {limit} m.',
  },
  PLAN_USE: { sv: 'Användning: {value}, planen tillåter {limit}.', en: 'Use: {value}; the plan allows {limit}.' },
  OUTSIDE_PROPERTY: {
    sv: 'Byggnaden ligger utanför fastighetsgränsen.',
    en: 'The building lies outside the property boundary.',
  },
  // Completeness: what is missing before an application can leave
  MISSING_PROPERTY: { sv: 'Välj vilken fastighet ansökan gäller.', en: 'Choose the property the application is for.' },
  MISSING_MEASURE: { sv: 'Välj vad du vill bygga.', en: 'Choose what you want to build.' },
  MISSING_FOOTPRINT: { sv: 'Rita byggnaden på kartan, eller ange dess mått.', en: 'Draw the building on the map, or give its measurements.' },
  MISSING_DESCRIPTION: { sv: 'Beskriv vad du vill bygga.', en: 'Describe what you want to build.' },
  MISSING_RIDGE_HEIGHT: { sv: 'Ange byggnadens nockhöjd.', en: 'Give the ridge height of the building.' },
  MISSING_GROSS_FLOOR_AREA: { sv: 'Ange tillbyggnadens bruttoarea (alla våningar).', en: 'Give the gross floor area of the extension (all storeys).' },
  MISSING_START_DATE: { sv: 'Ange när du planerar att börja bygga.', en: 'Give the date you plan to start building.' },
  MISSING_CONTACT: { sv: 'Ange e-post eller telefonnummer så att vi kan nå dig.', en: 'Give an email address or phone number so we can reach you.' },
  MISSING_ATTACHMENT: { sv: 'Bifoga {attachment}.', en: 'Attach a {attachment}.' },
  MISSING_KONTROLLANSVARIG: {
    sv: 'Åtgärden kräver en certifierad kontrollansvarig. Ange namn, certifieringsnummer och kontaktuppgift.',
    en: 'The measure needs a certified inspector (kontrollansvarig). Give name, certification number and contact.',
  },
  MISSING_NEIGHBOUR_CONSENT: {
    sv: 'Skriftligt medgivande saknas från ägarna till {neighbour}.',
    en: 'Written consent is missing from the owners of {neighbour}.',
  },
  DEVIATION_HEARING: {
    sv: 'Åtgärden avviker från detaljplanen. Kommunen hör grannarna innan beslut; medgivanden från dem kan korta tiden.',
    en: 'The measure deviates from the plan. The municipality hears the neighbours before deciding; their consent can shorten the time.',
  },
  NOTHING_TO_APPLY_FOR: {
    sv: 'Åtgärden kräver varken bygglov eller anmälan. Du kan skriva ut svaret i stället för att skicka en ansökan.',
    en: 'The measure needs neither a permit nor a notification. You can print the answer instead of sending an application.',
  },
  INVALID_FOOTPRINT: { sv: 'Byggnadens form går inte att använda: {problem}', en: 'The building’s shape cannot be used: {problem}' },
} as const satisfies Record<string, { sv: string; en: string }>;

export type FindingCode = keyof typeof findingTemplates;
export type FindingParams = Record<string, string | number>;

export interface Finding {
  code: FindingCode;
  params: FindingParams;
  /** The finding rests on a value the sources leave uncertain. */
  uncertain?: boolean;
  text: { sv: string; en: string };
}

/** Swedish decimals use a comma; two decimals at most, so 4,49 m and 4,5 m read as people write them. */
export function formatNumber(value: number, lang: 'sv' | 'en'): string {
  const rounded = Math.round(value * 100) / 100;
  const s = String(rounded);
  return lang === 'sv' ? s.replace('.', ',').replace('-', '−') : s;
}

function fill(template: string, params: FindingParams, lang: 'sv' | 'en'): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined) return m;
    return typeof v === 'number' ? formatNumber(v, lang) : v;
  });
}

/** Params may hold bilingual words (`{ sv, en }`); each language's text takes its own. */
export function finding(code: FindingCode, params: Record<string, string | number | { sv: string; en: string }> = {}, uncertain = false): Finding {
  const pick = (lang: 'sv' | 'en'): FindingParams =>
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
  const t = findingTemplates[code];
  return {
    code,
    params: pick('sv'),
    ...(uncertain ? { uncertain } : {}),
    text: { sv: fill(t.sv, pick('sv'), 'sv'), en: fill(t.en, pick('en'), 'en') },
  };
}
