/** The web app's texts for the applicant's path (issue #18): the decision first in Mina ärenden, the receipt PDF, drawing guidance; spread into sv.ts. */
export const applicantPathSv = {
  'front.region': 'Beslutet',
  'front.decidedOn': 'Beslutet fattades {date}.',
  'front.start.question': 'Får jag börja bygga?',
  'front.start.wait':
    'Du får börja bygga först när du fått startbesked och tidigast {weeks} efter att beslutet kungjorts.',
  'front.start.waitDate': 'Beslutet kungjordes {announced}, så tidigast {date}.',
  'front.start.waitAnnouncement':
    'Inte än. Du har fått startbesked, men får börja bygga först {weeks} efter att beslutet kungjorts. Kungörelsen är inte publicerad ännu.',
  'front.start.may': 'Ja. Du har fått startbesked och får börja bygga från och med {date}.',
  'front.start.mayNotification':
    'Ja. Beslutet är ditt startbesked: du får börja bygga från och med {date}. Följ villkoren i beslutet.',
  'front.start.refused': 'Nej. Du får inte bygga det du ansökte om. I beslutet står varför.',
  'front.start.dismissed':
    'Nej. Ansökan prövades inte, så du får inte bygga det du ansökte om. Du kan skicka in en ny, komplett ansökan.',
  'front.download': 'Ladda ner beslutet (PDF)',
  'front.downloadStart': 'Ladda ner startbeskedet (PDF)',
  'front.legalForce.question': 'När vinner beslutet laga kraft?',
  'front.legalForce.on': '{date}, om ingen överklagar det.',
  'front.legalForce.waiting': 'När alla som ska få beslutet har fått det. Datumet visas här så snart det är känt.',
  'front.legalForce.uncertain': 'Datumet bygger på regler som ännu är osäkra – stäm av med kommunen.',
  'front.validity.question': 'Hur länge gäller det?',
  'front.validity.permit':
    'Du måste ha börjat bygga senast {startBy} och vara klar senast {finishBy}, annars upphör bygglovet.',
  'front.validity.notification':
    'Du måste ha börjat bygga senast {startBy} och vara klar senast {finishBy}, annars upphör startbeskedet.',
  'front.validity.pending': 'Tiden räknas från dagen beslutet vinner laga kraft; datumen visas här då.',
  'front.appeal.question': 'Vill du överklaga?',
  'front.appeal.by': 'Skicka överklagandet till kommunen senast {date}.',
  'front.appeal.pending': 'Tiden räknas från den dag du fick beslutet. Hur du gör står i beslutet.',
  /** Small counts in words, for "fyra veckor": the count comes from the rule set, the words from here. */
  'front.numberWords': 'noll|en|två|tre|fyra|fem|sex|sju|åtta|nio|tio',
  'front.weeks.one': 'en vecka',
  'front.weeks.many': '{n} veckor',
  'receiptPdf.link': 'Ladda ner kvittot (PDF)',
  'receiptPdf.hint':
    'Kvittot är en kopia av allt du skickade: dina uppgifter, det du ritade, filerna med kontrollsummor och när du skrev under.',
  'guide.summary': 'Så ska {what} se ut',
  'guide.scale': 'Skala: {scale}. Skriv skalan på ritningen.',
  'guide.mustShow': 'Den ska visa',
  'guide.mistakes': 'Vanliga misstag',
  'guide.exampleTitle': 'Exempel',
  'guide.example.SITU':
    'Exempel på situationsplan: tomtens gränser, huset och den nya byggnaden med avstånd till gränser, gata och hus, norrpil och skala.',
  'guide.example.PLA': 'Exempel på planritning: rum med namn, dörrar, fönster, yttermått och snittlinje A–A.',
  'guide.example.FAS': 'Exempel på fasadritning: fasad mot söder med marklinje, nockhöjd, fönster och dörr.',
  'guide.example.SEK': 'Exempel på sektionsritning: snitt A–A med grund, rumshöjd, takvinkel och nockhöjd över mark.',
  'drop.text': 'eller dra och släpp filen här',
  'drop.active': 'Släpp filen för att bifoga den',
  'drop.formats': 'PDF, PNG eller JPEG.',
} as const;
