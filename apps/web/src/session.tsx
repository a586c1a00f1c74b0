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

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const load = useCallback(async () => {
    try {
      setSession(await authApi.session());
    } catch {
      setSession(signedOut);
    }
  }, []);
  const refresh = useCallback(async () => {
    // Someone else may be signed in now: what was fetched for the last person is not theirs to see.
    forgetVisitAnswers();
    await load();
  }, [load]);
  const logout = useCallback(async () => {
    await authApi.logout().catch(() => {});
    forgetVisitAnswers();
    setSession(signedOut);
  }, []);
  // The first load forgets nothing: what the page asked for early (askEarly) is this visitor's.
  useEffect(() => {
    void load();
  }, [load]);
  return <SessionContext.Provider value={{ session, refresh, logout }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);
