import type { DataSource } from 'typeorm';
import { withAuditContext } from '@haoma/audit';
import { seedCatalog } from '@haoma/catalog';
import { createDataSource } from '@haoma/db';
import { createTestDatabase, insertLiveService, type TestDatabase } from '@haoma/testing';
import { TEST_WINDOWS } from './compliance.spec-helper';
import { COMPLIANCE_SWEEP_ACTOR } from './service-actor';
import { transitionService, type ServiceTransitionCommand } from './service-transitions';

let db: TestDatabase;
let ds: DataSource;

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
  await seedCatalog(ds);
});

afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

const STAFF_ID = '00000000-0000-4000-8000-0000000000aa';

/** A staff member's action, under the audit context the API's interceptor sets. */
const asStaff = (command: Omit<ServiceTransitionCommand, 'actor' | 'windows'>) =>
  withAuditContext(
    {
      actor: `staff:${STAFF_ID}`,
      actorId: STAFF_ID,
      actorRole: 'reviewer',
      ip: '203.0.113.7',
      userAgent: null,
      request: 'POST /api/v1/staff/services/:id/flag',
    },
    () =>
      ds.transaction((m) =>
        transitionService(m, { ...command, actor: { kind: 'staff', id: STAFF_ID }, windows: TEST_WINDOWS }),
      ),
  );

const auditRows = (serviceId: string) =>
  ds.query(
    `SELECT actor, actor_id, action, target_type, before, after, ip FROM audit_log WHERE target_id = $1 ORDER BY id`,
    [serviceId],
  ) as Promise<Record<string, unknown>[]>;

describe('staff actions on a line are audited', () => {
  it('flag, resume and terminate each append one row with the statuses before and after', async () => {
    const line = await insertLiveService(ds);
    const flagged = await asStaff({
      serviceId: line.serviceId,
      event: 'suspend',
      suspensionReason: 'regulator_flag',
      reason: 'MIIT notice',
    });
    // A repeat finds the line already suspended: no change, no audit row.
    expect(
      await asStaff({ serviceId: line.serviceId, event: 'suspend', suspensionReason: 'regulator_flag' }),
    ).toEqual({ changed: false, status: 'suspended' });
    const resumed = await asStaff({ serviceId: line.serviceId, event: 'resume', reason: 'cleared' });
    const terminated = await asStaff({ serviceId: line.serviceId, event: 'terminate', reason: 'asked' });
    const who = { actor: `staff:${STAFF_ID}`, actor_id: STAFF_ID, target_type: 'service', ip: '203.0.113.7' };
    const eventId = (r: Awaited<ReturnType<typeof transitionService>>) =>
      r.changed ? r.serviceEventId : 'unchanged';
    expect(await auditRows(line.serviceId)).toEqual([
      {
        ...who,
        action: 'service.flagged',
        before: { status: 'active', suspensionReason: null },
        after: {
          status: 'suspended',
          suspensionReason: 'regulator_flag',
          reason: 'MIIT notice',
          serviceEventId: eventId(flagged),
        },
      },
      {
        ...who,
        action: 'service.resumed',
        before: { status: 'suspended', suspensionReason: 'regulator_flag' },
        after: {
          status: 'active',
          suspensionReason: null,
          reason: 'cleared',
          serviceEventId: eventId(resumed),
        },
      },
      {
        ...who,
        action: 'service.terminated',
        before: { status: 'active', suspensionReason: null },
        after: {
          status: 'terminated',
          suspensionReason: null,
          reason: 'asked',
          serviceEventId: eventId(terminated),
        },
      },
    ]);
  });

  it('the compliance timers act on the line’s timeline only, without audit rows', async () => {
    const line = await insertLiveService(ds);
    const system = (command: Omit<ServiceTransitionCommand, 'actor' | 'windows'>) =>
      ds.transaction((m) =>
        transitionService(m, { ...command, actor: COMPLIANCE_SWEEP_ACTOR, windows: TEST_WINDOWS }),
      );
    expect(
      await system({ serviceId: line.serviceId, event: 'suspend', suspensionReason: 'licence_expired' }),
    ).toMatchObject({ changed: true });
    expect(await system({ serviceId: line.serviceId, event: 'terminate' })).toMatchObject({ changed: true });
    expect(await auditRows(line.serviceId)).toEqual([]);
  });
});
