import { useCallback, useSyncExternalStore } from 'react';
import {
  SESSION_KINDS,
  SessionStore,
  sessionStorageKey,
  type KeyValueStorage,
  type Session,
  type SessionKind,
} from './session-store';

export type { Session, SessionKind } from './session-store';

// Outside a browser (unit tests, a server render) a map stands in for localStorage.
function browserStorage(): KeyValueStorage {
  if (typeof globalThis.localStorage !== 'undefined') return globalThis.localStorage;
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

// Customers and staff refresh at the same endpoint. Plain fetch, not the typed client: the
// client asks this store for its token, so using it here would go round in a circle.
async function refreshAtApi(refreshToken: string): Promise<Session | undefined> {
  try {
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    return response.ok ? ((await response.json()) as Session) : undefined;
  } catch {
    // Offline: keep the session; the request that needed it fails on its own.
    return undefined;
  }
}

/** The one session store of the app. */
export const sessions = new SessionStore({ storage: browserStorage(), refresh: refreshAtApi });

export const getSession = (kind: SessionKind): Session | null => sessions.get(kind);
export const setSession = (kind: SessionKind, session: Session): void => sessions.set(kind, session);
export const clearSession = (kind: SessionKind): void => sessions.clear(kind);

// A login or logout in another tab reaches this one through the storage event.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    for (const kind of SESSION_KINDS) if (event.key === sessionStorageKey(kind)) sessions.reload(kind);
  });
}

export interface SessionState {
  readonly session: Session | null;
  readonly signedIn: boolean;
  readonly setSession: (session: Session) => void;
  /** Ends the session at the API (best effort) and forgets it here. */
  readonly signOut: () => Promise<void>;
}

/** The session of `kind`, re-rendering on login, refresh and logout (in this tab or another). */
export function useSession(kind: SessionKind): SessionState {
  const subscribe = useCallback((listener: () => void) => sessions.subscribe(kind, listener), [kind]);
  const snapshot = useCallback(() => sessions.get(kind), [kind]);
  const session = useSyncExternalStore(subscribe, snapshot, snapshot);
  const set = useCallback((next: Session) => sessions.set(kind, next), [kind]);
  const signOut = useCallback(async () => {
    const token = sessions.get(kind)?.accessToken;
    sessions.clear(kind);
    if (!token) return;
    await fetch('/api/v1/auth/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    }).catch(() => undefined);
  }, [kind]);
  return { session, signedIn: session !== null, setSession: set, signOut };
}
