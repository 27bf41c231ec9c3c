import type { DataSource } from 'typeorm';
import { verifyPassword } from '@haoma/accounts';
import { createDataSource } from '@haoma/db';
import { checkPassword } from '@haoma/domain';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { generatePassword, staffCommand } from './staff.command';

describe('haoma staff', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let out: string;
  let err: string;
  const config = () => testConfig(db.url);

  async function run(...args: string[]): Promise<number> {
    out = '';
    err = '';
    process.exitCode = undefined;
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err += String(chunk);
      return true;
    });
    try {
      await staffCommand(config(), args);
      return Number(process.exitCode ?? 0);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      process.exitCode = undefined;
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource({ url: db.url, poolSize: 1 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('creates the first admin with a generated password, printed once, that logs in', async () => {
    expect(await run('create', '--email', 'Root@Haoma.CN', '--name', 'Zhang Min', '--role', 'admin')).toBe(0);
    const password = /^password: (\S+)$/m.exec(out)?.[1] ?? '';
    expect(password).not.toBe('');
    expect(checkPassword(password)).toBeUndefined();
    const [row] = await dataSource.query(
      `SELECT id, role, active, password_hash FROM staff_members WHERE email = 'root@haoma.cn'`,
    );
    expect(row).toMatchObject({ role: 'admin', active: true });
    expect(out).toContain(`created staff member ${row.id}: root@haoma.cn (Zhang Min), role admin`);
    expect(await verifyPassword(password, row.password_hash)).toBe(true);
  });

  it('uses --password when given and does not print it', async () => {
    expect(
      await run(
        'create',
        '--email',
        'sales@haoma.cn',
        '--name',
        'Chen',
        '--role',
        'sales',
        '--password',
        'Given pass 123',
      ),
    ).toBe(0);
    expect(out).not.toContain('Given pass 123');
    expect(out).not.toMatch(/^password:/m);
    const [row] = await dataSource.query(
      `SELECT password_hash FROM staff_members WHERE email = 'sales@haoma.cn'`,
    );
    expect(await verifyPassword('Given pass 123', row.password_hash)).toBe(true);
  });

  it.each<[string[], number, RegExp]>([
    [['create', '--email', 'ROOT@haoma.cn', '--name', 'Again', '--role', 'admin'], 65, /exists already/],
    [
      ['create', '--email', 'a@haoma.cn', '--name', 'A', '--role', 'sales', '--password', 'short'],
      65,
      /--password: .*PASSWORD_TOO_SHORT/,
    ],
    [['create', '--email', 'nope', '--name', 'A', '--role', 'sales'], 65, /--email: .*INVALID_EMAIL/],
    [
      ['create', '--email', 'b@haoma.cn', '--name', 'B', '--role', 'root'],
      64,
      /--role must be one of sales, reviewer, admin/,
    ],
    [['create', '--email', 'c@haoma.cn'], 64, /needs --email, --name and --role/],
    [
      ['create', '--email', 'd@haoma.cn', '--name', 'D', '--role', 'sales', '--bogus'],
      64,
      /usage: haoma staff/,
    ],
    [['promote'], 64, /unknown command "promote"/],
    [[], 64, /missing command/],
    [['deactivate', '--email', 'ghost@haoma.cn'], 65, /no staff member has email ghost@haoma.cn/],
    [['deactivate', '--email', 'root@haoma.cn'], 65, /last active admin/],
  ])('staff %j exits %i', async (args, code, message) => {
    expect(await run(...args)).toBe(code);
    expect(err).toMatch(message);
  });

  it('deactivates a member and revokes its sessions', async () => {
    const [member] = await dataSource.query(`SELECT id FROM staff_members WHERE email = 'sales@haoma.cn'`);
    await dataSource.query(
      `INSERT INTO sessions (account_kind, account_id, expires_at) VALUES ('staff', $1, now() + interval '1 day')`,
      [member.id],
    );
    expect(await run('deactivate', '--email', 'Sales@Haoma.cn')).toBe(0);
    expect(out).toContain('deactivated staff member');
    expect(await dataSource.query(`SELECT active FROM staff_members WHERE id = $1`, [member.id])).toEqual([
      { active: false },
    ]);
    expect(
      await dataSource.query(`SELECT revoked_reason FROM sessions WHERE account_id = $1`, [member.id]),
    ).toEqual([{ revoked_reason: 'account_deactivated' }]);
  });

  it('generates passwords the policy accepts, different each time', () => {
    const passwords = Array.from({ length: 50 }, generatePassword);
    expect(new Set(passwords).size).toBe(50);
    for (const password of passwords)
      expect([password, checkPassword(password)]).toEqual([password, undefined]);
  });
});
