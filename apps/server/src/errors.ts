import {
  errorCodes,
  findingMessage,
  swedishText,
  type DomainMessageId,
  type ErrorCode,
  type Finding,
  type MessageParams,
} from '@lovisa/domain';

export interface ErrorIssue {
  path: string;
  message: string;
  messageId?: string;
  params?: MessageParams;
}

/**
 * The one error type routes throw; the central handler turns it into `{ error: { code, message, messageId?,
 * params?, issues } }`. `message` is Swedish for API clients; `messageId` names the text in the message
 * catalogues (packages/domain/src/messages), so the web can say it in the visitor's language. Prefer
 * `appError(code, id)`, which takes the Swedish from the catalogue.
 */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly messageId?: DomainMessageId,
    readonly params?: MessageParams,
  ) {
    super(message);
    this.statusCode = errorCodes[code];
  }
}

/** An error by message id: its Swedish words come from the catalogue. */
export const appError = (code: ErrorCode, id: DomainMessageId, params?: MessageParams, issues?: ErrorIssue[]) =>
  new AppError(code, swedishText(id, params), issues, id, params);

/** An issue of an error answer by message id: its Swedish words come from the catalogue. */
export const issueById = (path: string, id: DomainMessageId): ErrorIssue => ({
  path,
  message: swedishText(id),
  messageId: id,
});

/** A finding (the rules engine's) as an issue of an error answer: its Swedish, its id and its words. */
export function findingIssue(path: string, f: Finding): ErrorIssue {
  const m = findingMessage(f);
  return { path, message: f.text.sv, messageId: m.id, ...(m.params ? { params: m.params } : {}) };
}

/** The rules engine's blocking findings: the application cannot leave yet. */
export function blockedBy(blocking: (Finding & { step: string })[]): AppError {
  const issues = blocking.map((m) => findingIssue(`rules.${m.step}.${m.code}`, m));
  if (blocking.length !== 1) return appError('invalidInput', 'server.applicationBlocked', undefined, issues);
  const only = issues[0]!;
  return new AppError('invalidInput', only.message, issues, only.messageId as DomainMessageId, only.params);
}

const notFoundIds = {
  resource: 'server.notFound.resource',
  property: 'server.notFound.property',
  case: 'server.notFound.case',
  draft: 'server.notFound.draft',
  file: 'server.notFound.file',
  document: 'server.notFound.document',
  queueView: 'server.notFound.queueView',
  meeting: 'server.notFound.meeting',
} as const satisfies Record<string, DomainMessageId>;
export type NotFoundThing = keyof typeof notFoundIds;

/** `notFound('case')`: what was not found, by name, so the answer says it by message id. */
export const notFound = (what: NotFoundThing = 'resource'): AppError => appError('notFound', notFoundIds[what]);
export const forbidden = () => appError('forbidden', 'server.forbidden');
export const unauthenticated = () => appError('unauthenticated', 'server.unauthenticated');
