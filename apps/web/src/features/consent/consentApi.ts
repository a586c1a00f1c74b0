import { DELETE, GET, POST, apiUrl } from '../../api/http';

const draft = (id: string) => ({ params: { path: { id } } });
const code = (c: string) => ({ params: { path: { code: c } } });

/** A neighbour's consent with BankID: the applicant's invitations and the invited owner's answer. */
export const consentApi = {
  invitations: (draftId: string) => GET('/api/drafts/{id}/consents', draft(draftId)),
  invite: (draftId: string, neighbourPropertyId: string) =>
    POST('/api/drafts/{id}/consents', { ...draft(draftId), body: { neighbourPropertyId } }),
  withdraw: (draftId: string, invitationId: string) =>
    DELETE('/api/drafts/{id}/consents/{invitationId}', { params: { path: { id: draftId, invitationId } } }),
  view: (c: string) => GET('/api/consents/{code}', code(c)),
  decline: (c: string, reason: string) => POST('/api/consents/{code}/decline', { ...code(c), body: { reason } }),
  sign: (c: string) => POST('/api/consents/{code}/sign', code(c)),
  signQr: (c: string, orderRef: string) =>
    GET('/api/consents/{code}/sign/{orderRef}/qr', { params: { path: { code: c, orderRef } } }),
  signCollect: (c: string, orderRef: string) =>
    POST('/api/consents/{code}/sign/collect', { ...code(c), body: { orderRef } }),
  signCancel: (c: string, orderRef: string) =>
    POST('/api/consents/{code}/sign/cancel', { ...code(c), body: { orderRef } }),
  sitePlanUrl: (c: string) => apiUrl('get', '/api/consents/{code}/site-plan.pdf', { path: { code: c } }),
};
