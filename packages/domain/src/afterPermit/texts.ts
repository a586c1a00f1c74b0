import { appealTextFor, swedishDate, type DecisionDocument, type MessageText } from '../case/texts';
import type { Kontrollplan } from './kontrollplan';
import type { AfterPermitDocumentOrder } from './commands';
import type { ConsultationSlot } from './state';
import type { PermitValidity } from './validity';

let stockholmTime: Intl.DateTimeFormat | undefined;
/** "2027-03-04 kl. 09:30", in Stockholm time whatever the server's zone. */
export function swedishDateTime(at: string): string {
  stockholmTime ??= new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const parts = Object.fromEntries(stockholmTime.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return `${swedishDate(`${parts.year}-${parts.month}-${parts.day}`)} kl. ${parts.hour}:${parts.minute}`;
}

/** Messages to the applicant (Mina ärenden and, with an e-mail address, the outbox), in Swedish. */
export const afterPermitMessages = {
  consultationSlots: (c: { diaryNumber: string; slots: ConsultationSlot[] }): MessageText => ({
    kind: 'consultation',
    subject: `Ärende ${c.diaryNumber}: boka tid för tekniskt samråd`,
    body: [
      'Byggnadsnämnden kallar till tekniskt samråd (10 kap. 14 § plan- och bygglagen). Välj en av tiderna i Mina ärenden:',
      c.slots.map((s) => `– ${swedishDateTime(s.startsAt)}, ${s.place}`).join('\n'),
      'Ta med förslaget till kontrollplan. Din kontrollansvarig ska också vara med om åtgärden kräver en.',
    ].join('\n\n'),
  }),
  consultationHeld: (c: { diaryNumber: string }): MessageText => ({
    kind: 'consultation',
    subject: `Ärende ${c.diaryNumber}: protokoll från tekniskt samråd`,
    body: `Protokollet från det tekniska samrådet i ärende ${c.diaryNumber} finns som PDF i Mina ärenden.`,
  }),
  startbesked: (c: { diaryNumber: string; beforeLegalForce: boolean }): MessageText => ({
    kind: 'startApproval',
    subject: `Ärende ${c.diaryNumber}: startbesked`,
    body: [
      `Du har fått startbesked i ärende ${c.diaryNumber}. Kontrollplanen är fastställd. Startbeskedet finns som PDF i Mina ärenden.`,
      ...(c.beforeLegalForce
        ? [
            'Bygglovet har inte vunnit laga kraft. Om beslutet överklagas och upphävs kan du behöva återställa det du byggt.',
          ]
        : []),
      'Bocka av kontrollplanen i Mina ärenden medan du bygger, och begär slutbesked när allt är klart. Byggnaden får inte tas i bruk före slutbesked.',
    ].join('\n\n'),
  }),
  siteVisitBooked: (c: { diaryNumber: string; on: string; note: string }): MessageText => ({
    kind: 'consultation',
    subject: `Ärende ${c.diaryNumber}: arbetsplatsbesök ${swedishDate(c.on)}`,
    body: [
      `Byggnadsnämnden gör ett arbetsplatsbesök (10 kap. 27 § plan- och bygglagen) den ${swedishDate(c.on)}.`,
      ...(c.note ? [c.note] : []),
      'Byggherren eller någon som företräder byggherren, och kontrollansvarig om åtgärden har en, ska vara på plats. Passar dagen inte, hör av dig till handläggaren.',
    ].join('\n\n'),
  }),
  slutbesked: (c: { diaryNumber: string; kind: 'interim' | 'final' }): MessageText => ({
    kind: 'slutbesked',
    subject: `Ärende ${c.diaryNumber}: ${c.kind === 'final' ? 'slutbesked' : 'interimistiskt slutbesked'}`,
    body:
      c.kind === 'final'
        ? `Du har fått slutbesked i ärende ${c.diaryNumber}. Byggnaden får tas i bruk. Slutbeskedet finns som PDF i Mina ärenden.`
        : `Du har fått interimistiskt slutbesked i ärende ${c.diaryNumber}. Byggnaden får tas i bruk, men det som står under "Återstår" ska göras innan slutbesked kan ges. Beskedet finns som PDF i Mina ärenden.`,
  }),
  /**
   * A permit lapses from its legal force (PBL 9 kap. 43 §); a notification's startbesked from its own day
   * (10 kap. 25 § second paragraph): the reminder names the one that lapses and the law that says so.
   */
  validityReminder: (c: {
    diaryNumber: string;
    limit: 'startBy' | 'finishBy';
    limitDay: string;
    basis?: 'legalForce' | 'startbesked';
  }): MessageText => {
    const what = c.basis === 'startbesked' ? 'startbeskedet' : 'bygglovet';
    const law = c.basis === 'startbesked' ? '10 kap. 25 §' : '9 kap. 43 §';
    return {
      kind: 'validityReminder',
      subject: `Ärende ${c.diaryNumber}: ${what} ${c.limit === 'startBy' ? 'måste användas' : 'löper ut'} senast ${swedishDate(c.limitDay)}`,
      body: [
        c.limit === 'startBy'
          ? `Arbetet ska ha påbörjats senast ${swedishDate(c.limitDay)}, annars upphör ${what} att gälla.`
          : `Arbetet ska vara avslutat senast ${swedishDate(c.limitDay)}, annars upphör ${what} att gälla.`,
        `Det följer av ${law} plan- och bygglagen. Har du redan börjat, meddela det i Mina ärenden.`,
      ].join('\n\n'),
    };
  },
};

export interface AfterPermitDocumentFacts {
  diaryNumber: string;
  propertyDesignation: string;
  measure: { sv: string };
  applicantName: string;
  municipality: string;
  kontrollplan: Kontrollplan;
  validity: PermitValidity | null;
  /** The booked samråd's time and place, for its protocol. */
  consultation: { startsAt: string; place: string } | null;
}

const checkerSv = {
  byggherre: 'byggherren',
  kontrollansvarig: 'kontrollansvarig',
  entreprenor: 'entreprenören',
  sakkunnig: 'sakkunnig',
} as const;
const methodSv = {
  visual: 'okulärt',
  measurement: 'mätning',
  documents: 'mot handlingar',
  certificate: 'intyg',
} as const;

const titles: Record<AfterPermitDocumentOrder['kind'], string> = {
  startbesked: 'Startbesked',
  slutbesked: 'Slutbesked',
  interimSlutbesked: 'Interimistiskt slutbesked',
  consultationMinutes: 'Protokoll',
};

// Under the title, what the document means for the builder (the title alone would repeat itself).
const subtitles: Record<AfterPermitDocumentOrder['kind'], string> = {
  startbesked: 'Åtgärden får påbörjas – kontrollplanen är fastställd',
  slutbesked: 'Byggnaden får tas i bruk',
  interimSlutbesked: 'Byggnaden får tas i bruk – arbete återstår',
  consultationMinutes: 'Tekniskt samråd',
};

/** What a startbesked, a slutbesked or a samråd's protocol says, section by section; the server lays it out as a PDF. */
export function afterPermitDocument(order: AfterPermitDocumentOrder, f: AfterPermitDocumentFacts): DecisionDocument {
  const what = `${f.measure.sv.toLowerCase()} på fastigheten ${f.propertyDesignation}`;
  const sections: DecisionDocument['sections'] = [];
  const plan = f.kontrollplan.items.map(
    (i) =>
      `${i.done ? '☑' : '☐'} ${i.what} – kontrolleras av ${checkerSv[i.checkedBy]}, ${methodSv[i.method]}${i.done ? `. Utfört ${swedishDate(i.done.on)}` : ''}.`,
  );
  if (order.kind === 'startbesked') {
    sections.push({
      heading: 'Beslut',
      paragraphs: [
        `Byggnadsnämnden ger startbesked för ${what}, med stöd av 10 kap. 23 § plan- och bygglagen (2010:900). Åtgärden får påbörjas.`,
        'Byggnadsnämnden fastställer kontrollplanen nedan (10 kap. 24 § plan- och bygglagen).',
      ],
    });
    if (order.conditions.length > 0)
      sections.push({ heading: 'Villkor', paragraphs: order.conditions.map((c, i) => `${i + 1}. ${c}`) });
    sections.push({ heading: 'Kontrollplan', paragraphs: plan });
    const notes = [
      'Byggnaden får inte tas i bruk förrän byggnadsnämnden gett slutbesked (10 kap. 4 § plan- och bygglagen). Begär slutbesked i Mina ärenden med den avbockade kontrollplanen.',
    ];
    if (order.beforeLegalForce)
      notes.unshift(
        'Bygglovet har ännu inte vunnit laga kraft. Arbetet sker på byggherrens risk: om beslutet överklagas och upphävs kan det byggda behöva tas bort.',
      );
    if (f.validity)
      notes.push(
        `Lovet upphör att gälla om arbetet inte påbörjats senast ${swedishDate(f.validity.startBy)} och avslutats senast ${swedishDate(f.validity.finishBy)} (9 kap. 43 § plan- och bygglagen).`,
      );
    sections.push({ heading: 'Upplysningar', paragraphs: notes });
  } else if (order.kind === 'consultationMinutes') {
    sections.push({
      heading: 'Tekniskt samråd',
      paragraphs: [
        `Tekniskt samråd enligt 10 kap. 14 § plan- och bygglagen (2010:900) för ${what}.`,
        ...(f.consultation
          ? [`Tid och plats: ${swedishDateTime(f.consultation.startsAt)}, ${f.consultation.place}.`]
          : []),
      ],
    });
    sections.push({ heading: 'Anteckningar', paragraphs: order.text ? order.text.split(/\n{2,}/) : [] });
    sections.push({ heading: 'Förslag till kontrollplan', paragraphs: plan });
  } else {
    const final = order.kind === 'slutbesked';
    sections.push({
      heading: 'Beslut',
      paragraphs: [
        final
          ? `Byggnadsnämnden ger slutbesked för ${what}, med stöd av 10 kap. 34 § plan- och bygglagen (2010:900). Byggnaden får tas i bruk.`
          : `Byggnadsnämnden ger interimistiskt slutbesked för ${what}, med stöd av 10 kap. 36 § plan- och bygglagen (2010:900). Byggnaden får tas i bruk, men slutbesked kan ges först när det som återstår är gjort.`,
      ],
    });
    if (order.remaining.length > 0)
      sections.push({ heading: 'Återstår', paragraphs: order.remaining.map((c, i) => `${i + 1}. ${c}`) });
    if (order.conditions.length > 0)
      sections.push({ heading: 'Villkor', paragraphs: order.conditions.map((c, i) => `${i + 1}. ${c}`) });
    sections.push({ heading: 'Kontrollplan', paragraphs: plan });
    sections.push({ heading: 'Hur man överklagar', paragraphs: [appealTextFor(f.municipality)] });
  }
  return {
    title: titles[order.kind],
    subtitle: subtitles[order.kind],
    facts: [
      ['Diarienummer', f.diaryNumber],
      [order.kind === 'consultationMinutes' ? 'Samrådsdatum' : 'Beslutsdatum', swedishDate(order.on)],
      ['Fastighet', f.propertyDesignation],
      ['Åtgärd', f.measure.sv],
      ['Byggherre', f.applicantName],
    ],
    sections,
    signature:
      order.kind === 'consultationMinutes'
        ? [`Vid protokollet: ${order.by.name}, bygglovshandläggare.`, `${f.municipality}, ${swedishDate(order.on)}`]
        : [
            `Beslutet har fattats av ${order.by.name}, ${order.by.teamLead ? 'gruppledare' : 'bygglovshandläggare'}, med stöd av delegation från byggnadsnämnden i ${f.municipality}.`,
            `${f.municipality}, ${swedishDate(order.on)}`,
          ],
  };
}
