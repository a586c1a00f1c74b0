import type { findingSv } from './sv';
import { measureFindingEn } from '../measures/findings.en';

/**
 * English of the findings (./sv.ts's findingSv), code for code. A module of its own: the rules engine needs it
 * (each finding carries both texts), the rest of ./en.ts only the web's lazily loaded English.
 */
export const findingEn: Record<keyof typeof findingSv, string> = {
  // Permit need: what decides the outcome
  NEW_MAIN_BUILDING: 'A new house always needs a building permit.',
  CULTURAL_HERITAGE:
    'The site is in an especially valuable built environment, where the permit exemptions do not apply.',
  DEFENCE_INTEREST: 'The site is in an area of national defence interest, where a permit is needed.',
  NO_DWELLING_ON_PLOT: 'There is no house on the property. The exemptions only cover buildings next to a house.',
  NOT_NEAR_DWELLING:
    'The building is {distance} m from the house. It must stand in immediate proximity (within about {limit} m).',
  AREA_OVER_LIMIT:
    '{tier}: the building has {area} m² {kind}. To build without a permit it may have at most {limit} m².',
  ALLOWANCE_EXCEEDED:
    'Together with existing {allowance} ({existing} m²) it comes to {total} m². At most {limit} m² may be built without a permit on the plot.',
  RIDGE_OVER_LIMIT: '{tier}: the ridge height is {ridge} m. To build without a permit it may be at most {limit} m.',
  RIDGE_ABOVE_MAIN_BUILDING: '{tier}: the ridge height {ridge} m is above the main building’s {limit} m.',
  NEAR_PUBLIC_LAND:
    'The building is {distance} m from a street or other public land. Closer than {limit} m needs a permit; neighbours cannot waive it.',
  NEAR_RAILWAY: 'The building is {distance} m from the railway. Closer than {limit} m needs a permit.',
  // Permit need: context and the exemption that applies
  INSIDE_PLAN: 'The property is inside detailed plan {plan}.',
  OUTSIDE_PLAN: 'The property is outside a detailed plan, in clustered settlement.',
  RURAL: 'The property is outside a detailed plan and outside clustered settlement.',
  EXEMPTION_APPLIES: 'The measure fits the exemption for {tier}.',
  NOTIFICATION_REQUIRED:
    'No permit is needed, but you must file a notification and get a start approval before building.',
  NO_PERMIT_NEEDED: 'You need neither a permit nor a notification, provided the conditions below are met.',
  PERMIT_REQUIRED: 'You need to apply for a building permit.',
  CONFIRM_WITH_MUNICIPALITY: 'Confirm with the municipality: {note}',
  // Conditions that come with an exemption
  NEIGHBOUR_CONSENT:
    'The building is {distance} m from the boundary. Closer than {limit} m needs written consent from all owners of {neighbours}.',
  IMMEDIATE_PROXIMITY: 'The building must stand in immediate proximity to the house.',
  SHORELINE_DISPENSATION:
    'The building is {distance} m from {water}, inside shoreline protection ({limit} m). You need a shoreline dispensation before building, even where no permit is needed.',
  // Plan compliance
  PLAN_BUILDING_AREA: 'Building area on the plot: {value} m² of at most {limit} m².',
  PLAN_HEIGHT: 'Ridge height: {value} m of at most {limit} m.',
  PLAN_PRICKMARK: '{value} m² of the building is on prickmark, land that may not be built on.',
  PLAN_KORSMARK: '{value} m² of the building is on korsmark, where only outbuildings may stand.',
  PLAN_BOUNDARY_DISTANCE: 'Distance to boundary: {value} m; at least {limit} m.',
  PLAN_USE: 'Use: {value}; the plan allows {limit}.',
  OUTSIDE_PROPERTY: 'The building lies outside the property boundary.',
  // Completeness: what is missing before an application can leave
  MISSING_PROPERTY: 'Choose the property the application is for.',
  MISSING_MEASURE: 'Choose what you want to build.',
  MISSING_FOOTPRINT: 'Draw the building on the map, or give its measurements.',
  MISSING_DESCRIPTION: 'Describe what you want to build.',
  MISSING_RIDGE_HEIGHT: 'Give the ridge height of the building.',
  MISSING_GROSS_FLOOR_AREA: 'Give the gross floor area of the extension (all storeys).',
  MISSING_START_DATE: 'Give the date you plan to start building.',
  MISSING_CONTACT: 'Give an email address or phone number so we can reach you.',
  MISSING_ATTACHMENT: 'Attach a {attachment}.',
  MISSING_KONTROLLANSVARIG:
    'The measure needs a certified inspector (kontrollansvarig). Give name, certification number and contact.',
  MISSING_NEIGHBOUR_CONSENT: 'Written consent is missing from the owners of {neighbour}.',
  DEVIATION_HEARING:
    'The measure deviates from the plan. The municipality hears the neighbours before deciding; their consent can shorten the time.',
  NOTHING_TO_APPLY_FOR:
    'The measure needs neither a permit nor a notification. You can print the answer instead of sending an application.',
  INVALID_FOOTPRINT: 'The building’s shape cannot be used: {problem}',
  ...measureFindingEn,
};
