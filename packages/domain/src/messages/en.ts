import type { DomainMessageId, findingSv } from './sv';

/** English of ./sv.ts, id for id (the key tests fail on one missing). Kept apart so the web can load it lazily. */
export const findingEn: Record<keyof typeof findingSv, string> = {
  // Permit need: what decides the outcome
  NEW_MAIN_BUILDING: 'A new house always needs a building permit.',
  CULTURAL_HERITAGE:
    'The site is in an especially valuable built environment, where the permit exemptions do not apply.',
  DEFENCE_INTEREST: 'The site is in an area of national defence interest, where a permit is needed.',
  NO_DWELLING_ON_PLOT: 'There is no house on the property. The exemptions only cover buildings next to a house.',
  NOT_NEAR_DWELLING:
    'The building is {distance} m from the house. It must stand in immediate proximity (within about {limit} m).',
  AREA_OVER_LIMIT: '{tier}: the building has {area} m² {kind}; at most {limit} m² is allowed.',
  ALLOWANCE_EXCEEDED:
    'Together with existing {allowance} ({existing} m²) it comes to {total} m². At most {limit} m² may be built without a permit on the plot.',
  RIDGE_OVER_LIMIT: '{tier}: the ridge height is {ridge} m; at most {limit} m is allowed.',
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
};

const rest = {
  'form.description.tooShort': 'Describe what you want to build in at least 10 characters.',
  'form.description.tooLong': 'The description may be at most 4000 characters.',
  'form.ridgeHeight.required': 'Give the ridge height in metres.',
  'form.ridgeHeight.tooLow': 'The ridge height must be at least 1 metre.',
  'form.ridgeHeight.tooHigh': 'The ridge height may be at most 30 metres.',
  'form.plannedStart.invalid': 'Give a date (YYYY-MM-DD).',
  'form.grossFloorArea.required': 'Give the gross floor area in square metres.',
  'form.grossFloorArea.notPositive': 'The gross floor area must be more than 0.',
  'form.grossFloorArea.tooHigh': 'The gross floor area may be at most 5000 m².',
  'form.email.invalid': 'Give a valid email address, for example name@example.com.',
  'form.phone.invalid': 'Give a phone number in digits, for example 070-123 45 67.',
  'form.kaName.tooLong': 'The name may be at most 200 characters.',
  'form.kaCertificationId.tooLong': 'The certification number may be at most 50 characters.',
  'form.kaContact.tooLong': 'The contact detail may be at most 200 characters.',
  'form.footprints.none': 'Draw at least one building on the map.',
  'geometry.tooFewPositions': 'The shape needs at least three corners.',
  'geometry.notClosed': 'The outline of the shape is not closed.',
  'geometry.notFinite': 'The shape has invalid coordinates.',
  'geometry.outsideSweden': 'The shape is outside Sweden (coordinates must be SWEREF 99 TM).',
  'geometry.selfIntersecting': 'The edges of the shape cross each other.',
  'geometry.tooManyVertices': 'The shape has too many corners.',
  'geometry.zeroArea': 'The shape has no area.',
  'bankid.startApp': 'Start the BankID app.',
  'bankid.started': 'Looking for a BankID, this may take a moment …',
  'bankid.userMrtd': 'Scan your passport or ID card in the BankID app.',
  'bankid.userCallConfirm': 'Confirm the call in the BankID app.',
  'bankid.userSign': 'Enter your security code in the BankID app and select Identify or Sign.',
  'bankid.expiredTransaction': 'The BankID app did not answer in time. Please try again.',
  'bankid.certificateErr': 'Your BankID is blocked or too old. Get a new BankID from your bank.',
  'bankid.userCancel': 'The action was cancelled.',
  'bankid.cancelled': 'The action was cancelled. Please try again.',
  'bankid.startFailed': 'The BankID app could not be started. Please try again.',
  'bankid.notFound': 'The login was not found. Please start again.',
  'bankid.failed': 'Something went wrong with BankID. Please try again.',
  'bankid.loggedIn': 'You are logged in.',
  'bankid.signed': 'The application is signed and sent.',
  'wizard.submitFailed': 'The application could not be sent. Please try again.',
  'wizard.draftNotSaved': 'The draft could not be saved just now. What you have filled in is still here.',
  'wizard.propertiesNotLoaded': 'We could not fetch your properties. Please try again.',
  'server.notFound': 'The page or resource does not exist.',
  'server.notFound.resource': 'The resource does not exist.',
  'server.notFound.property': 'The property does not exist.',
  'server.notFound.case': 'The case does not exist.',
  'server.notFound.draft': 'The draft does not exist.',
  'server.notFound.file': 'The file does not exist.',
  'server.notFound.document': 'The document does not exist.',
  'server.forbidden': 'You do not have permission for this.',
  'server.unauthenticated': 'You need to log in.',
  'server.invalidInput': 'The details are not valid.',
  'server.invalidValue': 'Invalid value.',
  'server.badRequest': 'The request is not valid.',
  'server.unsupportedMediaType': 'The content type is not supported. Send JSON.',
  'server.payloadTooLarge': 'The request is too large.',
  'server.emptyBody': 'The request has no content.',
  'server.invalidJson': 'The request is not valid JSON.',
  'server.tooManyRequests': 'Too many requests. Please wait a moment.',
  'server.tooManyAttempts': 'Too many attempts. Wait {seconds} seconds and try again.',
  'server.internal': 'An unexpected error occurred. Please try again in a moment.',
  'server.registersUnavailable':
    'The population or land register is not answering just now. Please try again in a moment.',
  'server.bankIdUnavailable': 'BankID is not answering just now. Please try again in a moment.',
  'server.bankIdBusy': 'You already have a BankID action in progress. Cancel it in the BankID app and try again.',
  'server.loginNotFound': 'The login was not found. Please start again.',
  'server.kioskQrOnly': 'At the kiosk you log in with Mobile BankID on another device.',
  'server.signatureNotFound': 'The signature was not found. Send the application again.',
  'server.signedByOther':
    'The application was signed by someone other than the person logged in. It has not been sent.',
  'server.applicationBlocked': 'The application cannot be sent yet. Correct what is listed below.',
} as const;

export const domainEn: Record<DomainMessageId, string> = {
  ...(Object.fromEntries(Object.entries(findingEn).map(([code, text]) => [`finding.${code}`, text])) as Record<
    `finding.${keyof typeof findingSv}`,
    string
  >),
  ...rest,
};
