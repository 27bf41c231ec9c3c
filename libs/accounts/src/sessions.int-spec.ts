import type { DataSource } from 'typeorm';
import { createDataSource } from '@haoma/db';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { AccountError } from './account-errors';
import { AccountsService, type IssuedSession } from './accounts.service';
import { authPolicy } from './auth-policy';
import { hashRefreshToken, purgeEndedSessions } from './sessions';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function refusal(promise: Promise<unknown>): Promise<AccountError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AccountError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('AccountsService: sessions and refresh-token rotation', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let now: Date;
  let accounts: AccountsService;
  let serial = 0;

  const register = (): Promise<IssuedSession> =>
    accounts.register({
      companyName: 'Beijing Number Co.',
      contactName: 'Wang Fang',
      email: `user${++serial}@example.com`,
      mobile: '13912345678',
      password: 'correct horse 1',
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource({ url: db.url, poolSize: 6 });
    await ds.initialize();
    accounts = new AccountsService(
      ds,
      authPolicy(testConfig(db.url, { ACCESS_TOKEN_TTL: '10m', SESSION_TTL: '7d' })),
      () => now,
    );
  });
  beforeEach(() => {
    now = new Date('2030-01-01T00:00:00Z');
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('authenticates an access token while its session lives', async () => {
    const issued = await register();
    expect(await accounts.authenticate(issued.accessToken)).toEqual({
      kind: 'customer',
      id: issued.account.id,
      role: null,
      sessionId: issued.sessionId,
    });
    now = new Date(now.getTime() + 10 * MINUTE);
    expect((await refusal(accounts.authenticate(issued.accessToken))).code).toBe('TOKEN_EXPIRED');
    expect((await refusal(accounts.authenticate(`${issued.accessToken}x`))).code).toBe('UNAUTHENTICATED');
  });

  it('rotates: each refresh token works once and yields a new pair', async () => {
    const first = await register();
    const t0 = now;
    const t1 = (now = new Date(t0.getTime() + 5 * MINUTE));
    const second = await accounts.refresh(first.refreshToken);
    expect(second.sessionId).toBe(first.sessionId);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshTokenExpiresAt).toEqual(first.refreshTokenExpiresAt);
    const t2 = (now = new Date(t1.getTime() + 5 * MINUTE));
    const third = await accounts.refresh(second.refreshToken);
    expect(await accounts.authenticate(third.accessToken)).toMatchObject({ sessionId: first.sessionId });

    const tokens = await ds.query(
      `SELECT token_hash, created_at, used_at FROM refresh_tokens WHERE session_id = $1 ORDER BY created_at`,
      [first.sessionId],
    );
    expect(tokens).toEqual([
      { token_hash: hashRefreshToken(first.refreshToken), created_at: t0, used_at: t1 },
      { token_hash: hashRefreshToken(second.refreshToken), created_at: t1, used_at: t2 },
      { token_hash: hashRefreshToken(third.refreshToken), created_at: t2, used_at: null },
    ]);
    // Only hashes are stored.
    expect(JSON.stringify(tokens)).not.toContain(third.refreshToken);
  });

  it('revokes the whole session when a used refresh token comes back', async () => {
    const first = await register();
    const second = await accounts.refresh(first.refreshToken);

    const reuse = await refusal(accounts.refresh(first.refreshToken));
    expect(reuse.code).toBe('SESSION_REVOKED');
    expect(reuse.message).toMatch(/used before/);
    const [session] = await ds.query(`SELECT revoked_at, revoked_reason FROM sessions WHERE id = $1`, [
      first.sessionId,
    ]);
    expect(session).toEqual({ revoked_at: now, revoked_reason: 'refresh_token_reuse' });
    // The thief's pair and the owner's pair are both dead.
    expect((await refusal(accounts.refresh(second.refreshToken))).code).toBe('SESSION_REVOKED');
    expect((await refusal(accounts.authenticate(second.accessToken))).code).toBe('SESSION_REVOKED');
  });

  it('lets exactly one of many concurrent refreshes with one token through, and then revokes', async () => {
    const issued = await register();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => accounts.refresh(issued.refreshToken)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') expect((r.reason as AccountError).code).toBe('SESSION_REVOKED');
    const [session] = await ds.query(`SELECT revoked_reason FROM sessions WHERE id = $1`, [issued.sessionId]);
    expect(session.revoked_reason).toBe('refresh_token_reuse');
  });

  it('refuses unknown and malformed refresh tokens without touching any session', async () => {
    for (const token of ['', 'x', 'A'.repeat(43), `${'A'.repeat(42)}=`, 'A'.repeat(500)])
      expect([token, (await refusal(accounts.refresh(token))).code]).toEqual([
        token,
        'INVALID_REFRESH_TOKEN',
      ]);
  });

  it('ends the session at its absolute expiry, however often it was refreshed', async () => {
    let issued = await register();
    for (let day = 1; day <= 6; day++) {
      now = new Date(now.getTime() + DAY);
      issued = await accounts.refresh(issued.refreshToken);
    }
    now = new Date(now.getTime() + DAY);
    expect((await refusal(accounts.refresh(issued.refreshToken))).code).toBe('INVALID_REFRESH_TOKEN');
    expect((await refusal(accounts.authenticate(issued.accessToken))).code).toMatch(
      /TOKEN_EXPIRED|SESSION_REVOKED/,
    );
  });

  it('logout revokes the session at once: its access and refresh tokens stop working', async () => {
    const issued = await register();
    const other = await accounts.login('customer', issued.account.email, 'correct horse 1');
    await accounts.logout(issued.sessionId);
    expect((await refusal(accounts.authenticate(issued.accessToken))).code).toBe('SESSION_REVOKED');
    expect((await refusal(accounts.refresh(issued.refreshToken))).code).toBe('SESSION_REVOKED');
    // Other sessions of the same account are untouched; logging out twice is harmless.
    expect((await accounts.authenticate(other.accessToken)).sessionId).toBe(other.sessionId);
    await accounts.logout(issued.sessionId);
  });

  it('purges sessions that ended long ago, with their refresh tokens', async () => {
    const old = await register();
    await accounts.logout(old.sessionId);
    const live = await register();
    const purged = await purgeEndedSessions(ds.manager, new Date(now.getTime() + 1));
    expect(purged).toBeGreaterThanOrEqual(1);
    expect(
      await ds.query(`SELECT id FROM sessions WHERE id = ANY($1)`, [[old.sessionId, live.sessionId]]),
    ).toEqual([{ id: live.sessionId }]);
    expect(await ds.query(`SELECT 1 FROM refresh_tokens WHERE session_id = $1`, [old.sessionId])).toEqual([]);
  });
});
