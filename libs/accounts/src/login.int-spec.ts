import type { DataSource } from 'typeorm';
import { createDataSource } from '@haoma/db';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { AccountError } from './account-errors';
import { AccountsService } from './accounts.service';
import { authPolicy } from './auth-policy';
import { hashPassword, SCRYPT_TEST_PARAMS } from './password-hash';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

const registration = (email: string) => ({
  companyName: 'Shanghai Haoma Trading Co., Ltd.',
  contactName: 'Li Wei',
  email,
  mobile: '+86 138 0013 8000',
  password: 'correct horse 1',
});

async function refusal(promise: Promise<unknown>): Promise<AccountError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AccountError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('AccountsService: registration and login', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let now: Date;
  let accounts: AccountsService;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource({ url: db.url, poolSize: 4 });
    await ds.initialize();
    const config = testConfig(db.url, {
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCKOUT: '1m',
      LOGIN_LOCKOUT_MAX: '5m',
    });
    accounts = new AccountsService(ds, authPolicy(config), () => now);
  });
  beforeEach(() => {
    now = new Date('2030-01-01T00:00:00Z');
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('registers a customer with normalised fields and a scrypt hash, and opens a session', async () => {
    const issued = await accounts.register(registration('  New.Customer@Example.COM '), {
      ip: '203.0.113.9',
      userAgent: 'jest',
    });
    expect(issued.account).toMatchObject({
      kind: 'customer',
      email: 'new.customer@example.com',
      name: 'Li Wei',
      mobile: '13800138000',
      role: null,
    });
    const [row] = await ds.query(`SELECT password_hash FROM customers WHERE id = $1`, [issued.account.id]);
    expect(row.password_hash).toMatch(/^scrypt\$4096\$8\$1\$/);
    const [session] = await ds.query(`SELECT * FROM sessions WHERE id = $1`, [issued.sessionId]);
    expect(session).toMatchObject({
      account_kind: 'customer',
      account_id: issued.account.id,
      ip: '203.0.113.9',
    });
    expect(session.expires_at).toEqual(new Date(now.getTime() + 30 * 24 * 3600 * SECOND));
    expect(issued.accessTokenExpiresAt).toEqual(new Date(now.getTime() + 15 * MINUTE));
  });

  it('refuses an email registered before, in any letter case', async () => {
    await accounts.register(registration('taken@example.com'));
    const error = await refusal(accounts.register(registration('TAKEN@Example.com')));
    expect(error.code).toBe('EMAIL_TAKEN');
    expect(
      await ds.query(`SELECT count(*)::int AS n FROM customers WHERE email = 'taken@example.com'`),
    ).toEqual([{ n: 1 }]);
  });

  it('reports every invalid field with its code, before hashing anything', async () => {
    const error = await refusal(
      accounts.register({ companyName: '', contactName: 'Li', email: 'x', mobile: '123', password: 'short' }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.fields?.map((f) => [f.field, f.code])).toEqual([
      ['companyName', 'REQUIRED'],
      ['email', 'INVALID_EMAIL'],
      ['mobile', 'INVALID_MOBILE'],
      ['password', 'PASSWORD_TOO_SHORT'],
    ]);
  });

  it('logs in case-insensitively and answers the same for an unknown email and a wrong password', async () => {
    const { account } = await accounts.register(registration('login@example.com'));
    const issued = await accounts.login('customer', 'LOGIN@example.com', 'correct horse 1');
    expect(issued.account.id).toBe(account.id);
    const unknown = await refusal(accounts.login('customer', 'nobody@example.com', 'correct horse 1'));
    const wrong = await refusal(accounts.login('customer', 'login@example.com', 'wrong horse 1'));
    expect([unknown.code, unknown.message]).toEqual([wrong.code, wrong.message]);
    expect(wrong.code).toBe('INVALID_CREDENTIALS');
    // A customer is not a staff member.
    expect((await refusal(accounts.login('staff', 'login@example.com', 'correct horse 1'))).code).toBe(
      'INVALID_CREDENTIALS',
    );
  });

  it('locks after LOGIN_MAX_FAILURES failures, doubles the lock, and lets the real user in after it', async () => {
    const { account } = await accounts.register(registration('locked@example.com'));
    const attempt = (password: string) => accounts.login('customer', 'locked@example.com', password);

    expect((await refusal(attempt('guess 1 guess'))).code).toBe('INVALID_CREDENTIALS');
    expect((await refusal(attempt('guess 2 guess'))).code).toBe('INVALID_CREDENTIALS');
    const third = await refusal(attempt('guess 3 guess'));
    expect([third.code, third.details.retryAfterSeconds]).toEqual(['ACCOUNT_LOCKED', 60]);

    // While locked even the right password is refused, and attempts do not lengthen the lock.
    now = new Date(now.getTime() + 30 * SECOND);
    for (let i = 0; i < 5; i++) {
      const locked = await refusal(attempt(i === 0 ? 'correct horse 1' : 'guess again 1'));
      expect([locked.code, locked.details.retryAfterSeconds]).toEqual(['ACCOUNT_LOCKED', 30]);
    }

    // After the lock one more failure locks for twice as long.
    now = new Date(now.getTime() + 30 * SECOND);
    expect((await refusal(attempt('guess 4 guess'))).details.retryAfterSeconds).toBe(120);
    now = new Date(now.getTime() + 2 * MINUTE);
    expect((await refusal(attempt('guess 5 guess'))).details.retryAfterSeconds).toBe(240);
    now = new Date(now.getTime() + 4 * MINUTE);
    // Capped at LOGIN_LOCKOUT_MAX (5m).
    expect((await refusal(attempt('guess 6 guess'))).details.retryAfterSeconds).toBe(300);

    now = new Date(now.getTime() + 5 * MINUTE);
    const issued = await attempt('correct horse 1');
    expect(issued.account.id).toBe(account.id);
    const [row] = await ds.query(
      `SELECT failed_logins, locked_until, last_login_at FROM customers WHERE id = $1`,
      [account.id],
    );
    expect(row).toEqual({ failed_logins: 0, locked_until: null, last_login_at: now });
  });

  it('counts concurrent failures exactly once each', async () => {
    await accounts.register(registration('racing@example.com'));
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        accounts.login('customer', 'racing@example.com', `wrong guess ${i}`),
      ),
    );
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as AccountError).code : 'ok'));
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(2);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(4);
    const [row] = await ds.query(`SELECT failed_logins FROM customers WHERE email = 'racing@example.com'`);
    expect(row.failed_logins).toBe(3);
  });

  it('upgrades a hash made with other parameters at the next login', async () => {
    const { account } = await accounts.register(registration('upgrade@example.com'));
    const old = await hashPassword('correct horse 1', { N: 2 ** 10, r: 8, p: 1 });
    await ds.query(`UPDATE customers SET password_hash = $2 WHERE id = $1`, [account.id, old]);
    await accounts.login('customer', 'upgrade@example.com', 'correct horse 1');
    const [row] = await ds.query(`SELECT password_hash FROM customers WHERE id = $1`, [account.id]);
    expect(row.password_hash).toMatch(new RegExp(`^scrypt\\$${SCRYPT_TEST_PARAMS.N}\\$`));
    await accounts.login('customer', 'upgrade@example.com', 'correct horse 1');
  });
});
