import type { DataSource } from 'typeorm';
import { seedCatalog } from '@haoma/catalog';
import { createDataSource } from '@haoma/db';
import type { DocumentStorage } from '@haoma/documents';
import {
  createTestDatabase,
  insertCustomer,
  insertDossier,
  insertLiveService,
  numberStatus,
  placeOrder,
  serviceEvents,
  serviceRow,
  type TestDatabase,
} from '@haoma/testing';
import { TEST_WINDOWS } from './compliance.spec-helper';
import { recordDueReminders } from './compliance-reminders';
import {
  markTasksOverdue,
  PURGED_REASON,
  purgeIdentityRecords,
  releaseQuarantined,
  suspendExpired,
  terminateDue,
  type TimerContext,
} from './compliance-timers';

const DAY = 86_400_000;

/** The storage's deletes, recorded. */
class RecordingStorage implements DocumentStorage {
  readonly deleted: string[] = [];
  async put(): Promise<void> {
    return Promise.resolve();
  }
  async get(): Promise<Buffer> {
    return Buffer.alloc(0);
  }
  async delete(key: string): Promise<void> {
    this.deleted.push(key);
  }
}

let db: TestDatabase;
let ds: DataSource;
const storage = new RecordingStorage();

/** Every timer once, as the worker's ComplianceSweep runs them; the counts of steps taken. */
async function sweep(now: Date): Promise<Record<string, number>> {
  const ctx: TimerContext = {
    dataSource: ds,
    windows: TEST_WINDOWS,
    now,
    onError: (step, id, error) => {
      throw new Error(`${step} ${id}: ${String(error)}`);
    },
  };
  const reminders = await recordDueReminders(ds, TEST_WINDOWS, now);
  return {
    suspended: (await suspendExpired(ctx)).done,
    overdue: (await markTasksOverdue(ctx)).done,
    terminated: (await terminateDue(ctx)).done,
    released: (await releaseQuarantined(ctx)).done,
    purged: (await purgeIdentityRecords(ctx, storage)).done,
    ...Object.fromEntries(Object.entries(reminders.counts).map(([k, n]) => [`${k}Reminders`, n])),
  };
}

const FINDINGS = [
  {
    code: 'CREDENTIAL_SHARED',
    severity: 'warning',
    field: 'legalRepresentative.idNumber',
    message: '11010519491231002X is also used by another account',
    details: { accounts: ['someone-else@example.com'], name: '张三' },
  },
];
const REASONS = [
  {
    target: 'legal_rep_id_front',
    documentId: null,
    code: 'ILLEGIBLE',
    text: '张三’s ID 11010519491231002X is blurred',
  },
  { target: 'company.name', code: 'MISMATCH', text: 'the licence names 李四 as legal representative' },
];
const PURGED_REASONS = [
  { target: 'legal_rep_id_front', documentId: null, code: 'ILLEGIBLE', text: '' },
  { target: 'company.name', code: 'MISMATCH', text: '' },
];

const CARRIER_REASONS = [
  { code: 'ID_MISMATCH', text: 'ID 11010519491231002X does not match 张三', target: 'legal_rep_id_front' },
];
const PURGED_CARRIER_REASONS = [{ code: 'ID_MISMATCH', text: '', target: 'legal_rep_id_front' }];
const REVIEW_REASON_TEXT = 'legal_rep_id_front: 张三’s ID 11010519491231002X is blurred';
const CARRIER_REASON_TEXT = 'The carrier refused the application: ID 11010519491231002X does not match 张三';

/**
 * The identity-quoting history of one order and dossier version: a submission the reviewer
 * rejected (findings, reasons, note), its approved resubmission (findings, note) whose carrier
 * application the carrier rejected (reasons, last error), and the order's timeline rows of
 * those decisions (reasons in `reason` and `data.reasons`) next to one that quotes nothing.
 */
