import { afterPermitSv } from '../afterPermit/messages';
import { partiesSv } from '../parties/messages';
import { ledgerSv } from '../rules/ledgerMessages';
import { measureFindingSv } from '../measures/findings.sv';
import { bankIdSv } from './bankid';
import { fillMessage, type Message, type MessageParams } from './fill';

/**
 * Swedish catalogue of every text the domain, the wizard and the server give people, by stable id. The web
 * spreads it into its own catalogue; the server fills `message` from it. English is in ./en.ts, a module of
 * its own so the web can keep English out of its entry. A new text: add its id here and in en.ts (the key
 * tests fail on one missing), then refer to it by id only.
 */

/** The rules engine's findings, by their code (rules/findings.ts). */
export const findingSv = {
  // Permit need: what decides the outcome
  NEW_MAIN_BUILDING: 'Ett nytt bostadshus kräver alltid bygglov.',
  CULTURAL_HERITAGE: 'Platsen ligger i en särskilt värdefull kulturmiljö. Där gäller inte undantagen från bygglov.',
  DEFENCE_INTEREST: 'Platsen ligger inom ett område av riksintresse för totalförsvaret. Där krävs bygglov.',
  NO_DWELLING_ON_PLOT:
    'Det finns inget bostadshus på fastigheten. Undantagen gäller bara byggnader i närheten av ett bostadshus.',
  NOT_NEAR_DWELLING:
    'Byggnaden ligger {distance} m från bostadshuset. Den ska stå i omedelbar närhet (inom cirka {limit} m).',
  // The limit is the condition for building without a permit, not a ban: the sentence says so (issue 18).
  AREA_OVER_LIMIT: '{tier}: byggnaden är {area} m² {kind}. För att bygga utan bygglov får den vara högst {limit} m².',
  ALLOWANCE_EXCEEDED:
    'Tillsammans med befintliga {allowance} ({existing} m²) blir det {total} m². Högst {limit} m² får byggas utan lov på tomten.',
  RIDGE_OVER_LIMIT: '{tier}: nockhöjden är {ridge} m. För att bygga utan bygglov får den vara högst {limit} m.',
  RIDGE_ABOVE_MAIN_BUILDING: '{tier}: nockhöjden {ridge} m är högre än huvudbyggnadens {limit} m.',
  NEAR_PUBLIC_LAND:
    'Byggnaden ligger {distance} m från gata eller annan allmän plats. Närmare än {limit} m krävs bygglov, och grannar kan inte medge det.',
  NEAR_RAILWAY: 'Byggnaden ligger {distance} m från järnvägen. Närmare än {limit} m krävs bygglov.',
  // Permit need: context and the exemption that applies
  INSIDE_PLAN: 'Fastigheten ligger inom detaljplan {plan}.',
  OUTSIDE_PLAN: 'Fastigheten ligger utanför detaljplan, inom sammanhållen bebyggelse.',
  RURAL: 'Fastigheten ligger utanför detaljplan och utanför sammanhållen bebyggelse.',
  EXEMPTION_APPLIES: 'Åtgärden ryms i undantaget för {tier}.',
  NOTIFICATION_REQUIRED:
    'Du behöver inte bygglov, men du ska göra en anmälan och få startbesked innan du börjar bygga.',
  NO_PERMIT_NEEDED: 'Du behöver varken bygglov eller anmälan, om villkoren nedan uppfylls.',
  PERMIT_REQUIRED: 'Du behöver söka bygglov.',
  CONFIRM_WITH_MUNICIPALITY: 'Bekräfta med kommunen: {note}',
  // Conditions that come with an exemption
  NEIGHBOUR_CONSENT:
    'Byggnaden ligger {distance} m från tomtgränsen. Närmare än {limit} m krävs skriftligt medgivande från alla ägare till {neighbours}.',
  IMMEDIATE_PROXIMITY: 'Byggnaden ska stå i omedelbar närhet till bostadshuset.',
  SHORELINE_DISPENSATION:
    'Byggnaden ligger {distance} m från {water}, inom strandskyddet ({limit} m). Du behöver strandskyddsdispens innan du bygger, även när bygglov inte krävs.',
  // Plan compliance
  PLAN_BUILDING_AREA: 'Byggnadsarea på tomten: {value} m² av högst {limit} m².',
  PLAN_HEIGHT: 'Nockhöjd: {value} m av högst {limit} m.',
  PLAN_PRICKMARK: '{value} m² av byggnaden ligger på prickmark, mark som inte får bebyggas.',
  PLAN_KORSMARK: '{value} m² av byggnaden ligger på korsmark, där bara komplementbyggnader får stå.',
  PLAN_BOUNDARY_DISTANCE: 'Avstånd till tomtgräns: {value} m, minst {limit} m.',
  PLAN_USE: 'Användning: {value}, planen tillåter {limit}.',
  OUTSIDE_PROPERTY: 'Byggnaden ligger utanför fastighetsgränsen.',
  // Completeness: what is missing before an application can leave
  MISSING_PROPERTY: 'Välj vilken fastighet ansökan gäller.',
  MISSING_MEASURE: 'Välj vad du vill bygga.',
  MISSING_FOOTPRINT: 'Rita byggnaden på kartan, eller ange dess mått.',
  MISSING_DESCRIPTION: 'Beskriv vad du vill bygga.',
  MISSING_RIDGE_HEIGHT: 'Ange byggnadens nockhöjd.',
  MISSING_GROSS_FLOOR_AREA: 'Ange tillbyggnadens bruttoarea (alla våningar).',
  MISSING_START_DATE: 'Ange när du planerar att börja bygga.',
  MISSING_CONTACT: 'Ange e-post eller telefonnummer så att vi kan nå dig.',
  MISSING_ATTACHMENT: 'Bifoga {attachment}.',
  MISSING_KONTROLLANSVARIG:
    'Åtgärden kräver en certifierad kontrollansvarig. Ange namn, certifieringsnummer och kontaktuppgift.',
  MISSING_NEIGHBOUR_CONSENT: 'Skriftligt medgivande saknas från ägarna till {neighbour}.',
  DEVIATION_HEARING:
    'Åtgärden avviker från detaljplanen. Kommunen hör grannarna innan beslut; medgivanden från dem kan korta tiden.',
  NOTHING_TO_APPLY_FOR:
    'Åtgärden kräver varken bygglov eller anmälan. Du kan skriva ut svaret i stället för att skicka en ansökan.',
  INVALID_FOOTPRINT: 'Byggnadens form går inte att använda: {problem}',
  // The measures beyond buildings and the allowance ledger (issue #23)
  ...measureFindingSv,
} as const;

