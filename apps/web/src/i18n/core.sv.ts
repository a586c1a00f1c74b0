import { bankIdSv } from '@lovisa/domain/messages/bankid';

/**
 * The Swedish texts of the first screens, in the entry: the frame (header, navigation, footer), the start and
 * login pages, the legal pages and BankID's messages. Every other text is in ./sv.ts, which spreads these in and
 * is fetched with the first page that needs it (`withTexts` in i18n.tsx; App.tsx wraps every lazy page in it).
 * `coreTexts.test.ts` checks that each text the entry's modules name is here. A new text for those modules
 * belongs here; any other text in ./sv.ts.
 */
export const coreSv = {
  'app.name': 'Lovisa',
  'app.municipality': 'Kjellstavik kommun',
  'app.service': 'Bygglov',
  'nav.skip': 'Hoppa till innehållet',
  'nav.start': 'Start',
  'nav.apply': 'Ansök',
  'nav.myCases': 'Mina ärenden',
  'nav.officer': 'Handläggare',
  'nav.statistics': 'Statistik',
  'nav.logout': 'Logga ut',
  'nav.login': 'Logga in',
  'nav.language': 'In English',
  'nav.main': 'Huvudmeny',
  'start.title': 'Ansök om bygglov',
  'start.lead':
    'Här ansöker du om bygglov eller gör en anmälan till {municipality}. Vi hämtar dina uppgifter och dina fastigheter åt dig, och du ritar det du vill bygga direkt på kartan.',
  'start.needTitle': 'Det här behöver du',
  'start.need1': 'BankID, på telefonen eller datorn.',
  'start.need2': 'Ungefär 15 minuter. Du kan spara och fortsätta senare.',
  'start.need3': 'Ungefärliga mått på byggnaden. Ritningar kan du ladda upp senare.',
  'start.cta': 'Logga in med BankID och börja',
  'start.follow': 'Följ ett ärende du redan har skickat i Mina ärenden.',
  'start.officer': 'Är du handläggare? Logga in till handläggarvyn.',
  'common.loading': 'Hämtar …',
  'common.back': 'Tillbaka',
  'common.next': 'Nästa',
  'common.retry': 'Försök igen',
  'common.cancel': 'Avbryt',
  'common.error': 'Något gick fel.',
  'common.network': 'Ingen kontakt med tjänsten. Kontrollera din uppkoppling och försök igen.',
  'common.serverError': 'Något gick fel. Försök igen om en stund.',
  'common.fixThese': 'Rätta följande:',
  'common.notFoundTitle': 'Sidan finns inte',
  'common.toStart': 'Till startsidan',
  'common.newTab': '(öppnas i ny flik)',
  'footer.nav': 'Om tjänsten',
  'footer.accessibility': 'Tillgänglighetsredogörelse',
  'footer.privacy': 'Så behandlar vi dina personuppgifter',
  'a11y.title': 'Tillgänglighetsredogörelse för Lovisa',
  'a11y.p1':
    '{municipality} står bakom e-tjänsten Lovisa för bygglov. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur Lovisa uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera problem.',
  'a11y.statusTitle': 'Hur tillgänglig är tjänsten?',
  'a11y.status': 'Lovisa är delvis förenlig med kraven i WCAG 2.1 nivå AA, på grund av de brister som beskrivs nedan.',
  'a11y.gapsTitle': 'Kända brister',
  'a11y.gap1':
    'Att rita på kartan kräver mus, pekskärm eller penna. Du kan i stället ange byggnadens mått och dess avstånd till två tomtgränser i ett formulär med tangentbordet; resultatet blir detsamma.',
  'a11y.gap2':
    'Ritningar som du eller andra laddar upp som PDF eller bild är inte alltid tillgängliga. Situationsplanen som Lovisa gör innehåller text med mått och avstånd.',
  'a11y.helpTitle': 'Om du behöver hjälp',
  'a11y.help':
    'Ring kommunens kontaktcenter på 0123-456 00 (vardagar 8–17) eller besök medborgarkontoret i stadshuset. Där finns en terminal med personal som hjälper dig.',
  'a11y.reportTitle': 'Rapportera brister',
  'a11y.report':
    'Om du upptäcker problem som inte beskrivs här, eller om du anser att vi inte uppfyller lagens krav, meddela oss på tillganglighet@kjellstavik.example.',
  'a11y.supervisionTitle': 'Tillsyn',
  'a11y.supervision':
    'Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg.',
  'a11y.testedTitle': 'Hur vi testat tjänsten',
  'a11y.tested':
    'Varje sida testas automatiskt med axe mot WCAG 2.1 AA vid varje ändring, på dator- och mobilbredd. Vi har också testat med enbart tangentbord. Redogörelsen uppdaterades senast den 30 november 2026.',
  'privacy.title': 'Så behandlar vi dina personuppgifter',
  'privacy.p1': 'Byggnadsnämnden i {municipality} är personuppgiftsansvarig för de uppgifter som behandlas i Lovisa.',
  'privacy.whatTitle': 'Vilka uppgifter',
  'privacy.what':
    'Ditt namn och personnummer från din e-legitimation, din adress från folkbokföringen (aldrig om du har skyddade personuppgifter), vilka fastigheter du äger, de kontaktuppgifter du lämnar, det du ritar och skriver i ansökan, dina bifogade handlingar och grannars medgivanden.',
  'privacy.whyTitle': 'Varför',
  'privacy.why':
    'För att pröva din ansökan enligt plan- och bygglagen. Den rättsliga grunden är myndighetsutövning och uppgift av allmänt intresse.',
  'privacy.howLongTitle': 'Hur länge',
  'privacy.howLong':
    'Utkast som du inte rört på 90 dagar raderas, och du kan själv ta bort dem i Mina ärenden. E-post och telefonnummer som du bett oss spara till nästa ansökan sparas tills du tar bort krysset (den rättsliga grunden för dem är ditt samtycke). En inskickad ansökan blir en allmän handling och bevaras enligt arkivlagen och kommunens dokumenthanteringsplan.',
  'privacy.whoTitle': 'Vem ser dem',
  'privacy.who':
    'Kommunens bygglovshandläggare. Allmänna handlingar kan lämnas ut enligt offentlighetsprincipen efter sekretessprövning. Dina uppgifter loggas aldrig med personnummer.',
  'privacy.rightsTitle': 'Dina rättigheter',
  'privacy.rights':
    'Du har rätt att få veta vilka uppgifter vi har om dig och att få fel rättade. Kontakta kommunens dataskyddsombud på dataskydd@kjellstavik.example. Du kan klaga hos Integritetsskyddsmyndigheten (IMY).',
  'footer.text': 'Lovisa är en demotjänst. {municipality} är påhittad och BankID är simulerat.',
  'footer.phone': 'Telefon',
  'footer.email': 'E-post',
  'footer.openingHours': 'Öppettider',
  'kiosk.login.how': 'Så loggar du in',
  'kiosk.login.step1': 'Öppna BankID-appen i mobilen.',
  'kiosk.login.step2': 'Tryck på QR-symbolen i appen.',
  'kiosk.login.step3': 'Rikta kameran mot koden här.',
  'kiosk.login.demo': 'Demo: godkänn i testappen på /bankid-sim/app, från en annan enhet.',
  'kiosk.login.noBankId': 'Inget BankID? Tryck på Be om hjälp.',
  'login.title': 'Logga in med BankID',
  'login.titleOfficer': 'Logga in som handläggare',
  'login.choose': 'Välj hur du vill använda BankID.',
  'login.qr': 'Mobilt BankID på annan enhet',
  'login.sameDevice': 'BankID på den här enheten',
  'login.startApp': 'Starta BankID-appen.',
  'login.scan': 'Öppna BankID-appen i din mobil, tryck på QR-symbolen och skanna koden.',
  'login.qrAlt': 'QR-kod för inloggning med BankID',
  'login.qrLoading': 'Hämtar QR-kod …',
  'login.open': 'Öppna BankID',
  'login.demo': 'Demo: godkänn inloggningen i',
  'login.demoLink': 'test-BankID-appen',
  'login.startFailed': 'BankID kunde inte startas. Försök igen.',
  'login.failed': 'Något gick fel med BankID. Försök igen.',

  'footer.register': 'Bygglovsregister',
  'footer.anslagstavla': 'Anslagstavla',
  'committee.link': 'Nämndens sammanträden',
  'mc.start': 'Kolla plank, altan, eldstad, fasad, rivning och annat',
  ...bankIdSv,
};