async function insertSubmissions(orderId: string, versionId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const [sequence, status, reasons] of [
    [1, 'rejected', REASONS],
    [2, 'approved', []],
  ] as const) {
    const rows: { id: string }[] = await ds.query(
      `INSERT INTO verification_submissions (order_id, customer_id, dossier_version_id, sequence, status, submitted_at,
                                             findings, worst_severity, prechecked_at, decided_by, decided_at,
                                             rejection_reasons, review_note)
       SELECT $1, o.customer_id, $2, $3, $4, now(), $5, 'warning', now(), 'staff:reviewer', now(), $6, $7
         FROM orders o WHERE o.id = $1
       RETURNING id`,
      [
        orderId,
        versionId,
        sequence,
        status,
        JSON.stringify(FINDINGS),
        JSON.stringify(reasons),
        `张三 #${sequence}`,
      ],
    );
    ids.push(String(rows[0]?.id));
  }
  const applications: { id: string }[] = await ds.query(
    `INSERT INTO carrier_applications (order_id, submission_id, carrier, status, rejection_reasons, last_error)
     VALUES ($1, $2, 'sandbox', 'rejected', $3, 'HTTP 422: 张三 11010519491231002X') RETURNING id`,
    [orderId, ids[1], JSON.stringify(CARRIER_REASONS)],
  );
  const applicationId = String(applications[0]?.id);
  await ds.query(
    `INSERT INTO order_events (order_id, type, event, from_status, to_status, actor, reason, data, created_at)
     VALUES ($1, 'transition', 'documents_submitted', 'awaiting_documents', 'under_review', 'customer:x',
             'resubmitted after 张三’s ID was blurred', $2, now()),
            ($1, 'transition', 'review_rejected', 'under_review', 'awaiting_documents', 'staff:reviewer', $3, $4, now()),
            ($1, 'transition', 'carrier_rejected', 'provisioning', 'awaiting_documents', 'system:carrier', $5, $6, now())`,
    [
      orderId,
      JSON.stringify({ submissionId: ids[1] }),
      REVIEW_REASON_TEXT,
      JSON.stringify({ submissionId: ids[0], reasons: REASONS }),
      CARRIER_REASON_TEXT,
      JSON.stringify({ applicationId, carrierReference: 'SBX-1', reasons: CARRIER_REASONS }),
    ],
  );
  return ids;
}

async function submissionRows(
  ids: string[],
): Promise<{ findings: unknown; rejection_reasons: unknown; review_note: string | null }[]> {
  return ds.query(
    `SELECT findings, rejection_reasons, review_note FROM verification_submissions WHERE id = ANY($1) ORDER BY sequence`,
    [ids],
  );
}

async function applicationRows(
  ids: string[],
): Promise<{ rejection_reasons: unknown; last_error: string | null }[]> {
  return ds.query(
    `SELECT rejection_reasons, last_error FROM carrier_applications WHERE submission_id = ANY($1) ORDER BY created_at`,
    [ids],
  );
}

async function timelineRows(
  orderId: string,
): Promise<{ event: string; reason: string | null; data: unknown }[]> {
  return ds.query(
    `SELECT event, reason, data FROM order_events
      WHERE order_id = $1 AND event IN ('documents_submitted', 'review_rejected', 'carrier_rejected') ORDER BY id`,
    [orderId],
  );
}

const only = (report: Record<string, number>) =>
  Object.fromEntries(Object.entries(report).filter(([, n]) => n > 0));

beforeAll(async () => {
  db = await createTestDatabase();
  ds = await createDataSource({ url: db.url, poolSize: 6 }).initialize();
  await seedCatalog(ds);
});

afterAll(async () => {
  await ds.destroy();
  await db.drop();
});