/** Validation messages of the application schemas: zod's `message` is the id, so every reader carries it. */
const formSv = {
  'form.description.tooShort': 'Beskriv vad du vill bygga med minst 10 tecken.',
  'form.description.tooLong': 'Beskrivningen får vara högst 4000 tecken.',
  'form.ridgeHeight.required': 'Ange nockhöjden i meter.',
  'form.ridgeHeight.tooLow': 'Nockhöjden ska vara minst 1 meter.',
  'form.ridgeHeight.tooHigh': 'Nockhöjden får vara högst 30 meter.',
  'form.plannedStart.invalid': 'Ange ett datum (ÅÅÅÅ-MM-DD).',
  'form.grossFloorArea.required': 'Ange bruttoarean i kvadratmeter.',
  'form.grossFloorArea.notPositive': 'Bruttoarean ska vara större än 0.',
  'form.grossFloorArea.tooHigh': 'Bruttoarean får vara högst 5000 m².',
  'form.email.invalid': 'Ange en giltig e-postadress, till exempel namn@exempel.se.',
  'form.phone.invalid': 'Ange ett telefonnummer med siffror, till exempel 070-123 45 67.',
  'form.kaName.tooLong': 'Namnet får vara högst 200 tecken.',
  'form.kaCertificationId.tooLong': 'Certifieringsnumret får vara högst 50 tecken.',
  'form.kaContact.tooLong': 'Kontaktuppgiften får vara högst 200 tecken.',
  'form.footprints.none': 'Rita minst en byggnad på kartan.',
  // The case commands' request schemas (case/schemas.ts): the officer's and the applicant's case forms
  'form.officer.required': 'Välj en kollega.',
  'form.completion.empty': 'Välj minst en handling eller skriv vad som saknas.',
  'form.completion.tooManyItems': 'Välj högst sex handlingar.',
  'form.completion.text.tooLong': 'Texten får vara högst 2000 tecken.',
  'form.replyBy.invalid': 'Ange ett datum (ÅÅÅÅ-MM-DD).',
  'form.weeks.invalid': 'Ange antalet veckor som ett heltal.',
  'form.weeks.tooFew': 'Förläng med minst en vecka.',
  'form.weeks.tooMany': 'Förlängningen är längre än lagen tillåter.',
  'form.extension.reason.tooShort': 'Skriv skälet till förlängningen.',
  'form.extension.reason.tooLong': 'Skälet får vara högst 2000 tecken.',
  'form.fee.invalid': 'Ange avgiften i hela kronor.',
  'form.fee.tooLarge': 'Avgiften är orimligt hög. Kontrollera beloppet.',
  'form.fee.reason.tooShort': 'Skriv skälet till att avgiften avviker från taxan.',
  'form.fee.reason.tooLong': 'Skälet får vara högst 2000 tecken.',
  'form.note.empty': 'Skriv anteckningen.',
  'form.note.tooLong': 'Anteckningen får vara högst 8000 tecken.',
  'form.consultation.consultee': 'Skriv vem remissen går till.',
  'form.consultation.email': 'Ange en giltig e-postadress.',
  'form.consultation.question': 'Skriv frågan till remissinstansen.',
  'form.consultation.questionTooLong': 'Frågan får vara högst 4000 tecken.',
  'form.consultation.answerTooLong': 'Svaret får vara högst 8000 tecken.',
  'form.consultation.answeredBy': 'Skriv ditt namn och din roll.',
  'form.consultation.commentsMissing': 'Skriv era synpunkter.',
  'case.problem.COMMITTEE_DECIDES':
    'Enligt delegationsordningen fattar nämnden det här beslutet. Lägg ärendet på föredragningslistan till ett sammanträde.',
  'case.problem.MEETING_NOT_FOUND': 'Välj ett av nämndens sammanträden.',
  'case.problem.MEETING_PASSED': 'Sammanträdet har redan hållits. Välj ett kommande sammanträde.',
  'case.problem.MINUTES_PARAGRAPH_INVALID': 'Skriv paragrafen i protokollet som ett nummer, till exempel § 12.',
  'case.problem.COMMITTEE_REASON_MISSING':
    'Skriv nämndens skäl när beslutet inte följer förslaget eller ärendet återremitteras.',
  'case.problem.CONSULTATION_ANSWERED': 'Remissen är redan besvarad.',
  'form.meeting.required': 'Välj ett sammanträde.',
  'form.meeting.date': 'Ange sammanträdets datum.',
  'form.committeeOutcome.required': 'Välj nämndens beslut.',
  'form.outcome.required': 'Välj bevilja eller avslå.',
  'form.decision.reason.tooShort': 'Skriv en motivering.',
  'form.decision.reason.tooLong': 'Motiveringen får vara högst 4000 tecken.',
  'form.conditions.tooShort': 'Varje villkor behöver minst två tecken.',
  'form.conditions.tooLong': 'Ett villkor får vara högst 1000 tecken.',
  'form.conditions.tooMany': 'Skriv högst 20 villkor.',
  'form.comment.tooLong': 'Kommentaren får vara högst 2000 tecken.',
  'form.queueView.nameMissing': 'Ge vyn ett namn.',
  'form.queueView.nameTooLong': 'Namnet får vara högst 60 tecken.',
  'form.startNote.tooLong': 'Anteckningen får vara högst 2000 tecken.',
  'form.answerNote.tooLong': 'Svaret får vara högst 2000 tecken.',
} as const;

