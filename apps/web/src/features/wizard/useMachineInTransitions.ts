import { startTransition, useCallback, useRef, useState } from 'react';
import { useActorRef } from '@xstate/react';
import type { ActorOptions, AnyStateMachine, EventFrom, SnapshotFrom } from 'xstate';

/**
 * A machine for a view, as XState's useMachine, but what the applicant did not do themselves is rendered in a
 * transition: an answer from the server, a timer, an invoked actor finishing. useMachine reads the actor through
 * useSyncExternalStore, so React renders every snapshot at once and in one piece; the wizard's step took six to
 * eight such renders of 15–30 ms as its draft, site, files and neighbours' answers arrived, each a long task on a
 * slow phone. In a transition React renders in slices and lets a tap or a key in between (docs/performance.md,
 * session 12).
 *
 * `send` is for the applicant's own doing and renders at once, as before; `sendInBackground` is for what arrives
 * from elsewhere. The snapshot rendered may be a step behind the actor's while a transition is pending, so a
 * handler that decides something asks `actor.getSnapshot()`, never the rendered snapshot.
 */
export function useMachineInTransitions<T extends AnyStateMachine>(machine: T, options: ActorOptions<T>) {
  const urgent = useRef(false);
  const [snapshot, setSnapshot] = useState<SnapshotFrom<T> | null>(null);
  // Stable, so useActorRef subscribes once; it subscribes before it starts the actor, so the first snapshot comes too.
  const show = useCallback((next: SnapshotFrom<T>) => {
    if (urgent.current) setSnapshot(next);
    else startTransition(() => setSnapshot(next));
  }, []);
  const actor = useActorRef(machine, options, show);
  const send = useCallback(
    (event: EventFrom<T>) => {
      urgent.current = true;
      try {
        actor.send(event);
      } finally {
        urgent.current = false;
      }
    },
    [actor],
  );
  const sendInBackground = useCallback((event: EventFrom<T>) => actor.send(event), [actor]);
  // Before the first subscription's answer (this render, the first), the actor's own snapshot.
  return { snapshot: snapshot ?? (actor.getSnapshot() as SnapshotFrom<T>), send, sendInBackground, actor };
}
