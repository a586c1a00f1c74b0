import type {
  ApplicationSubmission,
  AttachmentSlot,
  DraftData,
  MeasureAnswerInput,
  PermitFreeAnswerInput,
  SavedContact,
} from '@lovisa/domain';
import { DELETE, GET, POST, PUT, apiError, apiUrl, clientError, oncePerVisit, sendOnce, type ApiAnswer } from './http';
import { firstCalls } from './early';

export { ApiError, apiErrorMessage, apiErrorText, apiIssueMessage } from './http';

/** GET /api/properties/:id: the property and the detailed plans covering it. */
export type PropertyWithPlans = ApiAnswer<'/api/properties/{id}', 'get'>;
/** A file attached to a draft or a case, as the server lists it. */
export type AttachmentInfo = ApiAnswer<'/api/drafts/{id}/attachments/site-plan', 'post'>;

/** Each save from this page counts higher than the last, and than any earlier page's (the clock's ms). */
let lastRevision = 0;
const nextRevision = () => (lastRevision = Math.max(lastRevision + 1, Date.now()));

const draft = (id: string) => ({ params: { path: { id } } });

/**
 * The applicant's calls. Answers are typed by the generated paths and not parsed again with zod: the server
 * encodes each with its route's domain schema (fastify-type-provider-zod's serializer answers 500 rather than
 * send an answer that does not match), and those schemas have no transforms or defaults, so parsing here only
 * repeated the server's check — on the map step zod's parsing was ≈ 320 ms of a phone's CPU (docs/performance.md).
 */
export const api = {
  // The session and the login are authApi (api/http.ts), which the entry bundle holds.
  me: () => GET('/api/me'),
  myProperties: firstCalls.myProperties,
  savedContact: () => GET('/api/me/contact'),
  saveContact: (contact: SavedContact) => PUT('/api/me/contact', { body: contact }),
  forgetContact: () => DELETE('/api/me/contact', {}),
  // A property with its plans, and its surroundings (GeoJSON), are the same all visit: fetched once and shared
  // (the wizard's site loader, the map step and the map each ask for both).
  property: (id: string) =>
    oncePerVisit(`property:${id}`, () => GET('/api/properties/{id}', { params: { path: { id } } })),
  surroundings: (id: string) =>
    oncePerVisit(`surroundings:${id}`, () => GET('/api/properties/{id}/surroundings', { params: { path: { id } } })),
  /** The plot's permit-free allowance: what is used and left (issue #23). */
  allowanceLedger: (id: string) => GET('/api/properties/{id}/allowance-ledger', { params: { path: { id } } }),
  savePermitFreeAnswer: (id: string, body: PermitFreeAnswerInput) =>
    POST('/api/properties/{id}/permit-free-answers', { params: { path: { id } }, body }),
  saveMeasureAnswer: (id: string, body: MeasureAnswerInput) =>
    POST('/api/properties/{id}/permit-free-measure-answers', { params: { path: { id } }, body }),
  feeSchedule: () => GET('/api/fee-schedule'),
  mapConfig: () => GET('/api/map-config'),
  attachments: (draftId: string) => GET('/api/drafts/{id}/attachments', draft(draftId)),
  makeSitePlan: (draftId: string) => POST('/api/drafts/{id}/attachments/site-plan', draft(draftId)),
  removeAttachment: (draftId: string, attachmentId: string) =>
    DELETE('/api/drafts/{id}/attachments/{attachmentId}', { params: { path: { id: draftId, attachmentId } } }),
  drafts: firstCalls.drafts,
  deleteDraft: (id: string) => DELETE('/api/drafts/{id}', draft(id)),
  saveDraft: (id: string, data: DraftData) =>
    PUT('/api/drafts/{id}', { ...draft(id), body: { data, revision: nextRevision() } }),
  /**
   * Submitting starts a BankID sign order; the case exists once the signature is collected. A lost answer is
   * asked again with the same Idempotency-Key, which gets the first order back rather than a second one.
   */
  submit: (application: ApplicationSubmission) =>
    sendOnce((key) => POST('/api/applications', { body: application, headers: { 'idempotency-key': key } })),
  signQr: (orderRef: string) => GET('/api/applications/sign/{orderRef}/qr', { params: { path: { orderRef } } }),
  signCollect: (orderRef: string) => POST('/api/applications/sign/collect', { body: { orderRef } }),
  signCancel: (orderRef: string) => POST('/api/applications/sign/cancel', { body: { orderRef } }),
};

/**
 * Uploads one file as multipart/form-data to an upload address (apiUrl), reporting progress: fetch, and so
 * openapi-fetch, cannot report upload progress, so uploads use XMLHttpRequest. The server judges the file by its
 * content and answers in Swedish.
 */
export function uploadFile(
  url: string,
  file: File,
  onProgress: (fraction: number) => void = () => {},
): Promise<AttachmentInfo> {
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(clientError(0, 'network', 'common.network'));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // an empty or non-JSON answer is handled below
      }
      if (xhr.status === 201 && json !== null) {
        resolve(json as AttachmentInfo);
        return;
      }
      reject(apiError(xhr.status, json));
    };
    xhr.send(form);
  });
}

/** Uploads one file to a slot of a draft (a drawing type, or one neighbour's consent). */
export function uploadAttachment(
  draftId: string,
  slot: AttachmentSlot,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<AttachmentInfo> {
  const query = {
    type: slot.type,
    ...(slot.neighbourPropertyId ? { neighbourPropertyId: slot.neighbourPropertyId } : {}),
  };
  return uploadFile(apiUrl('post', '/api/drafts/{id}/attachments', { path: { id: draftId }, query }), file, onProgress);
}