/** Why a drawn polygon cannot be used, by @lovisa/geo's PolygonProblem. */
const geometrySv = {
  'geometry.tooFewPositions': 'Ytan behöver minst tre hörn.',
  'geometry.notClosed': 'Ytans kontur är inte sluten.',
  'geometry.notFinite': 'Ytan har ogiltiga koordinater.',
  'geometry.outsideSweden': 'Ytan ligger utanför Sverige (koordinaterna ska vara SWEREF 99 TM).',
  'geometry.selfIntersecting': 'Ytans kanter korsar varandra.',
  'geometry.tooManyVertices': 'Ytan har för många hörn.',
  'geometry.zeroArea': 'Ytan saknar area.',
} as const;

/** The wizard's own troubles (packages/wizard). */
const wizardSv = {
  'wizard.submitFailed': 'Ansökan kunde inte skickas. Försök igen.',
  'wizard.draftNotSaved': 'Utkastet kunde inte sparas just nu. Det du fyllt i finns kvar här.',
  'wizard.propertiesNotLoaded': 'Vi kunde inte hämta dina fastigheter. Försök igen.',
} as const;

/** The server's answers (`messageId` of the API's error body and of its issues). */
const serverSv = {
  'server.notFound': 'Sidan eller resursen finns inte.',
  'server.notFound.resource': 'Resursen finns inte.',
  'server.notFound.property': 'Fastigheten finns inte.',
  'server.notFound.case': 'Ärendet finns inte.',
  'server.notFound.draft': 'Utkastet finns inte.',
  'server.notFound.file': 'Filen finns inte.',
  'server.notFound.document': 'Handlingen finns inte.',
  'server.notFound.meeting': 'Sammanträdet finns inte.',
  'server.meetingExists': 'Nämnden har redan ett sammanträde den dagen.',
  'server.meetingClosedDay':
    'Nämnden sammanträder på vardagar. Välj en vardag som inte är helgdag eller helgdagsafton.',
  'server.meetingInPast': 'Ett nytt sammanträde måste ligga efter i dag.',
  'server.notFound.queueView': 'Vyn finns inte.',
  'server.queueView.tooMany': 'Du har redan sparat {max} vyer. Ta bort en innan du sparar en ny.',
  'server.forbidden': 'Du har inte behörighet till detta.',
  'server.unauthenticated': 'Du behöver logga in.',
  'server.invalidInput': 'Uppgifterna är inte giltiga.',
  'server.invalidValue': 'Ogiltigt värde.',
  'server.badRequest': 'Förfrågan är inte giltig.',
  'server.unsupportedMediaType': 'Innehållstypen stöds inte. Skicka JSON.',
  'server.payloadTooLarge': 'Förfrågan är för stor.',
  'server.emptyBody': 'Förfrågan saknar innehåll.',
  'server.invalidJson': 'Förfrågan är inte giltig JSON.',
  'server.tooManyRequests': 'För många förfrågningar. Vänta en stund.',
  'server.tooManyAttempts': 'För många försök. Vänta {seconds} sekunder och försök igen.',
  'server.internal': 'Ett oväntat fel inträffade. Försök igen om en stund.',
  'server.registersUnavailable':
    'Vi får inte svar från folkbokförings- eller fastighetsregistret just nu. Försök igen om en stund.',
  'server.bankIdUnavailable': 'BankID svarar inte just nu. Försök igen om en stund.',
  'server.bankIdBusy': 'Du har redan en pågående BankID-åtgärd. Avbryt den i BankID-appen och försök igen.',
  'server.loginNotFound': 'Inloggningen hittades inte. Börja om.',
  'server.kioskQrOnly': 'Vid kiosken loggar du in med Mobilt BankID på en annan enhet.',
  'server.signatureNotFound': 'Underskriften hittades inte. Skicka ansökan igen.',
  'server.signedByOther': 'Ansökan skrevs under av någon annan än den som är inloggad. Den har inte skickats.',
  'server.applicationBlocked': 'Ansökan kan inte skickas än. Rätta det som står nedan.',
  'server.consentNeedsProperty': 'Välj fastigheten du vill bygga på innan du bifogar ett grannemedgivande.',
  'server.consentNotNeighbour':
    'Fastigheten som medgivandet gäller gränsar inte till din fastighet. Bifoga medgivanden från grannfastigheterna.',
  'server.previewNothingIssued':
    'Det här steget utfärdar ingen handling ännu: ett förslag till beslut blir ett beslut när gruppledaren bekräftar det, och kan förhandsgranskas då.',
  'server.alreadySubmitted': 'Ansökan är redan skickad och har diarienummer {diaryNumber}.',
  'server.idempotencyKeyReused': 'Nyckeln i Idempotency-Key hör till en annan ansökan. Skicka med en ny nyckel.',
  'server.submissionInProgress': 'Ansökan håller redan på att skickas. Vänta ett ögonblick och försök igen.',
  'server.crossOrigin': 'Förfrågan kom från en annan webbplats och har stoppats.',
  'server.unstorableText':
    'Texten innehåller tecken som inte kan sparas (ett osynligt styrtecken eller en halv emoji). Ta bort dem och försök igen.',
  'server.databaseUnavailable': 'Databasen svarar inte.',
  'server.idempotencyKeyFormat': 'Idempotency-Key ska vara 16–100 tecken: bokstäver a–z, siffror, - och _.',
  'server.upload.neighbourMissing': 'Ange vilken grannfastighet medgivandet gäller.',
  'server.upload.notMultipart': 'Skicka filen som multipart/form-data.',
  'server.upload.noFile': 'Ingen fil kom med.',
  'server.upload.tooLarge': 'Filen är för stor. Största tillåtna storlek är {megabytes} MB.',
  'server.upload.empty': 'Filen är tom.',
  'server.upload.unsupportedType': 'Filen är inte en PDF, PNG eller JPEG. Spara ritningen som PDF och försök igen.',
  'server.upload.activeContent':
    'PDF-filen innehåller skript eller inbäddade filer och kan inte tas emot. Skriv ut den till en ny PDF och försök igen.',
  'server.upload.onlyTheFile': 'Skicka bara filen: förfrågan får inte innehålla andra fält än filen.',
  'server.upload.oneFile': 'Skicka en fil i taget.',
  'server.upload.broken':
    'Filen kom inte fram hel eller är inte skickad som ett giltigt formulär (multipart/form-data). Försök ladda upp den igen.',
  'server.upload.tooManyOthers': 'Du kan bifoga högst {max} övriga handlingar.',
  'server.upload.slotTaken': 'En annan fil laddades upp till samma plats samtidigt. Försök igen.',
  'server.sitePlan.noProperty': 'Välj fastighet i ansökan innan du skapar en situationsplan.',
  'server.sitePlan.unknownProperty': 'Fastigheten i utkastet finns inte i fastighetsregistret. Välj fastighet igen.',
  'server.sitePlan.noBuildings': 'Rita minst en byggnad på kartan innan du skapar en situationsplan.',
  'server.sitePlan.drawFirst': 'Rita byggnaden på kartan först, så kan situationsplanen göras.',
} as const;

