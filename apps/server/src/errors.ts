import { errorCodes, type ErrorCode } from '@lovisa/domain';

export interface ErrorIssue {
  path: string;
  message: string;
}

/** The one error type routes throw; the central handler turns it into `{ error: { code, message, issues } }`. */
export class AppError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.statusCode = errorCodes[code];
  }
}

export const notFound = (what = 'Resursen') => new AppError('notFound', `${what} finns inte.`);
export const forbidden = () => new AppError('forbidden', 'Du har inte behörighet till detta.');
export const unauthenticated = () => new AppError('unauthenticated', 'Du behöver logga in.');
