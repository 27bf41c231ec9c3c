import type { DataSource } from 'typeorm';
import { createDataSource } from '@haoma/db';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { AccountError } from './account-errors';
import { AccountsService } from './accounts.service';
import { authPolicy } from './auth-policy';
import { verifyPassword } from './password-hash';
import { createStaffMember, deactivateStaffMember, listStaffMembers } from './staff-members';

async function refusal(promise: Promise<unknown>): Promise<AccountError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AccountError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('staff members', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let accounts: AccountsService;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = createDataSource({ url: db.url, poolSize: 4 });
    await ds.initialize();
    accounts = new AccountsService(ds, authPolicy(testConfig(db.url)));
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('creates a member with a production-strength hash by default', async () => {
    const member = await createStaffMember(ds, {
      email: ' Root@Haoma.CN ',
      name: 'Zhang  Min',
      role: 'admin',
      password: 'Sup3r secret pw',
    });
    expect(member).toMatchObject({
      kind: 'staff',
      email: 'root@haoma.cn',
      name: 'Zhang Min',
      role: 'admin',
      active: true,
    });
    const [row] = await ds.query(`SELECT password_hash FROM staff_members WHERE id = $1`, [member.id]);
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('Sup3r secret pw', row.password_hash)).toBe(true);
  });

  it('refuses a taken email, bad fields and an unknown role, with codes', async () => {
    const taken = await refusal(
      createStaffMember(ds, {
        email: 'ROOT@haoma.cn',
        name: 'Again',
        role: 'sales',
        password: 'Sup3r secret pw',
      }),
    );
    expect(taken.code).toBe('EMAIL_TAKEN');
    const invalid = await refusal(
      createStaffMember(ds, {
        email: 'nope',
        name: '',
        role: 'root' as 'admin',
        password: 'password',
      }),
    );
    expect(invalid.code).toBe('VALIDATION_FAILED');
    expect(invalid.details.fields?.map((f) => [f.field, f.code])).toEqual([
      ['email', 'INVALID_EMAIL'],
      ['name', 'REQUIRED'],
      ['password', 'PASSWORD_TOO_SHORT'],
      ['role', 'INVALID_ROLE'],
    ]);
  });

  it('deactivation revokes every session and stops logins; the role rides in the token', async () => {
    await accounts.createStaffMember({
      email: 'sales@haoma.cn',
      name: 'Chen Jie',
      role: 'sales',
      password: 'Sales pass 123',
    });
    const one = await accounts.login('staff', 'sales@haoma.cn', 'Sales pass 123');
    const two = await accounts.login('staff', 'sales@haoma.cn', 'Sales pass 123');
    expect(await accounts.authenticate(one.accessToken)).toMatchObject({ kind: 'staff', role: 'sales' });

    const deactivated = await accounts.deactivateStaffMember(one.account.id);
    expect(deactivated.active).toBe(false);
    for (const session of [one, two]) {
      expect((await refusal(accounts.authenticate(session.accessToken))).code).toBe('SESSION_REVOKED');
      expect((await refusal(accounts.refresh(session.refreshToken))).code).toBe('SESSION_REVOKED');
    }
    expect((await refusal(accounts.login('staff', 'sales@haoma.cn', 'Sales pass 123'))).code).toBe(
      'ACCOUNT_DISABLED',
    );
    // A wrong password does not reveal that the account is disabled.
    expect((await refusal(accounts.login('staff', 'sales@haoma.cn', 'Wrong pass 123'))).code).toBe(
      'INVALID_CREDENTIALS',
    );
    expect((await refusal(deactivateStaffMember(ds, '00000000-0000-4000-8000-000000000000'))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('never deactivates the last active admin, even when two admins deactivate each other at once', async () => {
    const [root] = await ds.query(`SELECT id FROM staff_members WHERE email = 'root@haoma.cn'`);
    expect((await refusal(deactivateStaffMember(ds, root.id))).code).toBe('CONFLICT');

    const second = await accounts.createStaffMember({
      email: 'admin2@haoma.cn',
      name: 'Second Admin',
      role: 'admin',
      password: 'Admin pass 123',
    });
    const results = await Promise.allSettled([
      deactivateStaffMember(ds, root.id),
      deactivateStaffMember(ds, second.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM staff_members WHERE role = 'admin' AND active`,
    );
    expect(n).toBe(1);
  });

  it('lists members in pages that cover everyone exactly once', async () => {
    for (let i = 0; i < 5; i++)
      await accounts.createStaffMember({
        email: `reviewer${i}@haoma.cn`,
        name: `Reviewer ${i}`,
        role: 'reviewer',
        password: 'Review pass 123',
      });
    const [{ total }] = await ds.query(`SELECT count(*)::int AS total FROM staff_members`);
    const seen: string[] = [];
    let page = await listStaffMembers(ds.manager, { limit: 2 });
    seen.push(...page.members.map((m) => m.id));
    while (page.next) {
      page = await listStaffMembers(ds.manager, { limit: 2, after: page.next });
      expect(page.members.length).toBeGreaterThan(0);
      seen.push(...page.members.map((m) => m.id));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });
});
