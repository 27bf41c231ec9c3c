// A known history written straight into the tables (orders through their steps with explicit
// times, payments, refunds, submissions and decisions, services), then every figure of every
// report checked against values worked out by hand below, and each CSV against its JSON rows.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { credentialLapsesAt, parseCsv, shanghaiDay } from '@haoma/domain';
import { insertCustomer, insertDossier, insertLiveService, type LiveService } from '@haoma/testing';
import { createStaff, loginStaff } from './accounts.fixtures';
import { startOrdersEnv, type OrdersEnv } from './orders.fixtures';

let env: OrdersEnv;
let admin: { headers: Record<string, string> };
let reviewer1: string;
let reviewer2: string;
let planCode: string;

// Midnight starting 2026-03-01 in China; the reports below cover 2026-03-01..2026-03-02.
const B = Date.parse('2026-02-28T16:00:00Z');
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const t = (ms: number) => new Date(B + ms);
const PERIOD = 'from=2026-03-01&to=2026-03-02';

type Json = Record<string, unknown>;
type Rows = Record<string, string | number | boolean | null>[];

let numberSeq = 0;
async function order(
  ds: DataSource,
  o: {
    carrier: string;
    grade: string;
    planId?: string | null;
    createdAt: Date;
    status: string;
    paidAt?: Date;
  },
): Promise<{ id: string; customerId: string }> {
  numberSeq += 1;
  const number = `4006${String(numberSeq).padStart(6, '0')}`;
  await ds.query(
    `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version)
     VALUES ($1::text, left($1::text, 4), $2, $3, '{}', 'report test', 0, 1)`,
    [number, o.carrier, o.grade],
  );
  const customerId = await insertCustomer(ds);
  const id = randomUUID();
  await ds.query(
    `INSERT INTO orders (id, customer_id, number, status, grade, selection_fee_fen, total_fen, hold_until, plan_id,
                         paid_at, created_at)
     VALUES ($1, $2, $3, $4, $5, 0, 100, $6, $7, $8, $6)`,
    [id, customerId, number, o.status, o.grade, o.createdAt, o.planId ?? null, o.paidAt ?? null],
  );
  return { id, customerId };
}

const transition = (ds: DataSource, orderId: string, event: string, at: Date) =>
  ds.query(
    `INSERT INTO order_events (order_id, type, event, actor, created_at) VALUES ($1, 'transition', $2, 'system:test', $3)`,
    [orderId, event, at],
  );

async function payment(
  ds: DataSource,
  orderId: string,
  amountFen: number,
  status: string,
  paidAt: Date | null,
) {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO payments (id, order_id, provider, provider_session_id, amount_fen, idempotency_key, status, paid_at,
                           created_by)
     VALUES ($1, $2, 'sandbox', $6, $3, $6, $4, $5, 'customer:test')`,
    [id, orderId, amountFen, status, paidAt, `test-${id}`],
  );
  return id;
}

const refund = (
  ds: DataSource,
  paymentId: string,
  orderId: string,
  amountFen: number,
  status: string,
  at: Date,
) =>
  ds.query(
    `INSERT INTO refunds (payment_id, order_id, amount_fen, status, reason, idempotency_key, created_by, created_at,
                          updated_at, succeeded_at)
     VALUES ($1, $2, $3, $4, 'staff', gen_random_uuid()::text, 'staff:test', $5, $5,
             CASE WHEN $4::varchar = 'succeeded' THEN $5::timestamptz END)`,
    [paymentId, orderId, amountFen, status, at],
  );

async function submission(
  ds: DataSource,
  o: { id: string; customerId: string },
  s: { sequence: number; submittedAt: Date; status: string; decidedBy?: string; decidedAt?: Date },
) {
  const dossier = await insertDossier(ds, o.customerId);
  await ds.query(
    `INSERT INTO verification_submissions (order_id, customer_id, dossier_version_id, sequence, status, submitted_at,
                                           decided_by, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      o.id,
      o.customerId,
      dossier.versionId,
      s.sequence,
      s.status,
      s.submittedAt,
      s.decidedBy ?? null,
      s.decidedAt ?? null,
    ],
  );
}

