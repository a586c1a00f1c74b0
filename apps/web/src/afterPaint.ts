/** How long to wait for a frame at most: a page in a background tab gets none. */
const FRAME_AT_MOST_MS = 100;

/**
 * Resolves after the browser has painted what is rendered now: a timeout set from an animation frame runs once
 * that frame is on screen. For work that should not hold up (or share the network with) what is being shown.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    requestAnimationFrame(() => setTimeout(finish));
    setTimeout(finish, FRAME_AT_MOST_MS);
  });
}