/** Why a case command was refused (case/problems.ts), and what the field beside it says. */
const caseSv = {
  'case.problem.WRONG_ROLE': 'Du har inte behörighet till detta.',
  'case.problem.NOT_TEAM_LEAD': 'Det är bara en gruppledare som kan bekräfta eller returnera ett beslutsförslag.',
  'case.problem.ALREADY_DECIDED': 'Ärendet är redan beslutat.',
  'case.problem.WITHDRAWN': 'Ansökan har återkallats.',
  'case.problem.NOT_ALLOWED_NOW': 'Det går inte i ärendets nuvarande läge ({status}).',
  'case.problem.STALE_VERSION': 'Ärendet har ändrats sedan du hämtade det. Ladda om sidan och försök igen.',
  'case.problem.STALE_VERSION_BY':
    'Ärendet har ändrats av {who}{when} sedan du hämtade det. Ladda om sidan och försök igen.',
  'case.issue.STALE_VERSION_BY': 'Senast ändrat av {who}{when}.',
  'case.problem.ASSIGNEE_NOT_IN_TEAM': 'Handläggaren finns inte i din grupp.',
  'case.problem.REPLY_BY_TOO_EARLY': 'Svarsdatumet måste ligga efter i dag.',
  'case.problem.REPLY_BY_CLOSED_DAY':
    'Svarsdatumet får inte vara en lördag, söndag, helgdag eller midsommar-, jul- eller nyårsafton.',
  'case.problem.EXTENSION_ALREADY_USED': 'Tiden har redan förlängts en gång. Den får bara förlängas en gång.',
  'case.problem.EXTENSION_WAITING_FOR_COMPLETION':
    'Tiden står still i väntan på komplettering. Förläng när kompletteringen har kommit in.',
  'case.problem.EXTENSION_TOO_LONG': 'Förlängningen är längre än lagen tillåter (högst {maxWeeks} veckor).',
  'case.problem.EXTENSION_TOO_LATE': 'Tidsfristen har redan passerat. Den kan bara förlängas innan den går ut.',
  'case.problem.NOTIFICATION_ENDS_IN_START_APPROVAL':
    'Ett anmälningsärende avslutas med startbesked, inte med bygglov.',
  'case.problem.CONDITIONS_ONLY_ON_APPROVAL': 'Villkor hör bara till ett beviljat lov.',
  'case.problem.NOT_AWAITING_COMPLETION': 'Kommunen har inte begärt någon komplettering som väntar på svar.',
  'case.problem.COMPLETION_ITEMS_MISSING': 'Bifoga de handlingar som kommunen bad om innan du skickar.',
  'case.problem.COMPLETION_ITEM_MISSING': 'Bifoga {item} innan du skickar.',
  'case.problem.COMPLETION_EMPTY': 'Bifoga en fil eller skriv ett svar.',
  'case.problem.DELIVERY_DATE_INVALID': 'Dagen för delgivning kan inte vara före utskicket eller efter i dag.',
  'case.issue.ASSIGNEE_NOT_IN_TEAM': 'Välj en handläggare i gruppen.',
  'case.issue.REPLY_BY_TOO_EARLY': 'Välj ett datum efter i dag.',
  'case.issue.REPLY_BY_CLOSED_DAY': 'Välj en vardag som inte är helgdag eller afton.',
  'case.issue.NOTIFICATION_ENDS_IN_START_APPROVAL': 'Ge startbesked i stället.',
  'case.issue.CONDITIONS_ONLY_ON_APPROVAL': 'Ta bort villkoren eller bevilja.',
  'case.issue.COMPLETION_EMPTY': 'Skriv ett svar.',
  'case.issue.COMPLETION_ITEM_MISSING': 'Bifoga {item}.',
  'case.problem.HEARING_MISSING':
    'Avvikelsen från detaljplanen kräver att grannar och andra sakägare hörs innan lov ges (PBL 9 kap. 25 §).',
  'case.problem.HEARING_RUNNING': 'Grannhörandet pågår. Beslut kan fattas när hörandet är avslutat.',
  'case.problem.HEARING_NO_PARTIES': 'Välj minst en sakägare att höra.',
  'case.problem.HEARING_REPLY_BY_TOO_EARLY': 'Sista svarsdag måste ligga minst {minDays} dagar fram.',
  'case.problem.HEARING_NOT_RUNNING': 'Det pågår inget grannhörande i ärendet.',
  'case.problem.HEARING_NOT_A_PARTY': 'Du är inte hörd i det här ärendet.',
  'case.problem.HEARING_CLOSED': 'Hörandet är avslutat.',
  'case.problem.HEARING_REPLY_BY_PASSED': 'Sista svarsdagen har passerat.',
  'case.problem.HEARING_RECEIVED_ON_INVALID': 'Ange det datum brevet kom in, senast i dag.',
  'case.problem.HEARING_TEXT_MISSING': 'Skriv vad du invänder eller vill framföra.',
  'case.problem.HEARING_CLOSE_TOO_EARLY': 'Hörandet kan avslutas {replyBy} eller när alla har svarat.',
  'case.issue.HEARING_MISSING': 'Hör sakägarna först, eller avslå.',
  'case.issue.HEARING_RUNNING': 'Vänta tills hörandet är avslutat.',
  'case.issue.HEARING_TEXT_MISSING': 'Skriv en text.',
  'case.issue.HEARING_RECEIVED_ON_INVALID': 'Ange ett datum senast i dag.',
  'form.hearing.noParties': 'Välj minst en sakägare.',
  'form.hearing.text.tooLong': 'Texten får vara högst 4000 tecken.',
  'form.hearing.receivedOn.invalid': 'Ange ett datum (ÅÅÅÅ-MM-DD).',
} as const;

