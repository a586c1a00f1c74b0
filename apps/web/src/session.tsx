import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SessionInfo } from '@lovisa/domain';
import { api } from './api/client';

interface SessionState {
  session: SessionInfo | null;
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState>({ session: null, refresh: async () => {}, logout: async () => {} });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null>(null);
  const refresh = useCallback(async () => {
    try {
      setSession(await api.session());
    } catch {
      setSession({ authenticated: false, user: null });
    }
  }, []);
  const logout = useCallback(async () => {
    await api.logout().catch(() => {});
    setSession({ authenticated: false, user: null });
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <SessionContext.Provider value={{ session, refresh, logout }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);