async function buildHistory(ds: DataSource): Promise<void> {
  const plans: { id: string; code: string }[] = await ds.query(
    `SELECT id, code FROM plans WHERE retired_at IS NULL ORDER BY code LIMIT 1`,
  );
  const plan = plans[0] as { id: string; code: string };
  planCode = plan.code;

  // O1 telecom/gold/plan: every step. held +1h, signed +600 s, paid +1200 s, submitted +1800 s,
  // approved (R1) +3600 s, active +7200 s.
  const o1 = await order(ds, {
    carrier: 'telecom',
    grade: 'gold',
    planId: plan.id,
    createdAt: t(HOUR),
    status: 'active',
    paidAt: t(90 * MIN),
  });
  await transition(ds, o1.id, 'sign', t(70 * MIN));
  await transition(ds, o1.id, 'payment_confirmed', t(90 * MIN));
  await submission(ds, o1, {
    sequence: 1,
    submittedAt: t(2 * HOUR),
    status: 'approved',
    decidedBy: reviewer1,
    decidedAt: t(3 * HOUR),
  });
  await transition(ds, o1.id, 'carrier_activated', t(5 * HOUR));
  const p1 = await payment(ds, o1.id, 120_000, 'paid', t(90 * MIN));
  await refund(ds, p1, o1.id, 1_000, 'pending', t(30 * HOUR));

  // O2 telecom/silver/no plan: signed +1200 s, paid +2400 s, first submission +3600 s rejected
  // (R2, after 1800 s), second approved (R1, 7200 s after it was submitted) → approved 10 800 s
  // after the first submission; not active.
  const o2 = await order(ds, {
    carrier: 'telecom',
    grade: 'silver',
    createdAt: t(2 * HOUR),
    status: 'provisioning',
    paidAt: t(3 * HOUR),
  });
  await transition(ds, o2.id, 'sign', t(2 * HOUR + 20 * MIN));
  await submission(ds, o2, {
    sequence: 1,
    submittedAt: t(4 * HOUR),
    status: 'rejected',
    decidedBy: reviewer2,
    decidedAt: t(4 * HOUR + 30 * MIN),
  });
  await submission(ds, o2, {
    sequence: 2,
    submittedAt: t(5 * HOUR),
    status: 'approved',
    decidedBy: reviewer1,
    decidedAt: t(7 * HOUR),
  });
  const p2 = await payment(ds, o2.id, 80_050, 'paid', t(3 * HOUR));
  await refund(ds, p2, o2.id, 30_025, 'succeeded', t(30 * HOUR)); // 2026-03-02 06:00 in China

  // O3 unicom/gold/plan (2026-03-02 01:00 in China): signed +300 s, never paid (a failed attempt).
  const o3 = await order(ds, {
    carrier: 'unicom',
    grade: 'gold',
    planId: plan.id,
    createdAt: t(25 * HOUR),
    status: 'awaiting_payment',
  });
  await transition(ds, o3.id, 'sign', t(25 * HOUR + 5 * MIN));
  await payment(ds, o3.id, 9_999, 'failed', null);

  // O4 unicom/silver: held only.
  await order(ds, { carrier: 'unicom', grade: 'silver', createdAt: t(26 * HOUR), status: 'expired' });

  // O5 unicom, created 2026-02-28 23:30 in China: outside the cohort, but its money and its
  // reviews fall in the period.
  const o5 = await order(ds, {
    carrier: 'unicom',
    grade: 'silver',
    createdAt: t(-30 * MIN),
    status: 'under_review',
    paidAt: t(10 * MIN),
  });
  await transition(ds, o5.id, 'sign', t(-20 * MIN));
  const p5 = await payment(ds, o5.id, 50_000, 'paid', t(10 * MIN));
  await refund(ds, p5, o5.id, 2_000, 'succeeded', t(20 * HOUR));
  await refund(ds, p5, o5.id, 100, 'failed', t(30 * HOUR));
  await refund(ds, p5, o5.id, 48_000, 'succeeded', t(49 * HOUR)); // after the period
  await submission(ds, o5, {
    sequence: 1,
    submittedAt: t(-2 * HOUR),
    status: 'rejected',
    decidedBy: reviewer1,
    decidedAt: t(HOUR),
  });
  await submission(ds, o5, { sequence: 2, submittedAt: t(40 * HOUR), status: 'awaiting_review' });

  // O6 created after the period (2026-03-03 00:01 in China), paid then.
  const o6 = await order(ds, {
    carrier: 'telecom',
    grade: 'gold',
    createdAt: t(48 * HOUR + MIN),
    status: 'awaiting_documents',
    paidAt: t(48 * HOUR + 30 * MIN),
  });
  await transition(ds, o6.id, 'sign', t(48 * HOUR + 10 * MIN));
  await payment(ds, o6.id, 70_000, 'paid', t(48 * HOUR + 30 * MIN));

  // Searches: 10 + 7 inside the period's hours; 5 the hour before, 100 the hour after.
  await ds.query(`INSERT INTO search_counts (hour, searches) VALUES ($1, 5), ($2, 10), ($3, 7), ($4, 100)`, [
    t(-HOUR),
    t(0),
    t(47 * HOUR),
    t(48 * HOUR),
  ]);
}

