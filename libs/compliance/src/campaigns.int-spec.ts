import type { DataSource } from 'typeorm';
import { seedCatalog } from '@haoma/catalog';
import { createDataSource } from '@haoma/db';
import {
  createTestDatabase,
  insertDossierVersion,
  insertLiveService,
  numberStatus,
  serviceEvents,
  serviceRow,
  type TestDatabase,
} from '@haoma/testing';
import { createCampaign, openCampaign } from './campaigns';
import { TEST_WINDOWS } from './compliance.spec-helper';
import { markTasksOverdue } from './compliance-timers';
import { ComplianceError } from './compliance-errors';
import { completeTask, reverifyService, type ReverificationSettings } from './reverification';

const DAY = 86_400_000;
const SETTINGS: ReverificationSettings = { windows: TEST_WINDOWS, idMinValidityMs: 183 * DAY };

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

const campaign = async (id: string) =>
  (
    (await ds.query(`SELECT status, tasks_total, tasks_created FROM reverification_campaigns WHERE id = $1`, [
      id,
    ])) as {
      status: string;
      tasks_total: number | null;
      tasks_created: number;
    }[]
  )[0];

const refusal = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    if (error instanceof ComplianceError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('re-verification campaigns', () => {
  it('creates one task per selected line in batches, with progress, and resumes after a crash', async () => {
    const lines = await Promise.all(Array.from({ length: 5 }, () => insertLiveService(ds)));
    const outside = await insertLiveService(ds);
    const deadline = new Date(Date.now() + 30 * DAY);
    const id = await ds.transaction((m) =>
      createCampaign(m, {
        name: '2016 clean-up',
        selection: { kind: 'services', serviceIds: lines.map((l) => l.serviceId) },
        deadline,
        createdBy: 'staff:test',
      }),
    );
    expect(await campaign(id)).toEqual({ status: 'opening', tasks_total: null, tasks_created: 0 });
    // Audited in the same transaction (who comes from the request's context; none here).
    expect(
      await ds.query(`SELECT action, target_type, before, after FROM audit_log WHERE target_id = $1`, [id]),
    ).toEqual([
      {
        action: 'campaign.created',
        target_type: 'reverification_campaign',
        before: null,
        after: {
          status: 'opening',
          name: '2016 clean-up',
          selection: { kind: 'services', services: 5 },
          deadline: deadline.toISOString(),
          agreementId: expect.any(String),
        },
      },
    ]);

    // The second batch crashes: the first batch's tasks stay, with their progress.
    let batches = 0;
    const crashing = () => {
      batches += 1;
      if (batches === 2) throw new Error('worker killed');
      return new Date();
    };
    await expect(openCampaign(ds, id, { batchSize: 2, now: crashing })).rejects.toThrow('worker killed');
    expect(await campaign(id)).toEqual({ status: 'opening', tasks_total: 5, tasks_created: 2 });

    expect(await openCampaign(ds, id, { batchSize: 2 })).toEqual({ status: 'open', tasksCreated: 5 });
    expect(await openCampaign(ds, id, { batchSize: 2 })).toEqual({ status: 'skipped', tasksCreated: 5 });
    expect(await campaign(id)).toEqual({ status: 'open', tasks_total: 5, tasks_created: 5 });
    for (const line of lines)
      expect((await serviceEvents(ds, line.serviceId)).map((e) => e.event)).toEqual([
        'reverification_requested',
      ]);
    expect(await serviceEvents(ds, outside.serviceId)).toEqual([]);
  });

  it('refuses a past deadline and an empty list', async () => {
    const now = new Date();
    expect(
      await refusal(
        ds.transaction((m) =>
          createCampaign(m, {
            name: 'x',
            selection: { kind: 'all' },
            deadline: new Date(now.getTime() - 1),
            createdBy: 'staff:t',
          }),
        ),
      ),
    ).toMatchObject({ code: 'CAMPAIGN_INVALID' });
    expect(
      await refusal(
        ds.transaction((m) =>
          createCampaign(m, {
            name: 'x',
            selection: { kind: 'services', serviceIds: [] },
            deadline: new Date(now.getTime() + DAY),
            createdBy: 'staff:t',
          }),
        ),
      ),
    ).toMatchObject({ code: 'CAMPAIGN_INVALID' });
  });

  it('suspends a line whose task is overdue, and resumes it when the customer completes the task', async () => {
    const line = await insertLiveService(ds);
    const deadline = new Date(Date.now() + 10 * DAY);
    const id = await ds.transaction((m) =>
      createCampaign(m, {
        name: 'one',
        selection: { kind: 'services', serviceIds: [line.serviceId] },
        deadline,
        createdBy: 'staff:t',
      }),
    );
    await openCampaign(ds, id);
    const tasks: { id: string }[] = await ds.query(
      `SELECT id FROM reverification_tasks WHERE campaign_id = $1`,
      [id],
    );
    const taskId = String(tasks[0]?.id);

    const after = new Date(deadline.getTime() + 1);
    const errors: string[] = [];
    const ctx = {
      dataSource: ds,
      windows: TEST_WINDOWS,
      now: after,
      onError: (step: string, id: string, error: unknown) => errors.push(`${step} ${id}: ${String(error)}`),
    };
    const [a, b] = await Promise.all([markTasksOverdue(ctx), markTasksOverdue(ctx)]);
    // An unexpected failure would be retried by the next sweep; here it would hide a bug.
    expect(errors).toEqual([]);
    expect(a.done + b.done).toBe(1);
    expect(await serviceRow(ds, line.serviceId)).toMatchObject({
      status: 'suspended',
      suspension_reason: 'reverification_overdue',
    });
    expect(await numberStatus(ds, line.number)).toBe('suspended');

    const agreement: { id: string }[] = await ds.query(
      `SELECT agreement_id AS id FROM reverification_campaigns WHERE id = $1`,
      [id],
    );
    const stranger = (await insertLiveService(ds)).customerId;
    const base = {
      customerId: line.customerId,
      taskId,
      agreementId: String(agreement[0]?.id),
      signerName: '张三',
      signerTitle: '法定代表人',
      dossierId: line.dossierId,
      settings: SETTINGS,
      now: after,
    };
    expect(
      await refusal(ds.transaction((m) => completeTask(m, { ...base, agreementId: line.dossierId }))),
    ).toMatchObject({
      code: 'AGREEMENT_OUTDATED',
    });
    expect(
      await refusal(ds.transaction((m) => completeTask(m, { ...base, customerId: stranger }))),
    ).toMatchObject({
      code: 'TASK_NOT_FOUND',
    });
    // A version whose ID lapses within ID_MIN_VALIDITY is refused with the reason.
    await insertDossierVersion(ds, line.dossierId, 2, { legalRepIdExpiresOn: '2000-01-01' });
    expect(await refusal(ds.transaction((m) => completeTask(m, base)))).toMatchObject({
      code: 'TASK_DOSSIER_INVALID',
      details: { reasons: [{ field: 'legalRepIdExpiresOn', code: 'CREDENTIAL_EXPIRED' }] },
    });

    expect(await ds.transaction((m) => completeTask(m, { ...base, version: 1 }))).toEqual({
      serviceId: line.serviceId,
      resumed: true,
    });
    expect((await serviceRow(ds, line.serviceId)).status).toBe('active');
    expect(await numberStatus(ds, line.number)).toBe('assigned');
    expect(await refusal(ds.transaction((m) => completeTask(m, { ...base, version: 1 })))).toMatchObject({
      code: 'TASK_ALREADY_COMPLETED',
    });
    expect((await serviceEvents(ds, line.serviceId)).map((e) => e.event)).toEqual([
      'reverification_requested',
      'suspended',
      'reverified',
      'resumed',
    ]);
  });

  it('resumes a line suspended for an expired licence when the customer renews it', async () => {
    const line = await insertLiveService(ds, { licenceExpiresOn: '2020-01-01' });
    await ds.query(
      `UPDATE services SET status = 'suspended', suspended_at = now(), suspension_reason = 'licence_expired',
              terminates_at = now() + interval '90 days' WHERE id = $1`,
      [line.serviceId],
    );
    await ds.query(`UPDATE numbers SET status = 'suspended' WHERE number = $1`, [line.number]);
    const renewed = await insertDossierVersion(ds, line.dossierId, 2, { licenceExpiresOn: '2099-01-01' });
    expect(
      await ds.transaction((m) =>
        reverifyService(m, {
          customerId: line.customerId,
          serviceId: line.serviceId,
          dossierId: line.dossierId,
          settings: SETTINGS,
        }),
      ),
    ).toEqual({ resumed: true });
    expect(await serviceRow(ds, line.serviceId)).toMatchObject({
      status: 'active',
      dossier_version_id: renewed,
    });
    expect(await numberStatus(ds, line.number)).toBe('assigned');
  });

  it('does not let a customer lift a regulator flag by re-verifying', async () => {
    const line = await insertLiveService(ds);
    await ds.query(
      `UPDATE services SET status = 'suspended', suspended_at = now(), suspension_reason = 'regulator_flag',
              terminates_at = now() + interval '90 days' WHERE id = $1`,
      [line.serviceId],
    );
    expect(
      await ds.transaction((m) =>
        reverifyService(m, {
          customerId: line.customerId,
          serviceId: line.serviceId,
          dossierId: line.dossierId,
          settings: SETTINGS,
        }),
      ),
    ).toEqual({ resumed: false });
    expect((await serviceRow(ds, line.serviceId)).status).toBe('suspended');
  });
});
