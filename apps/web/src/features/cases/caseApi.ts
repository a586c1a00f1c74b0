import type {
  AssignInput,
  AttachmentType,
  CaseDocumentKind,
  CompletionAnswerInput,
  CompletionRequestInput,
  DecisionInput,
  ConsultationAnswerInput,
  ConsultationInput,
  ExtensionInput,
  FeeDecisionInput,
  NoteInput,
  HearingOnlineAnswerInput,
  HearingPaperAnswerInput,
  HearingStartInput,
  ProposalActionInput,
  StartApprovalInput,
  DeliveryInput,
  SavedQueueViewInput,
  CommitteeReferralInput,
  CommitteeDecisionInput,
  CommitteeMeetingInput,
} from '@lovisa/domain';
import { uploadFile, type AttachmentInfo } from '../../api/client';
import { DELETE, GET, POST, apiUrl } from '../../api/http';

const theCase = (id: string) => ({ params: { path: { id } } });

/** The officer's console and the applicant's "Mina ärenden": the case loop's calls, typed by the generated paths. */
export const caseApi = {
  myCases: () => GET('/api/me/cases'),
  myCase: (id: string) => GET('/api/me/cases/{id}', theCase(id)),
  myMessages: () => GET('/api/me/messages'),
  answerCompletion: (id: string, body: CompletionAnswerInput) =>
    POST('/api/me/cases/{id}/completion', { ...theCase(id), body }),
  withdraw: (id: string, version: number) => POST('/api/me/cases/{id}/withdraw', { ...theCase(id), body: { version } }),

  /** The queue's filters as the page's address holds them: sent as they are, the server checks them. */
  queue: (query: URLSearchParams) => GET('/api/officer/queue', { querySerializer: () => query.toString() }),
  /** The officer's own saved queue views. */
  queueViews: () => GET('/api/officer/queue/views'),
  saveQueueView: (body: SavedQueueViewInput) => POST('/api/officer/queue/views', { body }),
  deleteQueueView: (id: string) => DELETE('/api/officer/queue/views/{id}', theCase(id)),
  officerCase: (id: string) => GET('/api/officer/cases/{id}', theCase(id)),
  assign: (id: string, body: AssignInput) => POST('/api/officer/cases/{id}/assign', { ...theCase(id), body }),
  requestCompletion: (id: string, body: CompletionRequestInput) =>
    POST('/api/officer/cases/{id}/completion-request', { ...theCase(id), body }),
  extend: (id: string, body: ExtensionInput) => POST('/api/officer/cases/{id}/extension', { ...theCase(id), body }),
  decideFee: (id: string, body: FeeDecisionInput) => POST('/api/officer/cases/{id}/fee', { ...theCase(id), body }),
  sendConsultation: (id: string, body: ConsultationInput) =>
    POST('/api/officer/cases/{id}/consultations', { ...theCase(id), body }),
  /** A remiss body's link: no login, the link's key opens its remiss only. */
  consultation: (token: string) => GET('/api/consultations/{token}', { params: { path: { token } } }),
  answerConsultation: (token: string, body: ConsultationAnswerInput) =>
    POST('/api/consultations/{token}/answer', { params: { path: { token } }, body }),
  phrases: (id: string) => GET('/api/officer/cases/{id}/phrases', theCase(id)),
  writeNote: (id: string, body: NoteInput) => POST('/api/officer/cases/{id}/notes', { ...theCase(id), body }),
  decide: (id: string, body: DecisionInput) => POST('/api/officer/cases/{id}/decision', { ...theCase(id), body }),
  /** The decision's PDF as it would be issued now, nothing stored. */
  previewDecision: async (id: string, body: DecisionInput) =>
    (await POST('/api/officer/cases/{id}/decision/preview', {
      ...theCase(id),
      body,
      parseAs: 'blob',
    })) as unknown as Blob,
  /** The decision a confirmation would issue, as a PDF, nothing stored (the team lead reads it beside the proposal). */
  previewConfirmation: async (id: string, body: ProposalActionInput) =>
    (await POST('/api/officer/cases/{id}/proposal/confirm/preview', {
      ...theCase(id),
      body,
      parseAs: 'blob',
    })) as unknown as Blob,
  /** Decisions above delegation: the board's meetings, their agendas, a referral and the minutes' decision. */
  committeeMeetings: () => GET('/api/officer/committee/meetings'),
  addCommitteeMeeting: (body: CommitteeMeetingInput) => POST('/api/officer/committee/meetings', { body }),
  committeeAgenda: (id: string) => GET('/api/officer/committee/meetings/{id}', theCase(id)),
  referToCommittee: (id: string, body: CommitteeReferralInput) =>
    POST('/api/officer/cases/{id}/committee-referral', { ...theCase(id), body }),
  withdrawFromAgenda: (id: string, body: ProposalActionInput) =>
    POST('/api/officer/cases/{id}/committee-withdrawal', { ...theCase(id), body }),
  recordCommitteeDecision: (id: string, body: CommitteeDecisionInput) =>
    POST('/api/officer/cases/{id}/committee-decision', { ...theCase(id), body }),
  confirmProposal: (id: string, body: ProposalActionInput) =>
    POST('/api/officer/cases/{id}/proposal/confirm', { ...theCase(id), body }),
  returnProposal: (id: string, body: ProposalActionInput) =>
    POST('/api/officer/cases/{id}/proposal/return', { ...theCase(id), body }),
  startApproval: (id: string, body: StartApprovalInput) =>
    POST('/api/officer/cases/{id}/start-approval', { ...theCase(id), body }),
  recordDelivery: (id: string, body: DeliveryInput) =>
    POST('/api/officer/cases/{id}/delivery', { ...theCase(id), body }),

  /** The neighbour hearing (PBL 9 kap. 25 §): the officer's side. */
  sakagare: (id: string) => GET('/api/officer/cases/{id}/sakagare', theCase(id)),
  startHearing: (id: string, body: HearingStartInput) =>
    POST('/api/officer/cases/{id}/hearing', { ...theCase(id), body }),
  paperAnswer: (id: string, body: HearingPaperAnswerInput) =>
    POST('/api/officer/cases/{id}/hearing/answers', { ...theCase(id), body }),
  closeHearing: (id: string, version: number) =>
    POST('/api/officer/cases/{id}/hearing/close', { ...theCase(id), body: { version } }),
  /** The neighbour's side: their letter's code opens what they were sent. */
  hearing: (code: string) => GET('/api/hearings/{code}', { params: { path: { code } } }),
  answerHearing: (code: string, body: HearingOnlineAnswerInput) =>
    POST('/api/hearings/{code}/answer', { params: { path: { code } }, body }),
};