beforeAll(async () => {
  env = await startOrdersEnv(['4008100001']);
  const a = await createStaff(env.dataSource, 'admin');
  admin = await loginStaff(env.url, a.email, a.password);
  const r1 = await createStaff(env.dataSource, 'reviewer', { name: 'Reviewer One' });
  const r2 = await createStaff(env.dataSource, 'reviewer', { name: 'Reviewer Two' });
  reviewer1 = `staff:${r1.id}`;
  reviewer2 = `staff:${r2.id}`;
  await buildHistory(env.dataSource);
});

afterAll(async () => {
  await env.close();
});

async function getJson(path: string): Promise<Json> {
  const answer = await env.call<Json>('GET', path, { headers: admin.headers });
  expect(answer.status).toBe(200);
  return answer.body;
}

/** The CSV of `path` (asked by `format=csv`, or by `Accept`) must hold exactly `rows` under `columns`. */
async function expectCsvOf(path: string, rows: Rows, how: 'query' | 'accept' = 'query'): Promise<void> {
  const url = how === 'query' ? `${env.url}${path}&format=csv` : `${env.url}${path}`;
  const headers = how === 'query' ? admin.headers : { ...admin.headers, accept: 'text/csv' };
  const response = await fetch(url, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z-]+-[\w-]+\.csv"$/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...lines] = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
  const columns = Object.keys(rows[0] ?? {});
  if (rows.length) expect(header).toEqual(columns);
  expect(lines).toEqual(
    rows.map((row) => (header ?? []).map((c) => (row[c] === null ? '' : String(row[c])))),
  );
}

const funnel = (group: string, figures: [string, number, number | null, number | null][]) =>
  figures.map(([step, count, conversionRate, medianSecondsFromPrevious]) => ({
    group,
    step,
    count,
    conversionRate,
    medianSecondsFromPrevious,
  }));

