import { describe, expect, it } from 'vitest';
import { initialQueuePhase, queuePhaseOf } from './queuePhase';
import { initialAfterPermitState } from './state';
import { grantedPermit } from './testSupport';

describe('the queue phase of a case', () => {
  const f = grantedPermit('newMainBuilding');
  const s = initialAfterPermitState(f.measure);

  it('follows the current after-permit phase', () => {
    expect(queuePhaseOf(f, s)).toBe('consultation');
    const held = {
      ...s,
      consultation: { ...s.consultation, minutes: { heldOn: '2027-01-20', text: 'Hållet.', by: 'O' } },
    };
    expect(queuePhaseOf(f, held)).toBe('startbesked');
    const started = {
      ...held,
      kontrollplan: { ...held.kontrollplan, approvedOn: '2027-02-16' },
      startbesked: { on: '2027-02-16', by: 'O', conditions: [], beforeLegalForce: false },
    };
    expect(queuePhaseOf(f, started)).toBe('construction');
    const asked = { ...started, finalRequest: { on: '2027-06-01', note: null } };
    expect(queuePhaseOf(f, asked)).toBe('slutbesked');
    const done = {
      ...asked,
      finalRequest: null,
      slutbesked: [{ on: '2027-06-02', by: 'O', kind: 'final' as const, conditions: [], remaining: [] }],
    };
    expect(queuePhaseOf(f, done)).toBe('finished');
  });

  it('has none after a refusal; a record-less case starts where its procedure starts', () => {
    expect(queuePhaseOf(grantedPermit('outbuilding', { outcome: 'refused' }), s)).toBeNull();
    expect(initialQueuePhase('permit')).toBe('consultation');
    expect(initialQueuePhase('notification')).toBe('construction');
  });
});
