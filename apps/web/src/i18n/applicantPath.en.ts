import type { applicantPathSv } from './applicantPath.sv';

/** The English of applicantPath.sv.ts: every key, no more. */
export const applicantPathEn: Record<keyof typeof applicantPathSv, string> = {
  'front.region': 'The decision',
  'front.decidedOn': 'Decided on {date}.',
  'front.start.question': 'May I start building?',
  'front.start.wait':
    'You may start building only once you have a start approval (startbesked), and no earlier than {weeks} after the decision was announced.',
  'front.start.waitDate': 'The decision was announced {announced}, so {date} at the earliest.',
  'front.start.waitAnnouncement':
    'Not yet. You have a start approval, but may start building only {weeks} after the decision has been announced. The announcement has not been published yet.',
  'front.start.may': 'Yes. You have a start approval and may start building from {date}.',
  'front.start.mayNotification':
    'Yes. The decision is your start approval: you may start building from {date}. Follow the conditions in the decision.',
  'front.start.refused': 'No. You may not build what you applied for. The decision says why.',
  'front.start.dismissed':
    'No. The application was not examined, so you may not build what you applied for. You can send a new, complete application.',
  'front.download': 'Download the decision (PDF)',
  'front.downloadStart': 'Download the start approval (PDF)',
  'front.legalForce.question': 'When does the decision gain legal force?',
  'front.legalForce.on': '{date}, unless someone appeals.',
  'front.legalForce.waiting': 'Once everyone who must receive it has. The date is shown here as soon as it is known.',
  'front.legalForce.uncertain': 'The date rests on rules that are still uncertain – check with the municipality.',
  'front.validity.question': 'How long is it valid?',
  'front.validity.permit':
    'You must have started building by {startBy} and finished by {finishBy}, or the permit lapses.',
  'front.validity.notification':
    'You must have started building by {startBy} and finished by {finishBy}, or the start approval lapses.',
  'front.validity.pending': 'The time runs from the day the decision gains legal force; the dates are shown here then.',
  'front.appeal.question': 'Do you want to appeal?',
  'front.appeal.by': 'Send the appeal to the municipality by {date}.',
  'front.appeal.pending': 'The time runs from the day you received the decision. The decision says how.',
  'front.numberWords': 'zero|one|two|three|four|five|six|seven|eight|nine|ten',
  'front.weeks.one': 'one week',
  'front.weeks.many': '{n} weeks',
  'receiptPdf.link': 'Download the receipt (PDF)',
  'receiptPdf.hint':
    'The receipt is a copy of everything you sent: your answers, what you drew, the files with checksums and when you signed.',
  'guide.summary': 'What the {what} must show',
  'guide.scale': 'Scale: {scale}. Write the scale on the drawing.',
  'guide.mustShow': 'It must show',
  'guide.mistakes': 'Common mistakes',
  'guide.exampleTitle': 'Example',
  'guide.example.SITU':
    'Example site plan: the plot’s boundaries, the house and the new building with distances to boundaries, street and house, north arrow and scale.',
  'guide.example.PLA': 'Example floor plan: named rooms, doors, windows, outer dimensions and section line A–A.',
  'guide.example.FAS': 'Example facade drawing: the south facade with ground line, ridge height, windows and door.',
  'guide.example.SEK':
    'Example section: cut A–A with foundation, room height, roof pitch and ridge height above ground.',
  'drop.text': 'or drag and drop the file here',
  'drop.active': 'Drop the file to attach it',
  'drop.formats': 'PDF, PNG or JPEG.',
};