describe('funnel report', () => {
  const all = funnel('all', [
    ['searches', 17, null, null],
    ['holds', 4, 0.2353, null],
    ['signed', 3, 0.75, 600],
    ['paid', 2, 0.6667, 1800],
    ['documents_submitted', 2, 1, 2700],
    ['approved', 2, 1, 7200],
    ['active', 1, 0.5, 7200],
  ]);

  it('follows the orders created in the period, with conversions and median step times', async () => {
    const report = await getJson(`/api/v1/staff/reports/funnel?${PERIOD}`);
    expect(report).toEqual({
      from: '2026-03-01',
      to: '2026-03-02',
      by: 'none',
      cohortRule: expect.any(String),
      searches: 17,
      rows: all,
    });
    await expectCsvOf(`/api/v1/staff/reports/funnel?${PERIOD}`, report['rows'] as Rows);
  });

  it('splits the orders by carrier (searches only for the whole cohort)', async () => {
    const report = await getJson(`/api/v1/staff/reports/funnel?${PERIOD}&by=carrier`);
    expect(report['rows']).toEqual([
      ...all,
      ...funnel('telecom', [
        ['holds', 2, null, null],
        ['signed', 2, 1, 900],
        ['paid', 2, 1, 1800],
        ['documents_submitted', 2, 1, 2700],
        ['approved', 2, 1, 7200],
        ['active', 1, 0.5, 7200],
      ]),
      ...funnel('unicom', [
        ['holds', 2, null, null],
        ['signed', 1, 0.5, 300],
        ['paid', 0, 0, null],
        ['documents_submitted', 0, null, null],
        ['approved', 0, null, null],
        ['active', 0, null, null],
      ]),
    ]);
    await expectCsvOf(`/api/v1/staff/reports/funnel?${PERIOD}&by=carrier`, report['rows'] as Rows, 'accept');
  });

  it('splits the orders by grade', async () => {
    const report = await getJson(`/api/v1/staff/reports/funnel?${PERIOD}&by=grade`);
    expect((report['rows'] as Rows).slice(7)).toEqual([
      ...funnel('gold', [
        ['holds', 2, null, null],
        ['signed', 2, 1, 450],
        ['paid', 1, 0.5, 1200],
        ['documents_submitted', 1, 1, 1800],
        ['approved', 1, 1, 3600],
        ['active', 1, 1, 7200],
      ]),
      ...funnel('silver', [
        ['holds', 2, null, null],
        ['signed', 1, 0.5, 1200],
        ['paid', 1, 1, 2400],
        ['documents_submitted', 1, 1, 3600],
        ['approved', 1, 1, 10800],
        ['active', 0, 0, null],
      ]),
    ]);
  });
});

const money = (
  bucket: string,
  group: string,
  payments: number,
  paidFen: number,
  refunds: number,
  refundedFen: number,
) => ({
  bucket,
  group,
  payments,
  paidFen,
  paidYuan: (paidFen / 100).toFixed(2),
  refunds,
  refundedFen,
  refundedYuan: (refundedFen / 100).toFixed(2),
  netFen: paidFen - refundedFen,
  netYuan: ((paidFen - refundedFen) / 100).toFixed(2),
});

describe('revenue report', () => {
  it('nets succeeded refunds against payments per China day', async () => {
    const report = await getJson(`/api/v1/staff/reports/revenue?${PERIOD}&interval=day`);
    expect(report).toEqual({
      from: '2026-03-01',
      to: '2026-03-02',
      interval: 'day',
      by: 'none',
      rows: [money('2026-03-01', 'all', 3, 250_050, 1, 2_000), money('2026-03-02', 'all', 0, 0, 1, 30_025)],
      totals: {
        payments: 3,
        paidFen: 250_050,
        paidYuan: '2500.50',
        refunds: 2,
        refundedFen: 32_025,
        refundedYuan: '320.25',
        netFen: 218_025,
        netYuan: '2180.25',
      },
    });
    expect((report['rows'] as Rows)[1]?.['netYuan']).toBe('-300.25');
    await expectCsvOf(`/api/v1/staff/reports/revenue?${PERIOD}&interval=day`, report['rows'] as Rows);
  });

  it('splits by carrier (every day of every carrier) and by plan per month', async () => {
    const byCarrier = await getJson(`/api/v1/staff/reports/revenue?${PERIOD}&by=carrier`);
    expect(byCarrier['rows']).toEqual([
      money('2026-03-01', 'telecom', 2, 200_050, 0, 0),
      money('2026-03-01', 'unicom', 1, 50_000, 1, 2_000),
      money('2026-03-02', 'telecom', 0, 0, 1, 30_025),
      money('2026-03-02', 'unicom', 0, 0, 0, 0),
    ]);
    await expectCsvOf(`/api/v1/staff/reports/revenue?${PERIOD}&by=carrier`, byCarrier['rows'] as Rows);

    const byPlan = await getJson(`/api/v1/staff/reports/revenue?${PERIOD}&by=plan&interval=month`);
    const expected = [
      money('2026-03', planCode, 1, 120_000, 0, 0),
      money('2026-03', 'none', 2, 130_050, 2, 32_025),
    ];
    expect(byPlan['rows']).toEqual(expected.sort((a, b) => a.group.localeCompare(b.group)));
  });
});

