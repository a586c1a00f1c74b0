// No zod here: the web's login page (in its entry bundle) imports this.
import type { DomainMessageId } from './sv';

/**
 * BankID's hint codes and states in Swedish (RP API v6; BankID's recommended user messages, shortened). Here, not
 * in ./sv.ts (which spreads them in), so that the web's entry holds them without the whole catalogue.
 */
export const bankIdSv = {
  'bankid.startApp': 'Starta BankID-appen.',
  'bankid.started': 'Söker efter BankID, det kan ta en liten stund …',
  'bankid.userMrtd': 'Läs av ditt pass eller id-kort i BankID-appen.',
  'bankid.userCallConfirm': 'Bekräfta samtalet i BankID-appen.',
  'bankid.userSign': 'Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.',
  'bankid.expiredTransaction': 'BankID-appen svarade inte i tid. Försök igen.',
  'bankid.certificateErr': 'Ditt BankID är spärrat eller för gammalt. Skaffa ett nytt BankID hos din bank.',
  'bankid.userCancel': 'Åtgärden avbröts.',
  'bankid.cancelled': 'Åtgärden avbröts. Försök igen.',
  'bankid.startFailed': 'BankID-appen kunde inte startas. Försök igen.',
  'bankid.notFound': 'Inloggningen hittades inte. Börja om.',
  'bankid.failed': 'Något gick fel med BankID. Försök igen.',
  'bankid.loggedIn': 'Du är inloggad.',
  'bankid.signed': 'Ansökan är underskriven och skickad.',
} as const;

/** BankID RP API v6 hint codes and the message each one shows (BankID's recommended user messages, shortened). */
const hintMessages: Record<string, DomainMessageId> = {
  outstandingTransaction: 'bankid.startApp',
  noClient: 'bankid.startApp',
  started: 'bankid.started',
  userMrtd: 'bankid.userMrtd',
  userCallConfirm: 'bankid.userCallConfirm',
  userSign: 'bankid.userSign',
  expiredTransaction: 'bankid.expiredTransaction',
  certificateErr: 'bankid.certificateErr',
  userCancel: 'bankid.userCancel',
  cancelled: 'bankid.cancelled',
  startFailed: 'bankid.startFailed',
  notFound: 'bankid.notFound',
};

/**
 * What to tell the person about a BankID order, by id: the browser renders it in its language from the hint
 * code and status the server passes on, and the server puts the Swedish in `message` for other clients.
 */
export function bankIdMessageId(
  hintCode: string | undefined,
  status: 'pending' | 'failed' | 'complete',
): DomainMessageId {
  if (status === 'complete') return 'bankid.loggedIn';
  const known =
    hintCode && Object.prototype.hasOwnProperty.call(hintMessages, hintCode) ? hintMessages[hintCode] : undefined;
  return known ?? (status === 'failed' ? 'bankid.failed' : 'bankid.startApp');
}
