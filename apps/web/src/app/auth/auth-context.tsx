import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, refreshSession, setSessionLostHandler, unwrap } from '@web/api/client';
import type { components } from '@web/api/schema';
import { authTokens } from '@web/lib/auth-tokens';

/** The signed-in account (GET /api/auth/me). */
export type Account = components['schemas']['UserViewDto'];
export type RoleName = Account['roles'][number];

/** The staff roles: an account with one of them works in the console (/console), not the bidder area. */
export const STAFF_ROLES: readonly RoleName[] = ['admin', 'reserve_officer', 'trading_officer', 'pricing_committee', 'supervisor', 'finance_officer'];

export function isStaff(roles: readonly RoleName[]): boolean {
  return roles.some((r) => STAFF_ROLES.includes(r));
}

export interface Auth {
  account: Account | null;
  /** True until a stored session has been tried. */
  restoring: boolean;
  login(username: string, password: string): Promise<Account>;
  logout(): Promise<void>;
  hasRole(role: RoleName): boolean;
}

const AuthContext = createContext<Auth | null>(null);

async function loadAccount(): Promise<Account> {
  return unwrap(api.GET('/api/auth/me'));
}

/** The session: restored from the stored refresh token on load, lost when it cannot be refreshed. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account | null>(null);
  const [restoring, setRestoring] = useState(() => authTokens.refresh() !== null);

  useEffect(() => {
    setSessionLostHandler(() => setAccount(null));
    if (authTokens.refresh() === null) return;
    let live = true;
    void (async () => {
      try {
        if (await refreshSession()) {
          const me = await loadAccount();
          if (live) setAccount(me);
        }
      } catch {
        authTokens.clear();
      } finally {
        if (live) setRestoring(false);
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const pair = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
    authTokens.set(pair);
    const me = await loadAccount();
    setAccount(me);
    return me;
  }, []);

  const logout = useCallback(async () => {
    const refreshToken = authTokens.refresh();
    authTokens.clear();
    setAccount(null);
    if (refreshToken) await api.POST('/api/auth/logout', { body: { refreshToken } }).catch(() => undefined);
  }, []);

  const value = useMemo<Auth>(
    () => ({ account, restoring, login, logout, hasRole: (role) => account?.roles.includes(role) ?? false }),
    [account, restoring, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth needs <AuthProvider>');
  return auth;
}
