import { createHash, randomUUID } from 'node:crypto';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@haoma/db';
import { residentIdCheckCharacter } from '@haoma/domain';
import { transitionOrder } from '@haoma/orders';
import { createTestDatabase, testConfig, type TestDatabase } from '@haoma/testing';
import { createDossier, submitDossier, verificationSettingsFrom } from '@haoma/verification';
import { SubmissionOrderEvents } from '../src/verification/submission-order-events.handler';
import { VerificationProcessor } from '../src/verification/verification.processor';

// The worker's side of verification: the pre-check job, and submissions following their order.
describe('verification in the worker', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let processor: VerificationProcessor;
  let orderEvents: SubmissionOrderEvents;
  const config = () => testConfig(db.url);

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
    processor = new VerificationProcessor(ds, config());
    orderEvents = new SubmissionOrderEvents(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  let serial = 0;
  /** A customer with a complete dossier, an order awaiting documents, and the dossier submitted for it. */
  async function submittedOrder(uscc = '91350100M000100Y43') {
    serial += 1;
    const customerId = randomUUID();
    await ds.query(
      `INSERT INTO customers (id, company_name, contact_name, email, mobile, password_hash)
       VALUES ($1, 'Test Co', 'Tester', $2, '13800138000', 'x')`,
      [customerId, `w-${customerId}@example.com`],
    );
    const first = `110105198001010${String(serial).padStart(2, '0')}`;
    const legalRepId = `${first}${residentIdCheckCharacter(first)}`;
    const documentIds: string[] = [];
    for (const kind of ['business_licence', 'legal_rep_id_front', 'legal_rep_id_back', 'undertaking']) {
      const rows: { id: string }[] = await ds.query(
        `INSERT INTO documents (customer_id, kind, content_type, size_bytes, sha256, storage_key, original_name)
         VALUES ($1, $2, 'application/pdf', 10, $3, $4, 'x.pdf') RETURNING id`,
        [customerId, kind, createHash('sha256').update(randomUUID()).digest('hex'), `t/${randomUUID()}`],
      );
      documentIds.push(String(rows[0]?.id));
    }
    const settings = verificationSettingsFrom(config());
    const form = {
      company: { name: '示例公司', uscc, licenceExpiresOn: null },
      legalRepresentative: { name: '王芳', idNumber: legalRepId, idExpiresOn: null },
      handler: null,
      destinations: [{ number: '13800138000', ownerName: '王芳', ownerIdNumber: legalRepId }],
      industry: { regulated: false },
      undertakingSigned: true,
      undertakingSignerName: '王芳',
    };
    const { dossierId } = await ds.transaction((m) =>
      createDossier(m, { customerId, form, documentIds, settings }),
    );
    const orderId = randomUUID();
    const number = `4009${String(process.pid % 100).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
    await ds.query(
      `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version, status, holder_order_id)
       VALUES ($1::text, left($1::text, 4), 'telecom', 'standard', '{}', 't', 0, 1, 'locked', $2)`,
      [number, orderId],
    );
    await ds.query(
      `INSERT INTO orders (id, customer_id, number, status, grade, selection_fee_fen, total_fen, hold_until, documents_due_at)
       VALUES ($1, $2, $3, 'awaiting_documents', 'standard', 0, 1000, now(), now() + interval '10 days')`,
      [orderId, customerId, number],
    );
    const { submissionId } = await ds.transaction((m) =>
      submitDossier(m, { customerId, orderId, dossierId, settings }),
    );
    return { customerId, orderId, submissionId };
  }
  const job = (submissionId: string, name = 'precheck-submission') =>
    ({ name, data: { submissionId } }) as unknown as Job;
  const status = async (id: string) =>
    (
      (await ds.query(`SELECT status FROM verification_submissions WHERE id = $1`, [id])) as {
        status: string;
      }[]
    )[0]?.status;

  it('pre-checks a submission once: a repeated job is skipped', async () => {
    const { submissionId } = await submittedOrder('91350211M00013FA1N');
    expect(await processor.process(job(submissionId))).toEqual({
      outcome: 'checked',
      findings: 1,
      worstSeverity: 'warning',
    });
    expect(await status(submissionId)).toBe('awaiting_review');
    expect(await processor.process(job(submissionId))).toMatchObject({ outcome: 'skipped' });
  });

  it('refuses an unknown job without retrying', async () => {
    await expect(processor.process(job(randomUUID(), 'no-such-job'))).rejects.toThrow('unknown job');
  });

  it('withdraws the open submission when the order is cancelled or its deadline passes; other events do nothing', async () => {
    const cancelled = await submittedOrder('91310110666007217T');
    const submittedEvent: { id: string }[] = await ds.query(
      `SELECT id FROM order_events WHERE order_id = $1 AND event = 'documents_submitted'`,
      [cancelled.orderId],
    );
    expect(
      await orderEvents.handle({ orderId: cancelled.orderId, orderEventId: String(submittedEvent[0]?.id) }),
    ).toEqual({
      outcome: 'none',
    });
    const result = await ds.transaction((m) =>
      transitionOrder(m, {
        orderId: cancelled.orderId,
        event: 'cancel',
        actor: { kind: 'customer', id: cancelled.customerId },
      }),
    );
    if (!result.changed) throw new Error('not cancelled');
    const payload = { orderId: cancelled.orderId, orderEventId: result.orderEventId };
    expect(await orderEvents.handle(payload)).toEqual({
      outcome: 'withdrawn',
      submissionIds: [cancelled.submissionId],
    });
    expect(await orderEvents.handle(payload)).toEqual({ outcome: 'none' });
    expect(await status(cancelled.submissionId)).toBe('withdrawn');
    // The pre-check job arriving after the cancellation changes nothing.
    expect(await processor.process(job(cancelled.submissionId))).toMatchObject({ outcome: 'skipped' });
  });
});
