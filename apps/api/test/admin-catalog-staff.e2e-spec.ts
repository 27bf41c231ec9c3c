import { createStaff, loginStaff, registerCustomer } from './accounts.fixtures';
import { currentAgreementRefs, startOrdersEnv, type ErrorBody, type OrdersEnv } from './orders.fixtures';
import { signedOrder, STANDARD_NUMBERS } from './payments.fixtures';

type Headers = Record<string, string>;
type Version = {
  id: string;
  code?: string;
  kind?: string;
  version: number;
  retiredAt: string | null;
} & Record<string, unknown>;

describe('admin catalog versions and staff accounts (e2e)', () => {
  let env: OrdersEnv;
  let admin: Headers;
  let adminId: string;
  let sales: Headers;

  beforeAll(async () => {
    env = await startOrdersEnv(STANDARD_NUMBERS);
    const member = await createStaff(env.dataSource, 'admin');
    adminId = member.id;
    admin = (await loginStaff(env.url, member.email, member.password)).headers;
    const seller = await createStaff(env.dataSource, 'sales');
    sales = (await loginStaff(env.url, seller.email, seller.password)).headers;
  });
  afterAll(async () => {
    await env?.close();
  });

  const basicPlan = {
    code: 'basic',
    name: 'Basic',
    nameZh: '基础套餐',
    annualFeeFen: 999_900,
    termMonths: 12,
    perMinuteFen: 30,
    allowedGrades: ['standard'],
  };

  it('publishes a new plan version; an order priced before keeps its plan and price lines, its signature its agreement', async () => {
    const customer = await registerCustomer(env.url);
    const order = await signedOrder(env, customer, STANDARD_NUMBERS[0]);
    const snapshot = async () =>
      (
        (await env.dataSource.query(
          `SELECT o.plan_id, o.price_lines, o.total_fen, array_agg(s.agreement_id ORDER BY s.agreement_id) AS agreements
           FROM orders o JOIN order_signatures s ON s.order_id = o.id WHERE o.id = $1 GROUP BY o.id`,
          [order.id],
        )) as Record<string, unknown>[]
      )[0];
    const before = await snapshot();

    expect((await env.call('POST', '/api/v1/admin/plans', { headers: sales, body: basicPlan })).status).toBe(
      403,
    );
    const published = await env.call<Version>('POST', '/api/v1/admin/plans', {
      headers: admin,
      body: basicPlan,
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      code: 'basic',
      version: 2,
      retiredAt: null,
      annualFeeFen: 999_900,
    });
    const conflict = await env.call('POST', '/api/v1/admin/plans', {
      headers: admin,
      body: { ...basicPlan, basedOnVersion: 1 },
    });
    expect([conflict.status, conflict.body.code]).toEqual([409, 'CATALOG_VERSION_CONFLICT']);
    const badGrade = await env.call('POST', '/api/v1/admin/plans', {
      headers: admin,
      body: { ...basicPlan, allowedGrades: ['gold', 'nope'] },
    });
    expect(badGrade.status).toBe(400);
    const badCode = await env.call('POST', '/api/v1/admin/plans', {
      headers: admin,
      body: { ...basicPlan, code: 'Bad Code' },
    });
    expect([badCode.status, badCode.body.code]).toEqual([400, 'CATALOG_INVALID']);

    const agreement = await env.call<Version>('POST', '/api/v1/admin/agreements', {
      headers: admin,
      body: { kind: 'service', title: 'Service agreement v2', body: 'New terms.' },
    });
    expect(agreement.body).toMatchObject({ kind: 'service', version: 2, retiredAt: null });
    expect(agreement.body.body).toBeUndefined();

    expect(await snapshot()).toEqual(before);
    const plans = await env.call<{ items: Version[] }>('GET', '/api/v1/admin/plans', { headers: admin });
    const basics = plans.body.items.filter((p) => p.code === 'basic');
    expect(basics.map((p) => [p.version, p.retiredAt === null])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(before?.plan_id).toBe(basics[1]?.id);
    // The public catalog sells the new version only.
    const publicPlans = await env.call<{ plans: { code: string; annualFee: { fen: number } }[] }>(
      'GET',
      '/api/v1/plans',
    );
    expect(publicPlans.body.plans.find((p) => p.code === 'basic')?.annualFee.fen).toBe(999_900);
    expect((await currentAgreementRefs(env)).find((a) => a.kind === 'service')?.version).toBe(2);
  });

  it('publishes and retires features; a retired code is no longer sold', async () => {
    const feature = {
      code: 'fax_mail',
      name: 'Fax',
      nameZh: '传真',
      description: 'Fax to e-mail.',
      annualFeeFen: 500,
    };
    const created = await env.call<Version>('POST', '/api/v1/admin/features', {
      headers: admin,
      body: feature,
    });
    expect(created.body).toMatchObject({ code: 'fax_mail', version: 1 });
    const unknownExclusion = await env.call('POST', '/api/v1/admin/features', {
      headers: admin,
      body: { ...feature, excludes: ['nothing_like_it'] },
    });
    expect(unknownExclusion.body.code).toBe('CATALOG_INVALID');
    const retired = await env.call<Version>('POST', '/api/v1/admin/features/fax_mail/retire', {
      headers: admin,
    });
    expect(retired.status).toBe(200);
    expect(retired.body.retiredAt).not.toBeNull();
    const again = await env.call('POST', '/api/v1/admin/features/fax_mail/retire', { headers: admin });
    expect([again.status, again.body.code]).toEqual([404, 'CATALOG_NOT_FOUND']);
    const publicFeatures = await env.call<{ features: { code: string }[] }>('GET', '/api/v1/features');
    expect(publicFeatures.body.features.map((f) => f.code)).not.toContain('fax_mail');
    const audit = await env.dataSource.query(
      `SELECT action FROM audit_log WHERE target_type = 'feature' AND target_id = 'fax_mail' ORDER BY id`,
    );
    expect(audit).toEqual([{ action: 'feature.version_published' }, { action: 'feature.retired' }]);
  });

  it('invites staff with a one-time password, changes roles with sessions revoked, guards the last admin', async () => {
    const invited = await env.call<{ id: string; role: string; oneTimePassword?: string } & ErrorBody>(
      'POST',
      '/api/v1/staff/members',
      { headers: admin, body: { email: 'invited.one@haoma.test', name: '新同事', role: 'sales' } },
    );
    expect(invited.status).toBe(201);
    expect(invited.body.oneTimePassword).toEqual(expect.any(String));
    const session = await loginStaff(
      env.url,
      'invited.one@haoma.test',
      invited.body.oneTimePassword as string,
    );

    expect(
      (
        await env.call('PATCH', `/api/v1/staff/members/${invited.body.id}/role`, {
          headers: sales,
          body: { role: 'admin' },
        })
      ).status,
    ).toBe(403);
    const badRole = await env.call('PATCH', `/api/v1/staff/members/${invited.body.id}/role`, {
      headers: admin,
      body: { role: 'root' },
    });
    expect(badRole.status).toBe(400);
    const promoted = await env.call<{ role: string }>(
      'PATCH',
      `/api/v1/staff/members/${invited.body.id}/role`,
      {
        headers: admin,
        body: { role: 'reviewer' },
      },
    );
    expect([promoted.status, promoted.body.role]).toEqual([200, 'reviewer']);
    const oldSession = await env.call('GET', '/api/v1/staff/members', { headers: session.headers });
    expect(oldSession.status).toBe(401);
    const missing = await env.call(
      'PATCH',
      '/api/v1/staff/members/00000000-0000-4000-8000-000000000000/role',
      {
        headers: admin,
        body: { role: 'sales' },
      },
    );
    expect([missing.status, missing.body.code]).toEqual([404, 'STAFF_NOT_FOUND']);

    // The only active admin can neither be demoted nor deactivated.
    const demote = await env.call('PATCH', `/api/v1/staff/members/${adminId}/role`, {
      headers: admin,
      body: { role: 'sales' },
    });
    expect([demote.status, demote.body.code]).toEqual([409, 'STAFF_LAST_ADMIN']);
    const deactivate = await env.call('POST', `/api/v1/staff/members/${adminId}/deactivate`, {
      headers: admin,
    });
    expect([deactivate.status, deactivate.body.code]).toEqual([409, 'STAFF_LAST_ADMIN']);

    const deactivated = await env.call<{ active: boolean }>(
      'POST',
      `/api/v1/staff/members/${invited.body.id}/deactivate`,
      {
        headers: admin,
      },
    );
    expect(deactivated.body.active).toBe(false);
    const audit = (await env.dataSource.query(
      `SELECT action, before->>'role' AS before_role, after->>'role' AS after_role FROM audit_log
        WHERE target_type = 'staff_member' AND target_id = $1 ORDER BY id`,
      [invited.body.id],
    )) as { action: string }[];
    expect(audit).toEqual([
      { action: 'staff.invited', before_role: null, after_role: 'sales' },
      { action: 'staff.role_changed', before_role: 'sales', after_role: 'reviewer' },
      { action: 'staff.deactivated', before_role: 'reviewer', after_role: 'reviewer' },
    ]);
  });
});
