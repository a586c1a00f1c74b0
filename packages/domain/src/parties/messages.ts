/**
 * Who applies (issue #20): refusals and texts by id (ADR 0008), in Swedish and English. Spread into the domain
 * catalogues in messages/sv.ts and messages/en.ts.
 */
export const partiesSv = {
  'parties.notFound': 'Länken hittades inte. Kontrollera att du har hela länken.',
  'parties.notYou': 'Länken är till en annan delägare. Logga in som den som länken skickades till.',
  'parties.versionChanged':
    'Ansökan har ändrats sedan länken skapades. Underskriften gäller inte den nya versionen; be om en ny länk.',
  'parties.signedByOther': 'Underskriften gjordes av någon annan än den som är inloggad. Den har inte sparats.',
  'parties.orderNotFound': 'Underskriften hittades inte. Börja om.',
  'parties.alreadySigned': 'Du har redan skrivit under.',
  'parties.notInvitable': 'Den här parten behöver ingen länk: underskriften finns redan.',
  'parties.paperNotNeeded': 'Parten har redan skrivit under.',
  'powers.self': 'Du kan inte ge dig själv fullmakt.',
  'powers.validUntilPast': 'Sista giltighetsdag måste vara efter i dag.',
  'powers.validUntilTooLate': 'En fullmakt kan gälla högst ett år. Välj ett tidigare datum.',
  'powers.agentNotFound': 'Personnumret finns inte i folkbokföringen. Kontrollera det.',
  'powers.notYours': 'Du kan bara ge fullmakt för dina egna fastigheter och ärenden.',
  'powers.notFound': 'Fullmakten hittades inte.',
  'powers.orderNotFound': 'Underskriften hittades inte. Börja om.',
  'powers.signedByOther': 'Underskriften gjordes av någon annan än den som är inloggad. Fullmakten har inte sparats.',
} as const;

export const partiesEn: Record<keyof typeof partiesSv, string> = {
  'parties.notFound': 'The link was not found. Check that you have the whole link.',
  'parties.notYou': 'The link is for another co-owner. Log in as the person it was sent to.',
  'parties.versionChanged':
    'The application has changed since the link was made. The signature does not cover the new version; ask for a new link.',
  'parties.signedByOther': 'Someone other than the person logged in signed. The signature has not been kept.',
  'parties.orderNotFound': 'The signature was not found. Start again.',
  'parties.alreadySigned': 'You have already signed.',
  'parties.notInvitable': 'This party needs no link: the signature is already there.',
  'parties.paperNotNeeded': 'The party has already signed.',
  'powers.self': 'You cannot give yourself a power of attorney.',
  'powers.validUntilPast': 'The last valid day must be after today.',
  'powers.validUntilTooLate': 'A power of attorney can run for at most a year. Choose an earlier date.',
  'powers.agentNotFound': 'The personal identity number is not in the population register. Check it.',
  'powers.notYours': 'You can only give a power of attorney for your own properties and cases.',
  'powers.notFound': 'The power of attorney was not found.',
  'powers.orderNotFound': 'The signature was not found. Start again.',
  'powers.signedByOther': 'Someone other than the person logged in signed. The power of attorney has not been kept.',
};
