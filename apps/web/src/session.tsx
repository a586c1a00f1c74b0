import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { authApi, forgetVisitAnswers, type Session } from './api/http';

export type { Session };

interface SessionState {
  session: Session | null;
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

const signedOut: Session = { authenticated: false, user: null, kiosk: false };
const SessionContext = createContext<SessionState>({ session: null, refresh: async () => {}, logout: async () => {} });

/**
 * Who is signed in, asked for as the entry starts (main.tsx), which renders once it knows (or has waited long
 * enough): the header is drawn once, with the visitor's name, and the page below does not move when it comes.
 */
let asked: Promise<Session> | undefined;
export const askSession = (): Promise<Session> => (asked = authApi.session().catch(() => signedOut));

/** `first`: the answer the entry waited for; without one (it took too long) the provider waits on for it. */
export function SessionProvider({ children, first }: { children: ReactNode; first: Session | null }) {
  const [session, setSession] = useState<Session | null>(first);
  const load = useCallback(async () => {
    try {
      setSession(await authApi.session());
    } catch {
      setSession(signedOut);
    }
  }, []);
  const refresh = useCallback(async () => {
    // Someone else may be signed in now: what was fetched for the last person is not theirs to see.
    asked = undefined;
    forgetVisitAnswers();
    await load();
  }, [load]);
  const logout = useCallback(async () => {
    asked = undefined;
    await authApi.logout().catch(() => {});
    forgetVisitAnswers();
    setSession(signedOut);
  }, []);
  // The first load forgets nothing: what the page asked for early is this visitor's, and still on its way.
  const known = first !== null;
  useEffect(() => {
    if (known) return;
    const pending = asked;
    // Unless a login or logout has asked again since.
    if (pending) void pending.then((s) => asked === pending && setSession(s));
    else void load();
  }, [load, known]);
  return <SessionContext.Provider value={{ session, refresh, logout }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);
