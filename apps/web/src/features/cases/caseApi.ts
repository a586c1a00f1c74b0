import { z } from 'zod';
import {
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
import { request, uploadFile } from '../../api/client';

const call = request;
const enc = encodeURIComponent;
const officerCase = (id: string, action: string, body: unknown) =>
  call(CaseDetailSchema, 'POST', `/api/officer/cases/${enc(id)}/${action}`, body);

/** The officer's console and the applicant's "Mina ärenden": the case loop's calls, typed by the domain schemas. */
export const caseApi = {
  myCases: () => call(z.array(MyCaseSummarySchema), 'GET', '/api/me/cases'),
  myCase: (id: string) => call(CaseDetailSchema, 'GET', `/api/me/cases/${enc(id)}`),
  myMessages: () => call(z.array(CaseMessageSchema), 'GET', '/api/me/messages'),
  answerCompletion: (id: string, input: CompletionAnswerInput) =>
    call(CaseDetailSchema, 'POST', `/api/me/cases/${enc(id)}/completion`, input),
  withdraw: (id: string, version: number) =>
    call(CaseDetailSchema, 'POST', `/api/me/cases/${enc(id)}/withdraw`, { version }),

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
export const documentUrl = (face: 'me' | 'officer', caseId: string, kind: CaseDocumentKind) =>
  `/api/${face}/cases/${enc(caseId)}/documents/${kind}`;

/** Uploads a document the municipality asked for to the case (only while it awaits completion). */
export function uploadToCase(caseId: string, type: AttachmentType, file: File): Promise<AttachmentInfo> {
  return uploadFile(`/api/me/cases/${enc(caseId)}/attachments?type=${type}`, file);
}
