import { z } from 'zod';
import {
  ApiErrorSchema,
  CaseDetailSchema,
  CaseSummarySchema,
  DetailedPlanSchema,
  AttachmentInfoSchema,
  DraftSchema,
  FeeScheduleSchema,
  LoginCollectResultSchema,
  LoginStartResultSchema,
  MeSchema,
  PropertySchema,
  PropertySummarySchema,
  QrResultSchema,
  QueuePageSchema,
  SessionInfoSchema,
  SignCollectResultSchema,
  SignStartResultSchema,
  SurroundingsSchema,
  type ApplicationSubmission,
  type AttachmentInfo,
  type AttachmentSlot,
  type DecisionInput,
  type DraftData,
} from '@lovisa/domain';
import { currentLang, translate } from '../i18n/i18n';

/** An answer from the API that is not a success, with the server's own Swedish message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** JSON over fetch, typed by a domain schema, answering with the server's own (Swedish) error message. */
export async function request<T extends z.ZodType>(schema: T, method: string, url: string, body?: unknown): Promise<z.output<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', translate(currentLang(), 'common.network'));
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page, say): handled below as an unknown answer.
  }
  if (!res.ok) {
    const err = ApiErrorSchema.safeParse(json);
    if (err.success) throw new ApiError(res.status, err.data.error.code, err.data.error.message, err.data.error.issues);
    throw new ApiError(res.status, 'unknown', translate(currentLang(), 'common.serverError'));
  }
  return schema.parse(json);
}

const Nothing = z.unknown();
const PropertyWithPlans = z.object({ property: PropertySchema, plans: z.array(DetailedPlanSchema) });
export type PropertyWithPlans = z.infer<typeof PropertyWithPlans>;

/** Each save from this page counts higher than the last, and than any earlier page's (the clock's ms). */
let lastRevision = 0;
const nextRevision = () => (lastRevision = Math.max(lastRevision + 1, Date.now()));

export const api = {
  session: () => request(SessionInfoSchema, 'GET', '/api/session'),
  startLogin: (mode: 'qr' | 'sameDevice') => request(LoginStartResultSchema, 'POST', '/api/auth/bankid/start', { mode }),
  qr: (orderRef: string) => request(QrResultSchema, 'GET', `/api/auth/bankid/${encodeURIComponent(orderRef)}/qr`),
  collect: (orderRef: string) => request(LoginCollectResultSchema, 'POST', '/api/auth/bankid/collect', { orderRef }),
  cancelLogin: (orderRef: string) => request(Nothing, 'POST', '/api/auth/bankid/cancel', { orderRef }),
  logout: () => request(Nothing, 'POST', '/api/auth/logout'),
  me: () => request(MeSchema, 'GET', '/api/me'),
  myProperties: () => request(z.array(PropertySummarySchema), 'GET', '/api/me/properties'),
  property: (id: string) => request(PropertyWithPlans, 'GET', `/api/properties/${encodeURIComponent(id)}`),
  surroundings: (id: string) => request(SurroundingsSchema, 'GET', `/api/properties/${encodeURIComponent(id)}/surroundings`),
  feeSchedule: () => request(FeeScheduleSchema, 'GET', '/api/fee-schedule'),
  mapConfig: () => request(z.object({ tileUrl: z.string().nullable(), attribution: z.string() }), 'GET', '/api/map-config'),
  attachments: (draftId: string) => request(z.array(AttachmentInfoSchema), 'GET', `/api/drafts/${encodeURIComponent(draftId)}/attachments`),
  makeSitePlan: (draftId: string) => request(AttachmentInfoSchema, 'POST', `/api/drafts/${encodeURIComponent(draftId)}/attachments/site-plan`),
  removeAttachment: (draftId: string, id: string) => request(Nothing, 'DELETE', `/api/drafts/${encodeURIComponent(draftId)}/attachments/${encodeURIComponent(id)}`),
  drafts: () => request(z.array(DraftSchema), 'GET', '/api/drafts'),
  saveDraft: (id: string, data: DraftData) => request(DraftSchema, 'PUT', `/api/drafts/${encodeURIComponent(id)}`, { data, revision: nextRevision() }),
  /** Submitting starts a BankID sign order; the case exists once the signature is collected. */
  submit: (application: ApplicationSubmission) => request(SignStartResultSchema, 'POST', '/api/applications', application),
  signQr: (orderRef: string) => request(QrResultSchema, 'GET', `/api/applications/sign/${encodeURIComponent(orderRef)}/qr`),
  signCollect: (orderRef: string) => request(SignCollectResultSchema, 'POST', '/api/applications/sign/collect', { orderRef }),
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
export function uploadFile(url: string, file: File, onProgress: (fraction: number) => void = () => {}): Promise<AttachmentInfo> {
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network', translate(currentLang(), 'common.network')));
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
      const err = ApiErrorSchema.safeParse(json);
      reject(err.success ? new ApiError(xhr.status, err.data.error.code, err.data.error.message) : new ApiError(xhr.status, 'unknown', translate(currentLang(), 'common.serverError')));
    };
    xhr.send(form);
  });
}

/** Uploads one file to a slot of a draft (a drawing type, or one neighbour's consent). */
export function uploadAttachment(draftId: string, slot: AttachmentSlot, file: File, onProgress: (fraction: number) => void): Promise<AttachmentInfo> {
  const query = new URLSearchParams({ type: slot.type, ...(slot.neighbourPropertyId ? { neighbourPropertyId: slot.neighbourPropertyId } : {}) });
  return uploadFile(`/api/drafts/${encodeURIComponent(draftId)}/attachments?${query}`, file, onProgress);
}
