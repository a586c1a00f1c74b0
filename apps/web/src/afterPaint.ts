/** How long to wait for a frame at most: a page in a background tab gets none. */
const FRAME_AT_MOST_MS = 100;

/**
 * Resolves after the browser has shown what is rendered now, for work that should not hold up (or share the
 * network with) what is being shown. A frame's callbacks run before it is painted, and it reaches the screen later
 * still: the next frame's callback is the first moment it surely has. A request started any earlier counts
 * towards the paint in Lighthouse's simulated slow phone (its LCP, docs/performance.md, session 12).
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(finish)));
    setTimeout(finish, FRAME_AT_MOST_MS);
  });
}