/** One party's letter (PDF), for the officer. */
export const letterUrl = (caseId: string, partyId: string) =>
  apiUrl('get', '/api/officer/cases/{id}/hearing/letters/{partyId}', { path: { id: caseId, partyId } });
/** One of the application's documents, for the neighbour whose code it is. */
export const hearingDocumentUrl = (code: string, fileId: string) =>
  apiUrl('get', '/api/hearings/{code}/documents/{fileId}', { path: { code, fileId } });

/** Where a case's issued document downloads from, on each face (a link the browser follows). */
export const documentUrl = (face: 'me' | 'officer', caseId: string, kind: CaseDocumentKind) =>
  face === 'me'
    ? apiUrl('get', '/api/me/cases/{id}/documents/{kind}', { path: { id: caseId, kind } })
    : apiUrl('get', '/api/officer/cases/{id}/documents/{kind}', { path: { id: caseId, kind } });

/** Uploads a document the municipality asked for to the case (only while it awaits completion). */
export function uploadToCase(caseId: string, type: AttachmentType, file: File): Promise<AttachmentInfo> {
  return uploadFile(apiUrl('post', '/api/me/cases/{id}/attachments', { path: { id: caseId }, query: { type } }), file);
}

/** The receipt of the application as a PDF: everything the applicant sent (rendered on request). */
export const receiptUrl = (caseId: string) => apiUrl('get', '/api/me/cases/{id}/receipt', { path: { id: caseId } });
