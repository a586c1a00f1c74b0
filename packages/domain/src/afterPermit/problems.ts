import type { ErrorCode } from '../errors';
import type { StartbeskedBlocker } from './phases';

/**
 * Why an after-permit command was refused: a stable code a client can act on (texts: `afterPermit.problem.*` in
 * the message catalogues). Commands out of order are conflicts (409); a bad date or text is bad input.
 */
export type AfterPermitProblemCode =
  | StartbeskedBlocker
  | 'WRONG_ROLE'
  | 'STALE_VERSION'
  | 'ALREADY_FINISHED'
  | 'CONSULTATION_REQUIRED_BY_LAW'
  | 'CONSULTATION_SETTLED'
  | 'CONSULTATION_ALREADY_BOOKED'
  | 'CONSULTATION_NO_SLOTS'
  | 'CONSULTATION_SLOT_PAST'
  | 'CONSULTATION_SLOT_UNKNOWN'
  | 'CONSULTATION_NOT_BOOKED'
  | 'REASON_TOO_SHORT'
  | 'DATE_INVALID'
  | 'KONTROLLPLAN_LOCKED'
  | 'KONTROLLPLAN_ITEM_UNKNOWN'
  | 'KONTROLLPLAN_DONE_ITEM_REMOVED'
  | 'KONTROLLPLAN_DUPLICATE_ID'
  | 'KONTROLLPLAN_INCOMPLETE'
  | 'STARTBESKED_MISSING'
  | 'SLUTBESKED_ALREADY_REQUESTED'
  | 'SLUTBESKED_NOT_REQUESTED'
  | 'INTERIM_NEEDS_REMAINING'
  | 'KONTROLLANSVARIG_NOT_REQUIRED';

export interface AfterPermitProblem {
  code: AfterPermitProblemCode;
  /** The field the problem is about, in the request's terms. */
  path?: string;
  /** The kontrollplan item it is about. */
  itemId?: string;
}

export const afterPermitProblemErrorCode: Record<AfterPermitProblemCode, ErrorCode> = {
  NOT_APPLICABLE: 'conflict',
  STARTBESKED_ALREADY_GIVEN: 'conflict',
  CONSULTATION_PENDING: 'conflict',
  KONTROLLPLAN_EMPTY: 'conflict',
  LEGAL_FORCE_PENDING: 'conflict',
  EARLY_START_TOO_EARLY: 'conflict',
  WRONG_ROLE: 'forbidden',
  STALE_VERSION: 'conflict',
  ALREADY_FINISHED: 'conflict',
  CONSULTATION_REQUIRED_BY_LAW: 'conflict',
  CONSULTATION_SETTLED: 'conflict',
  CONSULTATION_ALREADY_BOOKED: 'conflict',
  CONSULTATION_NO_SLOTS: 'invalidInput',
  CONSULTATION_SLOT_PAST: 'invalidInput',
  CONSULTATION_SLOT_UNKNOWN: 'invalidInput',
  CONSULTATION_NOT_BOOKED: 'conflict',
  REASON_TOO_SHORT: 'invalidInput',
  DATE_INVALID: 'invalidInput',
  KONTROLLPLAN_LOCKED: 'conflict',
  KONTROLLPLAN_ITEM_UNKNOWN: 'invalidInput',
  KONTROLLPLAN_DONE_ITEM_REMOVED: 'invalidInput',
  KONTROLLPLAN_DUPLICATE_ID: 'invalidInput',
  KONTROLLPLAN_INCOMPLETE: 'conflict',
  STARTBESKED_MISSING: 'conflict',
  SLUTBESKED_ALREADY_REQUESTED: 'conflict',
  SLUTBESKED_NOT_REQUESTED: 'conflict',
  INTERIM_NEEDS_REMAINING: 'invalidInput',
  KONTROLLANSVARIG_NOT_REQUIRED: 'conflict',
};
