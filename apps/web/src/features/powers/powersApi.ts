import type { PowerOfAttorneyGrant } from '@lovisa/domain';
import { GET, POST } from '../../api/http';
import type { LinkSignApi } from '../consent/useSignOrder';

/** Powers of attorney (issue #20, ADR 0023): what I gave and hold, a grant's preview and signature, revocation. */
export const powersApi = {
  mine: () => GET('/api/me/powers', {}),
  preview: (body: PowerOfAttorneyGrant) => POST('/api/me/powers/preview', { body }),
  revoke: (id: string) => POST('/api/me/powers/{id}/revoke', { params: { path: { id } } }),
};

/**
 * The owner's BankID signature of one grant, in the shape the link-signing hook drives (the "code" is unused:
 * the grant travels in the body, and the order is the owner's own).
 */
export const grantSigning = (grant: PowerOfAttorneyGrant): LinkSignApi => ({
  sign: () => POST('/api/me/powers', { body: grant }),
  signQr: (_code, orderRef) => GET('/api/me/powers/sign/{orderRef}/qr', { params: { path: { orderRef } } }),
  signCollect: (_code, orderRef) => POST('/api/me/powers/sign/collect', { body: { orderRef } }),
  signCancel: (_code, orderRef) => POST('/api/me/powers/sign/cancel', { body: { orderRef } }),
});
