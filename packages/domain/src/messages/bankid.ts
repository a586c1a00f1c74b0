// No zod here: the web's login page (in its entry bundle) imports this.
import type { DomainMessageId } from './sv';

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
