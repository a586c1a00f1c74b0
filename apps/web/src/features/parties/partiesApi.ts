import { GET, POST } from '../../api/http';

const code = (c: string) => ({ params: { path: { code: c } } });

/** Who applies (issue #20): a case's parties, signing links, a co-owner's signature and the officer's paper consent. */
export const partiesApi = {
  mine: (id: string) => GET('/api/me/cases/{id}/parties', { params: { path: { id } } }),
  link: (id: string, partyId: string) =>
    POST('/api/me/cases/{id}/parties/{partyId}/link', { params: { path: { id, partyId } } }),
  officer: (id: string) => GET('/api/officer/cases/{id}/parties', { params: { path: { id } } }),
  paperConsent: (id: string, partyId: string, receivedOn: string) =>
    POST('/api/officer/cases/{id}/parties/{partyId}/paper-consent', {
      params: { path: { id, partyId } },
      body: { receivedOn },
    }),
  request: (c: string) => GET('/api/signatures/{code}', code(c)),
  sign: (c: string) => POST('/api/signatures/{code}/sign', code(c)),
  signQr: (c: string, orderRef: string) =>
    GET('/api/signatures/{code}/sign/{orderRef}/qr', { params: { path: { code: c, orderRef } } }),
  signCollect: (c: string, orderRef: string) =>
    POST('/api/signatures/{code}/sign/collect', { ...code(c), body: { orderRef } }),
  signCancel: (c: string, orderRef: string) =>
    POST('/api/signatures/{code}/sign/cancel', { ...code(c), body: { orderRef } }),
};
