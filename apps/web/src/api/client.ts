import { z } from 'zod';
import {
  CaseDetailSchema,
  CaseSummarySchema,
  AttachmentInfoSchema,
  DraftSchema,
  FeeScheduleSchema,
  MeSchema,
  PropertySummarySchema,
  QrResultSchema,
  QueuePageSchema,
  SignCollectResultSchema,
  SignStartResultSchema,
  type ApplicationSubmission,
  type DetailedPlan,
  type Property,
  type Surroundings,
  type AttachmentInfo,
  type AttachmentSlot,
  type DecisionInput,
  type DraftData,
} from '@lovisa/domain';
import { apiError, clientError, fetchJson, fetchJsonOnce, sendOnce } from './http';

export { ApiError, apiErrorMessage, apiErrorText, apiIssueMessage } from './http';

/** JSON over fetch, checked and typed by a domain schema, answering with the server's own (Swedish) error message. */
export async function request<T extends z.ZodType>(
  schema: T,
  method: string,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<z.output<T>> {
  return schema.parse(await fetchJson(method, url, body, headers ? { headers } : {}));
}

const Nothing = z.unknown();
/** GET /api/properties/:id: the property and the detailed plans covering it. */
export type PropertyWithPlans = { property: Property; plans: DetailedPlan[] };

/** Each save from this page counts higher than the last, and than any earlier page's (the clock's ms). */
let lastRevision = 0;
const nextRevision = () => (lastRevision = Math.max(lastRevision + 1, Date.now()));

export const api = {
  // The session and the login are authApi (api/http.ts), which the entry bundle can hold without zod.
  me: () => request(MeSchema, 'GET', '/api/me'),
  myProperties: () => request(z.array(PropertySummarySchema), 'GET', '/api/me/properties'),
  // A property with its plans, and its surroundings (GeoJSON), are the same all visit: fetched once and shared
  // (fetchJsonOnce; the wizard's site loader, the map step and the map each asked for both), and deliberately
  // NOT parsed with zod again. The server encodes both with these very domain schemas (`PropertySchema` +
  // `DetailedPlanSchema`, `SurroundingsSchema`; apps/server/src/routes/properties.ts, whose
  // fastify-type-provider-zod serializer answers 500 rather than send an answer that does not match), and those
  // schemas have no transforms or defaults, so parsing here only repeated the server's check — twice on the map
  // step, where zod's parsing was ≈ 320 ms of a phone's CPU (docs/performance.md). The types are the schemas' own.
  property: (id: string) => fetchJsonOnce(`/api/properties/${encodeURIComponent(id)}`) as Promise<PropertyWithPlans>,
  surroundings: (id: string) =>
    fetchJsonOnce(`/api/properties/${encodeURIComponent(id)}/surroundings`) as Promise<Surroundings>,
  feeSchedule: () => request(FeeScheduleSchema, 'GET', '/api/fee-schedule'),
  mapConfig: () =>
    request(z.object({ tileUrl: z.string().nullable(), attribution: z.string() }), 'GET', '/api/map-config'),
  attachments: (draftId: string) =>
    request(z.array(AttachmentInfoSchema), 'GET', `/api/drafts/${encodeURIComponent(draftId)}/attachments`),
  makeSitePlan: (draftId: string) =>
    request(AttachmentInfoSchema, 'POST', `/api/drafts/${encodeURIComponent(draftId)}/attachments/site-plan`),
  removeAttachment: (draftId: string, id: string) =>
    request(Nothing, 'DELETE', `/api/drafts/${encodeURIComponent(draftId)}/attachments/${encodeURIComponent(id)}`),
  drafts: () => request(z.array(DraftSchema), 'GET', '/api/drafts'),
  saveDraft: (id: string, data: DraftData) =>
    request(DraftSchema, 'PUT', `/api/drafts/${encodeURIComponent(id)}`, { data, revision: nextRevision() }),
  /**
   * Submitting starts a BankID sign order; the case exists once the signature is collected. A lost answer is
   * asked again with the same Idempotency-Key, which gets the first order back rather than a second one.
   */
  submit: (application: ApplicationSubmission) =>
    sendOnce((key) =>
      request(SignStartResultSchema, 'POST', '/api/applications', application, { 'idempotency-key': key }),
    ),
  signQr: (orderRef: string) =>
    request(QrResultSchema, 'GET', `/api/applications/sign/${encodeURIComponent(orderRef)}/qr`),
  signCollect: (orderRef: string) =>
    request(SignCollectResultSchema, 'POST', '/api/applications/sign/collect', { orderRef }),
  signCancel: (orderRef: string) => request(Nothing, 'POST', '/api/applications/sign/cancel', { orderRef }),
  myCases: () => request(z.array(CaseSummarySchema), 'GET', '/api/me/cases'),
  myCase: (id: string) => request(CaseDetailSchema, 'GET', `/api/me/cases/${encodeURIComponent(id)}`),
  queue: (query: URLSearchParams) => request(QueuePageSchema, 'GET', `/api/officer/queue?${query}`),
  officerCase: (id: string) => request(CaseDetailSchema, 'GET', `/api/officer/cases/${encodeURIComponent(id)}`),
  decide: (id: string, decision: DecisionInput) =>
    request(CaseDetailSchema, 'POST', `/api/officer/cases/${encodeURIComponent(id)}/decision`, decision),
};

/**
 * Uploads one file as multipart/form-data, reporting progress (fetch cannot report upload progress, so uploads
 * use XMLHttpRequest). The server judges the file by its content and answers in Swedish.
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
      if (xhr.status === 201) {
        resolve(AttachmentInfoSchema.parse(json));
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
  const query = new URLSearchParams({
    type: slot.type,
    ...(slot.neighbourPropertyId ? { neighbourPropertyId: slot.neighbourPropertyId } : {}),
  });
  return uploadFile(`/api/drafts/${encodeURIComponent(draftId)}/attachments?${query}`, file, onProgress);
}
