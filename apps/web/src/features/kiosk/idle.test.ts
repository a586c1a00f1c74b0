import { describe, expect, it } from 'vitest';
import { idlePhase } from './idle';

describe('the kiosk idle rule', () => {
  const idle = 90_000;
  const countdown = 30_000;
  it('is active until the idle time has passed, then asks with a countdown, then ends the visit', () => {
    expect(idlePhase(0, 0, idle, countdown)).toEqual({ kind: 'active' });
    expect(idlePhase(0, 89_999, idle, countdown)).toEqual({ kind: 'active' });
    expect(idlePhase(0, 90_000, idle, countdown)).toEqual({ kind: 'asking', secondsLeft: 30 });
    expect(idlePhase(0, 90_001, idle, countdown)).toEqual({ kind: 'asking', secondsLeft: 30 });
    expect(idlePhase(0, 119_001, idle, countdown)).toEqual({ kind: 'asking', secondsLeft: 1 });
    expect(idlePhase(0, 120_000, idle, countdown)).toEqual({ kind: 'expired' });
    expect(idlePhase(0, 10 * 60_000, idle, countdown)).toEqual({ kind: 'expired' });
  });
  it('starts again from the last touch', () => {
    expect(idlePhase(100_000, 150_000, idle, countdown)).toEqual({ kind: 'active' });
    expect(idlePhase(100_000, 190_500, 90_000, 3_000)).toEqual({ kind: 'asking', secondsLeft: 3 });
  });
});