/** A neighbour's consent with BankID (issue #19): the server's answers and the lapse reasons. */
const consentSv = {
  'consent.nothingDrawn': 'Rita byggnaden och välj vad du bygger innan du ber grannen om medgivande.',
  'consent.notNeighbour':
    'Grannen behöver inte medge: fastigheten gränsar inte till din eller ligger inte närmare än 4,5 meter.',
  'consent.notFound': 'Inbjudan hittades inte. Kontrollera koden i brevet eller länken.',
  'hearing.documentsAfterClose':
    'Hörandet är avslutat. Handlingarna visas bara medan det pågår; begär dem av byggnadsnämnden om du vill ta del av dem.',
  'consent.withdrawn': 'Den som bad om medgivandet har dragit tillbaka inbjudan.',
  'consent.expired': 'Inbjudan har gått ut. Be den som ska bygga om en ny.',
  'consent.submitted': 'Ansökan är redan skickad. Inbjudan gäller inte längre.',
  'consent.notOwner':
    'Du är inte lagfaren ägare till fastigheten som inbjudan gäller. Bara fastighetens ägare kan lämna medgivande.',
  'consent.drawingChanged': 'Ritningen ändrades medan du skrev under. Titta på den nya ritningen och skriv under igen.',
  'consent.signedByOther': 'Medgivandet skrevs under av någon annan än den som är inloggad. Det har inte sparats.',
  'consent.orderNotFound': 'Underskriften hittades inte. Börja om.',
  'consent.reasonRequired': 'Skriv varför du inte medger.',
  'consent.reasonTooLong': 'Skälet får vara högst 1000 tecken.',
  'consent.lapse.otherMeasure': 'åtgärden är en annan',
  'consent.lapse.reshaped': 'byggnadens form har ändrats',
  'consent.lapse.moved': 'byggnaden har flyttats',
  'consent.lapse.enlarged': 'byggnaden har blivit större',
  'consent.lapse.higher': 'nockhöjden är högre',
  'consent.lapse.closer': 'byggnaden ligger närmare gränsen',
} as const;

