import type { MeasureType } from '../measure';
import type { AfterPermitContext } from './commands';
import type { AfterPermitFacts } from './phases';
import { initialAfterPermitState, type AfterPermitState } from './state';

/** A granted permit for `measure`, decided 2027-01-11, legal force 2027-02-16, start allowed from 2027-02-08. */
export function grantedPermit(
  measure: MeasureType = 'newMainBuilding',
  over: Partial<AfterPermitFacts> = {},
): AfterPermitFacts {
  return {
    procedure: 'permit',
    status: 'decided',
    outcome: 'approved',
    measure,
    kontrollansvarig: measure === 'newMainBuilding',
    decidedOn: '2027-01-11',
    legalForceOn: '2027-02-16',
    earliestStart: '2027-02-08',
    ...over,
  };
}

export function contextOf(
  facts: AfterPermitFacts,
  state: AfterPermitState = initialAfterPermitState(facts.measure),
  version = 7,
): AfterPermitContext {
  return { ...facts, diaryNumber: 'BN 2027-000042', version, state };
}