// The tests share one database and move through time in order: each test's dates lie after
// the steps the earlier tests' lines still have, or the counts it checks would include them.
describe('compliance timers', () => {
  it('takes a line from expiry through suspension, termination and quarantine back to sale, then purges it, each step once', async () => {
    const line = await insertLiveService(ds, { licenceExpiresOn: '2031-03-01' });
    const lapse = new Date('2031-03-01T16:00:00Z');

    // 30 days before the lapse: the expiry reminder, once.
    const early = new Date(lapse.getTime() - 20 * DAY);
    expect(only(await sweep(early))).toEqual({ expiryReminders: 1 });
    expect(only(await sweep(early))).toEqual({});

    const suspendedAt = new Date(lapse.getTime() + 3_600_000);
    expect(only(await sweep(suspendedAt))).toMatchObject({ suspended: 1 });
    expect(only(await sweep(suspendedAt))).toEqual({});
    expect(await serviceRow(ds, line.serviceId)).toMatchObject({
      status: 'suspended',
      suspension_reason: 'licence_expired',
      terminates_at: new Date(suspendedAt.getTime() + 90 * DAY),
    });
    expect(await numberStatus(ds, line.number)).toBe('suspended');

    // A day before termination: only the 1-day reminder (the 30- and 7-day ones were missed while "down").
    const eve = new Date(suspendedAt.getTime() + 89.5 * DAY);
    expect(only(await sweep(eve))).toEqual({ terminationReminders: 1 });
    expect(only(await sweep(eve))).toEqual({});

    const terminatedAt = new Date(suspendedAt.getTime() + 90 * DAY);
    expect(only(await sweep(terminatedAt))).toEqual({ terminated: 1 });
    expect(only(await sweep(terminatedAt))).toEqual({});
    expect(await numberStatus(ds, line.number)).toBe('quarantine');
    const order: { status: string }[] = await ds.query(`SELECT status FROM orders WHERE id = $1`, [
      line.orderId,
    ]);
    expect(order[0]?.status).toBe('ended');

    const released = new Date(terminatedAt.getTime() + 90 * DAY);
    expect(only(await sweep(new Date(released.getTime() - 1)))).toEqual({});
    expect(only(await sweep(released))).toEqual({ released: 1 });
    expect(only(await sweep(released))).toEqual({});
    expect(await numberStatus(ds, line.number)).toBe('available');

    // The submissions of the line's version quote identity data; another dossier's do too.
    const submissionOf = await insertSubmissions(line.orderId, line.versionId);
    const otherCustomer = await insertCustomer(ds);
    const other = await placeOrder(ds, { status: 'provisioning', customerId: otherCustomer });
    const otherDossier = await insertDossier(ds, otherCustomer);
    const otherSubmission = await insertSubmissions(other.orderId, otherDossier.versionId);

    const purgeAt = new Date(terminatedAt.getTime() + 730 * DAY);
    expect(only(await sweep(purgeAt))).toEqual({ purged: 1 });
    expect(only(await sweep(purgeAt))).toEqual({});
    const versions: {
      form: object;
      uscc: string | null;
      legal_rep_id_number: string | null;
      company_name: string;
      purged_at: Date | null;
    }[] = await ds.query(
      `SELECT form, uscc, legal_rep_id_number, company_name, purged_at FROM dossier_versions WHERE dossier_id = $1`,
      [line.dossierId],
    );
    // The company's name is public registry data: kept.
    expect(versions).toEqual([
      { form: {}, uscc: null, legal_rep_id_number: null, company_name: 'Test Co', purged_at: purgeAt },
    ]);
    expect(await submissionRows(submissionOf)).toEqual([
      { findings: [], rejection_reasons: PURGED_REASONS, review_note: null },
      { findings: [], rejection_reasons: [], review_note: null },
    ]);
    expect(await applicationRows(submissionOf)).toEqual([
      { rejection_reasons: PURGED_CARRIER_REASONS, last_error: null },
    ]);
    // The timeline keeps who decided what, with codes; the quoted reasons are gone.
    const purgedTimeline = await timelineRows(line.orderId);
    expect(purgedTimeline).toEqual([
      {
        event: 'documents_submitted',
        reason: 'resubmitted after 张三’s ID was blurred',
        data: { submissionId: submissionOf[1] },
      },
      {
        event: 'review_rejected',
        reason: PURGED_REASON,
        data: { submissionId: submissionOf[0], reasons: PURGED_REASONS },
      },
      {
        event: 'carrier_rejected',
        reason: PURGED_REASON,
        data: {
          applicationId: expect.any(String),
          carrierReference: 'SBX-1',
          reasons: PURGED_CARRIER_REASONS,
        },
      },
    ]);
    expect(JSON.stringify(purgedTimeline.slice(1))).not.toMatch(/张三|11010519491231002X/);
    // Another dossier's rows: untouched.
    expect(await submissionRows(otherSubmission)).toEqual([
      { findings: FINDINGS, rejection_reasons: REASONS, review_note: '张三 #1' },
      { findings: FINDINGS, rejection_reasons: [], review_note: '张三 #2' },
    ]);
    expect(await applicationRows(otherSubmission)).toEqual([
      { rejection_reasons: CARRIER_REASONS, last_error: 'HTTP 422: 张三 11010519491231002X' },
    ]);
    expect((await timelineRows(other.orderId)).map((e) => [e.event, e.reason, e.data])).toEqual([
      [
        'documents_submitted',
        'resubmitted after 张三’s ID was blurred',
        { submissionId: otherSubmission[1] },
      ],
      ['review_rejected', REVIEW_REASON_TEXT, { submissionId: otherSubmission[0], reasons: REASONS }],
      [
        'carrier_rejected',
        CARRIER_REASON_TEXT,
        { applicationId: expect.any(String), carrierReference: 'SBX-1', reasons: CARRIER_REASONS },
      ],
    ]);
    expect(await ds.query(`SELECT id FROM documents WHERE id = $1`, [line.documentId])).toEqual([]);
    expect(storage.deleted).toContain(line.storageKey);

    expect((await serviceEvents(ds, line.serviceId)).map((e) => e.event)).toEqual([
      'suspended',
      'terminated',
      'number_released',
      'records_purged',
    ]);
    const numberEvents: { from_status: string; to_status: string }[] = await ds.query(
      `SELECT from_status, to_status FROM number_events WHERE number = $1 ORDER BY id`,
      [line.number],
    );
    expect(numberEvents.map((e) => `${e.from_status}>${e.to_status}`)).toEqual([
      'assigned>suspended',
      'suspended>quarantine',
      'quarantine>available',
    ]);
  });

  it('suspends for the legal representative’s ID when it lapses first, and not before', async () => {
    const line = await insertLiveService(ds, {
      licenceExpiresOn: '2032-01-01',
      legalRepIdExpiresOn: '2031-06-01',
    });
    await sweep(new Date('2031-06-01T15:59:00Z'));
    expect((await serviceRow(ds, line.serviceId)).status).toBe('active');
    await sweep(new Date('2031-06-01T16:00:00Z'));
    expect(await serviceRow(ds, line.serviceId)).toMatchObject({
      status: 'suspended',
      suspension_reason: 'id_expired',
    });
  });

  it('does each step once when two sweeps run at the same time', async () => {
    const lines = await Promise.all(
      Array.from({ length: 6 }, () => insertLiveService(ds, { licenceExpiresOn: '2033-02-01' })),
    );
    const at = new Date('2033-02-02T00:00:00Z');
    const [a, b] = await Promise.all([sweep(at), sweep(at)]);
    expect((a['suspended'] ?? 0) + (b['suspended'] ?? 0)).toBe(lines.length);
    const later = new Date(at.getTime() + 90 * DAY);
    const [c, d] = await Promise.all([sweep(later), sweep(later)]);
    expect((c['terminated'] ?? 0) + (d['terminated'] ?? 0)).toBe(lines.length);
    for (const line of lines)
      expect((await serviceEvents(ds, line.serviceId)).map((e) => e.event)).toEqual([
        'suspended',
        'terminated',
      ]);
    const outbox: { n: number }[] = await ds.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE job_name = 'service-event-recorded' AND payload->>'serviceId' = ANY($1)`,
      [lines.map((l) => l.serviceId)],
    );
    expect(outbox[0]?.n).toBe(lines.length * 2);
  });

  it('keeps identity records while another line of the same dossier is live', async () => {
    const first = await insertLiveService(ds, { licenceExpiresOn: '2034-01-01' });
    // A second number of the same company, verified with the same dossier, with no expiry.
    const second = await insertLiveService(ds, { customerId: first.customerId });
    await ds.query(`UPDATE services SET dossier_id = $2, dossier_version_id = $3 WHERE id = $1`, [
      second.serviceId,
      first.dossierId,
      first.versionId,
    ]);
    await ds.query(`UPDATE dossier_versions SET licence_expires_on = NULL WHERE id = $1`, [first.versionId]);
    await ds.query(
      `UPDATE services SET status = 'suspended', suspended_at = now(), suspension_reason = 'regulator_flag',
              terminates_at = now() WHERE id = $1`,
      [first.serviceId],
    );
    await ds.query(`UPDATE numbers SET status = 'suspended' WHERE number = $1`, [first.number]);
    const now = new Date(Date.now() + 1_000);
    await sweep(now);
    expect((await serviceRow(ds, first.serviceId)).status).toBe('terminated');
    const report = await sweep(new Date(now.getTime() + 731 * DAY));
    expect(report['purged']).toBe(0);
    const kept: { purged_at: Date | null }[] = await ds.query(
      `SELECT purged_at FROM dossiers WHERE id = $1`,
      [first.dossierId],
    );
    expect(kept[0]?.purged_at).toBeNull();
    expect((await serviceRow(ds, second.serviceId)).status).toBe('active');
  });

  it('reminds of the document deadline once per offset, and only the latest after a long outage', async () => {
    const customerId = await insertCustomer(ds);
    const now = new Date(Date.now() + 400 * DAY); // after every other test's lines
    const soon = await placeOrder(ds, {
      status: 'awaiting_documents',
      customerId,
      documentsDueAt: new Date(now.getTime() + 5 * DAY),
    });
    const late = await placeOrder(ds, {
      status: 'awaiting_documents',
      customerId,
      documentsDueAt: new Date(now.getTime() + 12 * 3_600_000),
    });
    const keys = async (orderId: string) =>
      (
        (await ds.query(
          `SELECT dedupe_key FROM notifications WHERE order_id = $1 AND template = 'documents-reminder'`,
          [orderId],
        )) as { dedupe_key: string }[]
      ).map((r) => r.dedupe_key.split(':').at(-1));
    await Promise.all([recordDueReminders(ds, TEST_WINDOWS, now), recordDueReminders(ds, TEST_WINDOWS, now)]);
    await recordDueReminders(ds, TEST_WINDOWS, now);
    expect(await keys(soon.orderId)).toEqual([String(7 * DAY)]);
    expect(await keys(late.orderId)).toEqual([String(DAY)]);
    await recordDueReminders(ds, TEST_WINDOWS, new Date(now.getTime() + 2.5 * DAY));
    expect((await keys(soon.orderId)).sort()).toEqual([String(3 * DAY), String(7 * DAY)]);
    // Past the deadline: no reminder at all.
    await recordDueReminders(ds, TEST_WINDOWS, new Date(now.getTime() + 6 * DAY));
    expect(await keys(soon.orderId)).toHaveLength(2);
  });
});