/** Statistics (issue #25): the period's checks, the CSV's columns and the Boverket export's questions. */
const statisticsSv = {
  'form.statistics.date': 'Ange ett datum (ÅÅÅÅ-MM-DD).',
  'form.statistics.order': 'Slutdatum kan inte ligga före startdatum.',
  'form.statistics.tooLong': 'Välj en period på högst tio år.',
  'statistics.procedure.permit': 'Bygglov',
  'statistics.procedure.notification': 'Anmälan',
  'statistics.allTeams': 'Alla grupper',
  'statistics.col.procedure': 'Ärendeslag',
  'statistics.col.team': 'Grupp',
  'statistics.col.decided': 'Beslutade ärenden',
  'statistics.col.timed': 'Varav med löpande tidsfrist',
  'statistics.col.medianDays': 'Handläggningstid, median (dagar)',
  'statistics.col.p90Days': 'Handläggningstid, 90:e percentil (dagar)',
  'statistics.col.withinLimit': 'Beslutade inom lagstadgad tid',
  'statistics.col.withinLimitShare': 'Andel inom lagstadgad tid',
  'statistics.col.stoppedDaysMean': 'Dagar då tiden inte räknades, medel',
  'statistics.col.completionRequests': 'Förelägganden om komplettering',
  'statistics.col.completionRequestsPerCase': 'Förelägganden per ärende',
  'statistics.col.feeReductions': 'Beslut med reducerad avgift',
  'statistics.col.feeReductionMean': 'Genomsnittlig avgiftsreduktion (andel)',
  'statistics.col.month': 'Månad',
  'statistics.col.measure': 'Åtgärd',
  'statistics.col.received': 'Inkomna',
  'statistics.col.question': 'Uppgift',
  'statistics.col.value': 'Värde',
  'statistics.col.unit': 'Enhet',
  'statistics.col.status': 'Status',
  'statistics.unit.count': 'antal',
  'statistics.unit.days': 'dagar',
  'statistics.unit.share': 'andel',
  'statistics.status.recorded': 'registreras i Lovisa',
  'statistics.status.notYetRecorded': 'registreras inte ännu',
  'statistics.boverket.permit.received': 'Inkomna ansökningar om bygglov',
  'statistics.boverket.permit.approved': 'Beviljade bygglov',
  'statistics.boverket.permit.approved.newMainBuilding': 'Beviljade bygglov: nybyggnad av en- eller tvåbostadshus',
  'statistics.boverket.permit.approved.extension': 'Beviljade bygglov: tillbyggnad',
  'statistics.boverket.permit.approved.outbuilding': 'Beviljade bygglov: komplementbyggnad',
  'statistics.boverket.permit.approved.smallDwelling': 'Beviljade bygglov: komplementbostadshus',
  'statistics.boverket.permit.approved.carport': 'Beviljade bygglov: carport eller skärmtak',
  'statistics.boverket.permit.refused': 'Avslag på ansökan om bygglov',
  'statistics.boverket.permit.dismissed': 'Avvisade ansökningar om bygglov',
  'statistics.boverket.permit.withdrawn': 'Återkallade ansökningar om bygglov',
  'statistics.boverket.permit.medianDays': 'Handläggningstid för bygglov från komplett ansökan, median',
  'statistics.boverket.permit.withinLimitShare': 'Andel bygglov beslutade inom lagstadgad tid (PBL 9 kap. 27 §)',
  'statistics.boverket.permit.feeReductions': 'Beslut om bygglov där avgiften reducerats (PBL 12 kap. 8 a §)',
  'statistics.boverket.notification.received': 'Inkomna anmälningar',
  'statistics.boverket.notification.refused': 'Anmälningar där startbesked vägrats',
  'statistics.boverket.notification.medianDays': 'Handläggningstid för anmälan från komplett anmälan, median',
  'statistics.boverket.notification.withinLimitShare': 'Andel anmälningar beslutade inom lagstadgad tid',
  'statistics.boverket.startApproval.notification': 'Startbesked efter anmälan',
  'statistics.boverket.startApproval.permit': 'Startbesked efter bygglov',
} as const;

type Prefixed<P extends string, T> = { [K in keyof T & string as `${P}${K}`]: string };
const findingsById = Object.fromEntries(
  Object.entries(findingSv).map(([code, text]) => [`finding.${code}`, text]),
) as Prefixed<'finding.', typeof findingSv>;

export const domainSv = {
  ...findingsById,
  ...formSv,
  ...geometrySv,
  ...bankIdSv,
  ...wizardSv,
  ...serverSv,
  ...caseSv,
  ...consentSv,
  ...statisticsSv,
  ...afterPermitSv,
  ...partiesSv,
  ...ledgerSv,
};
export type DomainMessageId = keyof typeof domainSv;

export const isDomainMessageId = (id: string): id is DomainMessageId =>
  Object.prototype.hasOwnProperty.call(domainSv, id);

/** A domain message by id; the id is checked against the catalogue at compile time. */
export const message = (id: DomainMessageId, params?: MessageParams): Message => (params ? { id, params } : { id });

/** The Swedish text of a domain message: what the server puts in an answer's `message` for API clients. */
export const swedishText = (id: DomainMessageId, params?: MessageParams): string =>
  fillMessage(domainSv[id], params, 'sv');
