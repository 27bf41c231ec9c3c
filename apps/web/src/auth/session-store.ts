import type { components } from '../api/schema';

/** The two kinds of account the web app signs in: businesses (storefront) and staff (console). */
export type SessionKind = 'customer' | 'staff';
export const SESSION_KINDS: readonly SessionKind[] = ['customer', 'staff'];

/** What login, registration and refresh return; kept as is so nothing is lost on reload. */
export type Session = components['schemas']['SessionResponse'];

/** The part of `localStorage` the store uses, so tests can hand in a plain map. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SessionStoreOptions {
  readonly storage: KeyValueStorage;
  /** POST /api/v1/auth/refresh: the next session, or undefined when the refresh token is refused. */
  readonly refresh: (refreshToken: string) => Promise<Session | undefined>;
  readonly now?: () => number;
}

// An access token this close to its expiry is refreshed before use: the request it is for
// would otherwise race the expiry on the way to the server.
const EXPIRY_MARGIN_MS = 15_000;

const storageKey = (kind: SessionKind) => `haoma.session.${kind}`;

function isSession(value: unknown): value is Session {
  const s = value as Partial<Session> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.accessToken === 'string' &&
    typeof s.refreshToken === 'string' &&
    typeof s.accessTokenExpiresAt === 'string' &&
    typeof s.refreshTokenExpiresAt === 'string' &&
    typeof s.account === 'object' &&
    s.account !== null
  );
}

/**
 * The token store of both kinds of account, one slot per kind (a salesperson can test the
 * storefront as a customer in the same browser). Persisted so a reload keeps the session;
 * `accessToken()` refreshes an expired token once, however many requests ask at the same time
 * (a refresh token works once: two parallel refreshes would end the session).
 */
export class SessionStore {
  private readonly listeners = new Map<SessionKind, Set<() => void>>();
  private readonly cache = new Map<SessionKind, Session | null>();
  private readonly refreshing = new Map<SessionKind, Promise<string | undefined>>();
  private readonly now: () => number;

  constructor(private readonly options: SessionStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The stored session, or null; a session whose refresh token has expired counts as none. */
  get(kind: SessionKind): Session | null {
    if (!this.cache.has(kind)) this.cache.set(kind, this.read(kind));
    const session = this.cache.get(kind) ?? null;
    if (session && Date.parse(session.refreshTokenExpiresAt) <= this.now()) {
      this.clear(kind);
      return null;
    }
    return session;
  }

  set(kind: SessionKind, session: Session): void {
    this.options.storage.setItem(storageKey(kind), JSON.stringify(session));
    this.cache.set(kind, session);
    this.emit(kind);
  }

  clear(kind: SessionKind): void {
    this.options.storage.removeItem(storageKey(kind));
    const had = this.cache.get(kind) !== null;
    this.cache.set(kind, null);
    if (had) this.emit(kind);
  }

  /** Called on every change of `kind`'s session (for React's useSyncExternalStore). */
  subscribe(kind: SessionKind, listener: () => void): () => void {
    let set = this.listeners.get(kind);
    if (!set) this.listeners.set(kind, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Forget the cached copy, e.g. when another tab changed the stored one. */
  reload(kind: SessionKind): void {
    this.cache.delete(kind);
    this.emit(kind);
  }

  /** A usable access token, refreshing it first when it has expired; undefined when signed out. */
  async accessToken(kind: SessionKind): Promise<string | undefined> {
    const session = this.get(kind);
    if (!session) return undefined;
    if (Date.parse(session.accessTokenExpiresAt) - EXPIRY_MARGIN_MS > this.now()) return session.accessToken;
    return this.refreshNow(kind);
  }

  /** Exchange the refresh token now (also after a 401); signs out when it is refused. */
  refreshNow(kind: SessionKind): Promise<string | undefined> {
    const pending = this.refreshing.get(kind);
    if (pending) return pending;
    const session = this.get(kind);
    if (!session) return Promise.resolve(undefined);
    const run = this.options
      .refresh(session.refreshToken)
      .then((next) => {
        if (!next) {
          this.clear(kind);
          return undefined;
        }
        this.set(kind, next);
        return next.accessToken;
      })
      .finally(() => this.refreshing.delete(kind));
    this.refreshing.set(kind, run);
    return run;
  }

  private read(kind: SessionKind): Session | null {
    const raw = this.options.storage.getItem(storageKey(kind));
    if (raw === null) return null;
    try {
      const value: unknown = JSON.parse(raw);
      return isSession(value) ? value : null;
    } catch {
      return null;
    }
  }

  private emit(kind: SessionKind): void {
    for (const listener of this.listeners.get(kind) ?? []) listener();
  }
}

/** The storage key of a kind's session, for a `storage` event listener. */
export function sessionStorageKey(kind: SessionKind): string {
  return storageKey(kind);
}
