import type { BankIdApiErrorCode } from './rp-api';

/**
 * Codes a caller can meet: BankID's own, plus two raised by the client itself. `unavailable`: no answer
 * (network error or timeout), so retrying later may help. `invalidResponse`: an answer that is not BankID's
 * documented shape. Unknown codes from BankID pass through as strings, since BankID may add codes.
 */
export type BankIdErrorCode = BankIdApiErrorCode | 'unavailable' | 'invalidResponse' | (string & {});

export class BankIdError extends Error {
  override readonly name = 'BankIdError';

  constructor(
    readonly errorCode: BankIdErrorCode,
    readonly details: string,
    /** null when no HTTP answer arrived. */
    readonly httpStatus: number | null,
  ) {
    super(`BankID ${errorCode}${httpStatus === null ? '' : ` (HTTP ${httpStatus})`}: ${details}`);
  }
}