describe('reviewer report', () => {
  it('counts decisions made in the period per reviewer, first-pass rate and median decision time', async () => {
    const report = await getJson(`/api/v1/staff/reports/reviewers?${PERIOD}`);
    expect(report).toEqual({
      from: '2026-03-01',
      to: '2026-03-02',
      rows: [
        {
          reviewer: reviewer1,
          name: 'Reviewer One',
          email: expect.any(String),
          decisions: 3,
          approvals: 2,
          rejections: 1,
          firstSubmissionDecisions: 2,
          firstPassApprovals: 1,
          firstPassApprovalRate: 0.5,
          medianDecisionSeconds: 7200,
        },
        {
          reviewer: reviewer2,
          name: 'Reviewer Two',
          email: expect.any(String),
          decisions: 1,
          approvals: 0,
          rejections: 1,
          firstSubmissionDecisions: 1,
          firstPassApprovals: 0,
          firstPassApprovalRate: 0,
          medianDecisionSeconds: 1800,
        },
      ],
      total: {
        decisions: 4,
        approvals: 2,
        rejections: 2,
        firstSubmissionDecisions: 3,
        firstPassApprovals: 1,
        firstPassApprovalRate: 0.3333,
        medianDecisionSeconds: 5400,
      },
    });
    await expectCsvOf(`/api/v1/staff/reports/reviewers?${PERIOD}`, report['rows'] as Rows);
  });
});

