import { z } from 'zod';
import {
  ApiErrorSchema,
  AttachmentInfoSchema,
  CaseDetailSchema,
  CaseMessageSchema,
  MyCaseSummarySchema,
  QueuePageSchema,
  type AssignInput,
  type AttachmentInfo,
  type AttachmentType,
  type CaseDocumentKind,
  type CompletionAnswerInput,
  type CompletionRequestInput,
  type DecisionInput,
  type ExtensionInput,
  type ProposalActionInput,
  type StartApprovalInput,
} from '@lovisa/domain';
import { ApiError } from '../../api/client';
import { currentLang, translate } from '../../i18n/i18n';

/** JSON over fetch for the case loop, answering with the server's own (Swedish) error message. */
async function call<T extends z.ZodType>(schema: T, method: string, url: string, body?: unknown): Promise<z.output<T>> {
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
    // handled below as an unknown answer
  }
  if (!res.ok) {
    const err = ApiErrorSchema.safeParse(json);
    if (err.success) throw new ApiError(res.status, err.data.error.code, err.data.error.message, err.data.error.issues);
    throw new ApiError(res.status, 'unknown', translate(currentLang(), 'common.serverError'));
  }
  return schema.parse(json);
}

const enc = encodeURIComponent;
const officerCase = (id: string, action: string, body: unknown) => call(CaseDetailSchema, 'POST', `/api/officer/cases/${enc(id)}/${action}`, body);

/** The officer's console and the applicant's "Mina ärenden": the case loop's calls, typed by the domain schemas. */
export const caseApi = {
  myCases: () => call(z.array(MyCaseSummarySchema), 'GET', '/api/me/cases'),
  myCase: (id: string) => call(CaseDetailSchema, 'GET', `/api/me/cases/${enc(id)}`),
  myMessages: () => call(z.array(CaseMessageSchema), 'GET', '/api/me/messages'),
  answerCompletion: (id: string, input: CompletionAnswerInput) => call(CaseDetailSchema, 'POST', `/api/me/cases/${enc(id)}/completion`, input),
  withdraw: (id: string, version: number) => call(CaseDetailSchema, 'POST', `/api/me/cases/${enc(id)}/withdraw`, { version }),

  queue: (query: URLSearchParams) => call(QueuePageSchema, 'GET', `/api/officer/queue?${query}`),
  officerCase: (id: string) => call(CaseDetailSchema, 'GET', `/api/officer/cases/${enc(id)}`),
  assign: (id: string, input: AssignInput) => officerCase(id, 'assign', input),
  requestCompletion: (id: string, input: CompletionRequestInput) => officerCase(id, 'completion-request', input),
  extend: (id: string, input: ExtensionInput) => officerCase(id, 'extension', input),
  decide: (id: string, input: DecisionInput) => officerCase(id, 'decision', input),
  confirmProposal: (id: string, input: ProposalActionInput) => officerCase(id, 'proposal/confirm', input),
  returnProposal: (id: string, input: ProposalActionInput) => officerCase(id, 'proposal/return', input),
  startApproval: (id: string, input: StartApprovalInput) => officerCase(id, 'start-approval', input),
};

/** Where a case's issued document downloads from, on each face. */
export const documentUrl = (face: 'me' | 'officer', caseId: string, kind: CaseDocumentKind) => `/api/${face}/cases/${enc(caseId)}/documents/${kind}`;

/** Uploads a document the municipality asked for to the case (only while it awaits completion). */
export async function uploadToCase(caseId: string, type: AttachmentType, file: File): Promise<AttachmentInfo> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api/me/cases/${enc(caseId)}/attachments?type=${type}`, { method: 'POST', credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError(0, 'network', translate(currentLang(), 'common.network'));
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.status === 201) return AttachmentInfoSchema.parse(json);
  const err = ApiErrorSchema.safeParse(json);
  throw err.success ? new ApiError(res.status, err.data.error.code, err.data.error.message) : new ApiError(res.status, 'unknown', translate(currentLang(), 'common.serverError'));
}
