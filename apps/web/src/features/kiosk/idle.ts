/**
 * The kiosk's idle rule, as a pure function of time: after `idleMs` without a touch the visitor is asked
 * "Vill du fortsätta?"; `countdownMs` later the visit ends. Only a touch before the question, or "Fortsätt"
 * during it, moves `lastActivity`.
 */
export type IdlePhase = { kind: 'active' } | { kind: 'asking'; secondsLeft: number } | { kind: 'expired' };

export function idlePhase(lastActivity: number, now: number, idleMs: number, countdownMs: number): IdlePhase {
  const idle = now - lastActivity;
  if (idle < idleMs) return { kind: 'active' };
  const left = idleMs + countdownMs - idle;
  if (left <= 0) return { kind: 'expired' };
  return { kind: 'asking', secondsLeft: Math.ceil(left / 1000) };
}

/** What counts as someone at the screen: touching, clicking, typing, scrolling. Never a timer or a request. */
export const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

/** How often, at most, an active visitor's session is kept alive on the server (its kiosk lifetime is short). */
export const KEEP_ALIVE_MS = 30_000;
