import { z } from 'zod';
import type { Procedure } from '../case/schemas';
import { afterPermitPhases, type AfterPermitFacts, type PhaseKey } from './phases';
import { initialAfterPermitState, type AfterPermitState } from './state';

/**
 * Where a case stands in the officer's queue, by its phase: `decide` while the case waits for its decision, then
 * the after-permit phase that is current (the kontrollplan belongs to the startbesked: it is approved with it), and
 * `finished` once the final slutbesked is given. A refused or dismissed case has none.
 */
export const QueuePhaseSchema = z.enum([
  'decide',
  'consultation',
  'startbesked',
  'construction',
  'slutbesked',
  'finished',
]);
export type QueuePhase = z.infer<typeof QueuePhaseSchema>;

const ofPhase: Record<PhaseKey, QueuePhase> = {
  decision: 'decide',
  consultation: 'consultation',
  kontrollplan: 'startbesked',
  startbesked: 'startbesked',
  construction: 'construction',
  slutbesked: 'slutbesked',
};

/** The queue phase of a decided case (null when nothing follows its decision): what the after-permit record keeps. */
export function queuePhaseOf(f: AfterPermitFacts, s: AfterPermitState): QueuePhase | null {
  const phases = afterPermitPhases(f, s);
  if (phases.length === 0) return null;
  const current = phases.find((p) => p.state === 'current');
  return current ? ofPhase[current.key] : 'finished';
}

/** The queue phase of a granted case that has no after-permit record yet (no step after the decision taken). */
export function initialQueuePhase(procedure: Procedure): QueuePhase {
  const facts: AfterPermitFacts = {
    procedure,
    status: 'decided',
    outcome: procedure === 'permit' ? 'approved' : 'startApproval',
    measure: 'outbuilding',
    kontrollansvarig: false,
    decidedOn: null,
    legalForceOn: null,
    earliestStart: null,
  };
  return queuePhaseOf(facts, initialAfterPermitState('outbuilding')) ?? 'decide';
}
