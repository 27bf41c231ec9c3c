import { SessionStore, type KeyValueStorage, type Session } from './session-store';

const T0 = Date.parse('2026-03-01T00:00:00Z');

function memory(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

function session(access: string, accessFor: number, refreshFor = 86_400_000): Session {
  return {
    account: {
      kind: 'customer',
      id: '00000000-0000-4000-8000-000000000001',
      email: 'li@example.com',
      name: '李伟',
      companyName: '上海号码科技有限公司',
      mobile: '13800138000',
      role: null,
      active: true,
      createdAt: new Date(T0).toISOString(),
    },
    tokenType: 'Bearer',
    accessToken: access,
    accessTokenExpiresAt: new Date(T0 + accessFor).toISOString(),
    refreshToken: `r-${access}`,
    refreshTokenExpiresAt: new Date(T0 + refreshFor).toISOString(),
  };
}

function setup(refreshed?: Session) {
  const storage = memory();
  let now = T0;
  const refreshCalls: string[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const store = new SessionStore({
    storage,
    now: () => now,
    refresh: async (token) => {
      refreshCalls.push(token);
      await gate;
      return refreshed;
    },
  });
  return { store, storage, refreshCalls, release, advance: (ms: number) => (now += ms) };
}

describe('SessionStore', () => {
  it('keeps one session per kind, persisted across store instances', () => {
    const { store, storage } = setup();
    store.set('customer', session('c1', 60_000));
    expect(store.get('staff')).toBeNull();
    const again = new SessionStore({ storage, refresh: async () => undefined, now: () => T0 });
    expect(again.get('customer')?.accessToken).toBe('c1');
    again.clear('customer');
    expect(storage.map.size).toBe(0);
  });

  it('ignores a corrupt stored value', () => {
    const { store, storage } = setup();
    storage.setItem('haoma.session.customer', '{not json');
    expect(store.get('customer')).toBeNull();
    storage.setItem('haoma.session.staff', JSON.stringify({ accessToken: 1 }));
    expect(store.get('staff')).toBeNull();
  });

  it('hands out a live access token without refreshing', async () => {
    const { store, refreshCalls } = setup();
    store.set('customer', session('c1', 60_000));
    await expect(store.accessToken('customer')).resolves.toBe('c1');
    expect(refreshCalls).toEqual([]);
  });

  it('refreshes an expiring token once for concurrent callers and stores the next session', async () => {
    const { store, refreshCalls, release, advance } = setup(session('c2', 60_000 * 10));
    store.set('customer', session('c1', 60_000));
    advance(50_000); // within the margin before expiry
    const seen: number[] = [];
    store.subscribe('customer', () => seen.push(1));
    const a = store.accessToken('customer');
    const b = store.accessToken('customer');
    release();
    await expect(Promise.all([a, b])).resolves.toEqual(['c2', 'c2']);
    expect(refreshCalls).toEqual(['r-c1']);
    expect(store.get('customer')?.accessToken).toBe('c2');
    expect(seen.length).toBe(1);
  });

  it('signs out when the refresh token is refused', async () => {
    const { store, release, advance } = setup(undefined);
    store.set('staff', session('s1', 1_000));
    advance(2_000);
    release();
    await expect(store.accessToken('staff')).resolves.toBeUndefined();
    expect(store.get('staff')).toBeNull();
  });

  it('drops a session whose refresh token has expired', async () => {
    const { store, advance, refreshCalls } = setup();
    store.set('customer', session('c1', 1_000, 10_000));
    advance(10_000);
    await expect(store.accessToken('customer')).resolves.toBeUndefined();
    expect(refreshCalls).toEqual([]);
  });
});
