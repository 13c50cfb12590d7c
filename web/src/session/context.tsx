/**
 * Who is signed in, and which unit they are looking at. The session is probed only when this browser
 * signed in before (a flag in localStorage), so a first visit shows the login page without a failing
 * request. The chosen unit is kept too and passed to the API calls that take `unitId`.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { HttpClient } from '../api/client.js';
import { type Api, createApi } from '../api/endpoints.js';
import type { Session, Unit } from '../api/types.js';

const SIGNED_IN_KEY = 'fengxiang.signedIn';
const UNIT_KEY = 'fengxiang.unitId';

/** What {@link useSession} gives. */
export interface SessionState {
  api: Api;
  /** Null while signed out; undefined while the first probe runs. */
  session: Session | null | undefined;
  units: Unit[];
  /** The chosen unit, or null for every unit in scope. */
  unitId: string | null;
  setUnitId(unitId: string | null): void;
  can(permission: string): boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

function stored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage may be unavailable (private mode); the state still applies to this visit.
  }
}

/** Provides the session, the units and the API client. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null | undefined>(
    stored(SIGNED_IN_KEY) ? undefined : null,
  );
  const [units, setUnits] = useState<Unit[]>([]);
  const [unitId, setUnitState] = useState<string | null>(stored(UNIT_KEY));
  const api = useMemo(
    () =>
      createApi(
        new HttpClient({
          onUnauthenticated: () => {
            store(SIGNED_IN_KEY, null);
            setSession(null);
          },
        }),
      ),
    [],
  );
  const accept = useCallback(
    (next: Session) => {
      api.http.setCsrfToken(next.csrfToken);
      store(SIGNED_IN_KEY, '1');
      setSession(next);
    },
    [api],
  );
  useEffect(() => {
    if (session !== undefined) return;
    api.session().then(accept, () => setSession(null));
  }, [api, accept, session]);
  useEffect(() => {
    if (!session || !session.permissions.includes('units:read')) return;
    api.units().then(
      (list) => setUnits(list.items),
      () => setUnits([]),
    );
  }, [api, session]);
  const value = useMemo<SessionState>(
    () => ({
      api,
      session,
      units,
      unitId: units.some((unit) => unit.id === unitId) ? unitId : null,
      setUnitId: (next) => {
        store(UNIT_KEY, next);
        setUnitState(next);
      },
      can: (permission) => session?.permissions.includes(permission) ?? false,
      login: async (username, password) => accept(await api.login(username, password)),
      logout: async () => {
        await api.logout().catch(() => undefined);
        api.http.setCsrfToken(null);
        store(SIGNED_IN_KEY, null);
        setSession(null);
      },
    }),
    [api, session, units, unitId, accept],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session state. */
export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in session (inside the authenticated shell only). */
export function useSignedIn(): SessionState & { session: Session } {
  const state = useSession();
  if (!state.session) throw new Error('useSignedIn while signed out');
  return state as SessionState & { session: Session };
}
