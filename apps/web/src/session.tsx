import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { z } from 'zod';
import { SessionInfoSchema } from '@lovisa/domain';
import { api } from './api/client';
import { json } from './features/kiosk/kioskApi';

/** GET /api/session: who is signed in, and whether the login started at a town-hall kiosk. */
const SessionAnswerSchema = SessionInfoSchema.extend({ kiosk: z.boolean().default(false) });
export type Session = z.infer<typeof SessionAnswerSchema>;

interface SessionState {
  session: Session | null;
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

const signedOut: Session = { authenticated: false, user: null, kiosk: false };
const SessionContext = createContext<SessionState>({ session: null, refresh: async () => {}, logout: async () => {} });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const refresh = useCallback(async () => {
    try {
      setSession(await json(SessionAnswerSchema, 'GET', '/api/session'));
    } catch {
      setSession(signedOut);
    }
  }, []);
  const logout = useCallback(async () => {
    await api.logout().catch(() => {});
    setSession(signedOut);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <SessionContext.Provider value={{ session, refresh, logout }}>{children}</SessionContext.Provider>;
}

export const useSession = () => useContext(SessionContext);