describe('compliance outlook', () => {
  const now = Date.now();
  const lines: Record<string, LiveService> = {};
  const soonLicence = shanghaiDay(new Date(now + 5 * DAY));

  beforeAll(async () => {
    const ds = env.dataSource;
    lines['licence'] = await insertLiveService(ds, { carrierReference: null, licenceExpiresOn: soonLicence });
    lines['task'] = await insertLiveService(ds, {
      carrierReference: null,
      legalRepIdExpiresOn: '2099-01-01',
    });
    lines['later'] = await insertLiveService(ds, {
      carrierReference: null,
      licenceExpiresOn: shanghaiDay(new Date(now + 40 * DAY)),
    });
    lines['lapsed'] = await insertLiveService(ds, {
      carrierReference: null,
      legalRepIdExpiresOn: shanghaiDay(new Date(now - 2 * DAY)),
    });
    lines['suspended'] = await insertLiveService(ds, { carrierReference: null });
    lines['suspendedLater'] = await insertLiveService(ds, { carrierReference: null });
    lines['quarantined'] = await insertLiveService(ds, { carrierReference: null });
    lines['released'] = await insertLiveService(ds, { carrierReference: null });
    const suspend = (line: LiveService, terminatesAt: number) =>
      ds.query(
        `UPDATE services SET status = 'suspended', suspended_at = now(), suspension_reason = 'regulator_flag',
                terminates_at = $2 WHERE id = $1`,
        [line.serviceId, new Date(terminatesAt)],
      );
    await suspend(lines['suspended'] as LiveService, now + 3 * DAY);
    await suspend(lines['suspendedLater'] as LiveService, now + 45 * DAY);
    const terminate = (line: LiveService, quarantineUntil: number, released: boolean) =>
      ds.query(
        `UPDATE services SET status = 'terminated', terminated_at = now(), quarantine_until = $2,
                records_purge_at = now() + interval '2 years', number_released_at = CASE WHEN $3 THEN now() END
          WHERE id = $1`,
        [line.serviceId, new Date(quarantineUntil), released],
      );
    await terminate(lines['quarantined'] as LiveService, now + 20 * DAY, false);
    await terminate(lines['released'] as LiveService, now + 2 * DAY, true);
    const agreements: { id: string }[] = await ds.query(`SELECT id FROM agreements LIMIT 1`);
    const campaign: { id: string }[] = await ds.query(
      `INSERT INTO reverification_campaigns (name, selection, deadline, agreement_id, status, created_by)
       VALUES ('test', '{"kind":"all"}', $1, $2, 'open', 'staff:test') RETURNING id`,
      [new Date(now + 10 * DAY), agreements[0]?.id],
    );
    const task = lines['task'] as LiveService;
    await ds.query(
      `INSERT INTO reverification_tasks (campaign_id, service_id, customer_id, status, due_at)
       VALUES ($1, $2, $3, 'open', $4)`,
      [campaign[0]?.id, task.serviceId, task.customerId, new Date(now + 10 * DAY)],
    );
  });

  it('lists what will be suspended, terminated and released within 30 days, per China day', async () => {
    const report = await getJson('/api/v1/staff/reports/compliance-outlook?days=30');
    const asOf = Date.parse(report['asOf'] as string);
    const today = shanghaiDay(new Date(asOf));
    const lapsedAt = credentialLapsesAt(shanghaiDay(new Date(now - 2 * DAY)));
    const row = (kind: string, key: string, at: Date, reason: string | null) => {
      const line = lines[key] as LiveService;
      return {
        kind,
        at: at.toISOString(),
        day: at.getTime() < asOf ? today : shanghaiDay(at),
        overdue: at.getTime() < asOf,
        serviceId: line.serviceId,
        number: line.number,
        carrier: 'telecom',
        customerId: line.customerId,
        companyName: 'Test Co',
        reason,
      };
    };
    const rows = [
      row('suspension', 'lapsed', lapsedAt, 'id_expired'),
      row('termination', 'suspended', new Date(now + 3 * DAY), null),
      row('suspension', 'licence', credentialLapsesAt(soonLicence), 'licence_expired'),
      row('suspension', 'task', new Date(now + 10 * DAY), 'reverification_overdue'),
      row('quarantine_release', 'quarantined', new Date(now + 20 * DAY), null),
    ];
    expect(rows[0]?.overdue).toBe(true);
    expect(report['rows']).toEqual(rows);
    expect(report).toMatchObject({
      days: 30,
      until: new Date(asOf + 30 * DAY).toISOString(),
      total: 5,
      truncated: false,
      totals: { suspensions: 3, terminations: 1, quarantineReleases: 1 },
    });

    const perDay = report['perDay'] as {
      day: string;
      suspensions: number;
      terminations: number;
      quarantineReleases: number;
    }[];
    expect(perDay[0]?.day).toBe(today);
    expect(perDay[perDay.length - 1]?.day).toBe(shanghaiDay(new Date(asOf + 30 * DAY)));
    expect(perDay.length).toBeGreaterThanOrEqual(31);
    const expectedDays = new Map<string, number[]>();
    for (const r of rows) {
      const counts = expectedDays.get(r.day) ?? [0, 0, 0];
      const i = ['suspension', 'termination', 'quarantine_release'].indexOf(r.kind);
      counts[i] = (counts[i] ?? 0) + 1;
      expectedDays.set(r.day, counts);
    }
    for (const d of perDay)
      expect([d.suspensions, d.terminations, d.quarantineReleases]).toEqual(
        expectedDays.get(d.day) ?? [0, 0, 0],
      );

    await expectCsvOf('/api/v1/staff/reports/compliance-outlook?days=30', report['rows'] as Rows);
  });

  it('caps the list and says how many there are', async () => {
    const report = await getJson('/api/v1/staff/reports/compliance-outlook?days=30&limit=2');
    expect(report).toMatchObject({ total: 5, truncated: true });
    expect((report['rows'] as Rows).map((r) => r['kind'])).toEqual(['suspension', 'termination']);
    const wider = await getJson('/api/v1/staff/reports/compliance-outlook?days=50');
    expect(wider['total']).toBe(7); // + the licence lapsing in 40 days and the termination in 45
  });
});
