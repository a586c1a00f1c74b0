import { GET, POST } from '../../api/http';

const answer = (answerId: string) => ({ params: { path: { answerId } } });

/** A saved "no permit needed" answer and its BankID signature (issue #23), keyed by the answer as a link by its code. */
export const ledgerApi = {
  answer: (answerId: string) => GET('/api/permit-free-answers/{answerId}', answer(answerId)),
  sign: (answerId: string) => POST('/api/permit-free-answers/{answerId}/sign', answer(answerId)),
  signQr: (answerId: string, orderRef: string) =>
    GET('/api/permit-free-answers/{answerId}/sign/{orderRef}/qr', { params: { path: { answerId, orderRef } } }),
  signCollect: (answerId: string, orderRef: string) =>
    POST('/api/permit-free-answers/{answerId}/sign/collect', { ...answer(answerId), body: { orderRef } }),
  signCancel: (answerId: string, orderRef: string) =>
    POST('/api/permit-free-answers/{answerId}/sign/cancel', { ...answer(answerId), body: { orderRef } }),
};
