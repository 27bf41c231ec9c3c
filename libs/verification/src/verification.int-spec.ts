import type { DataSource } from 'typeorm';
import { withAuditContext } from '@haoma/audit';
import { createDataSource } from '@haoma/db';
import { OrderError, transitionOrder } from '@haoma/orders';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import { addDossierVersion, createDossier } from './dossiers';
import { findDossier } from './dossier-queries';
import { runPrecheck } from './precheck-runner';
import { listReviewQueue, findReview } from './review-queries';
import { approveSubmission, rejectSubmission } from './review-decisions';
import { listOrderSubmissions } from './submission-queries';
import { submitDossier } from './submissions';
import { withdrawSubmissionsFor } from './submission-withdrawal';
import { VerificationError } from './verification-errors';
import {
  awaitingDocumentsOrder,
  BASE_KINDS,
  formInput,
  HANDLER_ID,
  insertCustomer,
  insertDocuments,
  freshCredentials,
  TEST_SETTINGS as settings,
} from './verification.spec-helper';

describe('dossiers, submissions, pre-check and review', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 4 }).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) =>
        e instanceof VerificationError || e instanceof OrderError ? { code: e.code, ...e.details } : e,
    );
  const tx = <T>(work: (m: DataSource['manager']) => Promise<T>) => ds.transaction(work);

  async function dossierFor(customerId: string, form = formInput(), kinds = BASE_KINDS) {
    const documentIds = await insertDocuments(ds, customerId, kinds);
    return tx((m) => createDossier(m, { customerId, form, documentIds, settings }));
  }
  async function submitted(overrides: Record<string, unknown> = {}) {
    const customer = await insertCustomer(ds);
    const { dossierId } = await dossierFor(customer.id, formInput(overrides));
    const { orderId } = await awaitingDocumentsOrder(ds, customer.id);
    const result = await tx((m) =>
      submitDossier(m, { customerId: customer.id, orderId, dossierId, settings }),
    );
    return { customer, dossierId, orderId, ...result };
  }
  const orderStatus = async (orderId: string) =>
    ((await ds.query(`SELECT status FROM orders WHERE id = $1`, [orderId])) as { status: string }[])[0]
      ?.status;
  const submission = async (id: string) =>
    (
      (await ds.query(`SELECT * FROM verification_submissions WHERE id = $1`, [id])) as Record<
        string,
        unknown
      >[]
    )[0];

  /** The staff request's audit context, as the API's interceptor sets it. */
  const asStaff = <T>(staffId: string, work: () => Promise<T>) =>
    withAuditContext(
      {
        actor: `staff:${staffId}`,
        actorId: staffId,
        actorRole: 'reviewer',
        ip: null,
        userAgent: null,
        request: 'test',
      },
      work,
    );
  const auditRows = async (targetId: string) =>
    ds.query(
      `SELECT actor, action, target_type, before, after FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [targetId],
    ) as Promise<Record<string, unknown>[]>;

  describe('dossiers', () => {
    it('creates version 1, adds version 2 on the current base, refuses a stale base', async () => {
      const customer = await insertCustomer(ds);
      const v1 = await dossierFor(customer.id);
      expect(v1.version).toBe(1);
      const attached: { n: string }[] = await ds.query(
        `SELECT count(*) AS n FROM documents WHERE customer_id = $1 AND attached_at IS NOT NULL`,
        [customer.id],
      );
      expect(Number(attached[0]?.n)).toBe(4);

      const documentIds = await insertDocuments(ds, customer.id, BASE_KINDS);
      const form = formInput({
        company: { name: '新名称有限公司', uscc: '91350100M000100Y43', licenceExpiresOn: null },
      });
      const v2 = await tx((m) =>
        addDossierVersion(m, {
          customerId: customer.id,
          dossierId: v1.dossierId,
          baseVersion: 1,
          form,
          documentIds,
          settings,
        }),
      );
      expect(v2.version).toBe(2);
      expect(
        await refusal(
          tx((m) =>
            addDossierVersion(m, {
              customerId: customer.id,
              dossierId: v1.dossierId,
              baseVersion: 1,
              form,
              documentIds,
              settings,
            }),
          ),
        ),
      ).toEqual({ code: 'DOSSIER_VERSION_CONFLICT', currentVersion: 2 });

      const detail = await findDossier(ds.manager, { customerId: customer.id, dossierId: v1.dossierId });
      expect(detail).toMatchObject({
        companyName: '新名称有限公司',
        currentVersion: 2,
        current: { version: 2 },
      });
      expect(detail.versions.map((v) => v.version)).toEqual([2, 1]);
      expect(detail.current.documents).toHaveLength(4);
    });

    it('refuses hard form errors with the fields, and documents that are not the customer’s', async () => {
      const customer = await insertCustomer(ds);
      const other = await insertCustomer(ds);
      const theirs = await insertDocuments(ds, other.id, ['business_licence']);
      expect(
        await refusal(
          tx((m) =>
            createDossier(m, {
              customerId: customer.id,
              form: formInput({ undertakingSigned: false }),
              documentIds: [],
              settings,
            }),
          ),
        ),
      ).toMatchObject({
        code: 'DOSSIER_INVALID',
        fields: [{ field: 'undertakingSigned', code: 'MUST_BE_SIGNED' }],
      });
      expect(
        await refusal(
          tx((m) =>
            createDossier(m, { customerId: customer.id, form: formInput(), documentIds: theirs, settings }),
          ),
        ),
      ).toEqual({ code: 'DOSSIER_DOCUMENT_NOT_USABLE', documentIds: theirs });
      const dossiers: unknown[] = await ds.query(`SELECT 1 FROM dossiers WHERE customer_id = $1`, [
        customer.id,
      ]);
      expect(dossiers).toHaveLength(0);
      expect(
        await refusal(
          findDossier(ds.manager, {
            customerId: customer.id,
            dossierId: (await dossierFor(other.id)).dossierId,
          }),
        ),
      ).toEqual({ code: 'DOSSIER_NOT_FOUND' });
    });
  });

  describe('submitting', () => {
    it('records sequence 1, moves the order to review and queues the pre-check, in one go', async () => {
      const { orderId, submissionId, sequence } = await submitted();
      expect(sequence).toBe(1);
      expect(await orderStatus(orderId)).toBe('under_review');
      expect(await submission(submissionId)).toMatchObject({ status: 'prechecking', sequence: 1 });
      const outbox: unknown[] = await ds.query(
        `SELECT 1 FROM outbox_messages WHERE job_name = 'precheck-submission' AND payload ->> 'submissionId' = $1`,
        [submissionId],
      );
      expect(outbox).toHaveLength(1);
    });

    it('refuses a dossier missing required documents, listing the kinds, and changes nothing', async () => {
      const customer = await insertCustomer(ds);
      const handler = { name: '李雷', idNumber: HANDLER_ID, mobile: '13800138001', idExpiresOn: null };
      const { dossierId } = await dossierFor(customer.id, formInput({ handler }), [
        'business_licence',
        'legal_rep_id_front',
        'legal_rep_id_back',
        'undertaking',
        'handler_id_front',
      ]);
      const { orderId } = await awaitingDocumentsOrder(ds, customer.id);
      expect(
        await refusal(tx((m) => submitDossier(m, { customerId: customer.id, orderId, dossierId, settings }))),
      ).toEqual({
        code: 'DOSSIER_DOCUMENTS_INCOMPLETE',
        missing: ['handler_id_back', 'authorisation_letter'],
      });
      expect(await orderStatus(orderId)).toBe('awaiting_documents');
    });

    it('refuses another customer’s order or dossier, and an order under review', async () => {
      const { customer, dossierId, orderId } = await submitted();
      const other = await insertCustomer(ds);
      const theirs = await awaitingDocumentsOrder(ds, other.id);
      expect(
        await refusal(
          tx((m) =>
            submitDossier(m, { customerId: customer.id, orderId: theirs.orderId, dossierId, settings }),
          ),
        ),
      ).toEqual({ code: 'ORDER_NOT_FOUND' });
      expect(
        await refusal(
          tx((m) => submitDossier(m, { customerId: other.id, orderId: theirs.orderId, dossierId, settings })),
        ),
      ).toEqual({ code: 'DOSSIER_NOT_FOUND' });
      expect(
        await refusal(tx((m) => submitDossier(m, { customerId: customer.id, orderId, dossierId, settings }))),
      ).toMatchObject({ code: 'ORDER_TRANSITION_NOT_ALLOWED', status: 'under_review' });
    });

    it('asks for a multi-number proof once the company reaches MAX_NUMBERS_PER_COMPANY', async () => {
      const customer = await insertCustomer(ds);
      const { dossierId } = await dossierFor(
        customer.id,
        formInput({ company: { name: 'Many Co', uscc: freshCredentials().uscc, licenceExpiresOn: null } }),
      );
      for (let i = 0; i < settings.maxNumbersPerCompany; i += 1) {
        const { orderId } = await awaitingDocumentsOrder(ds, customer.id);
        await tx((m) => submitDossier(m, { customerId: customer.id, orderId, dossierId, settings }));
      }
      const { orderId } = await awaitingDocumentsOrder(ds, customer.id);
      expect(
        await refusal(tx((m) => submitDossier(m, { customerId: customer.id, orderId, dossierId, settings }))),
      ).toEqual({
        code: 'DOSSIER_DOCUMENTS_INCOMPLETE',
        missing: ['multi_number_proof'],
      });
    });
  });

  describe('pre-check', () => {
    it('stores the findings and moves to awaiting review once; a second run is a no-op', async () => {
      const { submissionId } = await submitted({
        company: { name: 'Pilot Co', uscc: '91350211M00013FA1N', licenceExpiresOn: null },
      });
      expect(await tx((m) => runPrecheck(m, { submissionId, settings }))).toEqual({
        outcome: 'checked',
        findings: 1,
        worstSeverity: 'warning',
      });
      const row = await submission(submissionId);
      expect(row).toMatchObject({
        status: 'awaiting_review',
        worst_severity: 'warning',
        findings: [{ code: 'USCC_CHECK_FAILED', severity: 'warning' }],
      });
      expect(row?.['prechecked_at']).toBeInstanceOf(Date);
      expect(await tx((m) => runPrecheck(m, { submissionId, settings }))).toEqual({
        outcome: 'skipped',
        reason: 'submission is awaiting_review',
      });
    });

    it('names the other account using the same USCC for the reviewer, never for the customer', async () => {
      const first = await submitted({
        company: { name: 'Lender Co', uscc: '91310115591693856A', licenceExpiresOn: null },
      });
      const second = await submitted({
        company: { name: 'Borrower Co', uscc: '91310115591693856A', licenceExpiresOn: null },
      });
      await tx((m) => runPrecheck(m, { submissionId: second.submissionId, settings }));
      const review = await findReview(ds.manager, second.submissionId);
      expect(review.findings).toContainEqual(
        expect.objectContaining({
          code: 'BORROWED_USCC',
          details: { accounts: [{ customerId: first.customer.id, email: first.customer.email }] },
        }),
      );
      const customerView = await listOrderSubmissions(ds.manager, {
        customerId: second.customer.id,
        orderId: second.orderId,
      });
      expect(JSON.stringify(customerView)).not.toContain(first.customer.email);
      expect(customerView[0]?.findings).toEqual([]);
    });
  });

  describe('review', () => {
    it('approves: order provisioning, a carrier application, who and when recorded; never twice', async () => {
      const { orderId, submissionId } = await submitted();
      const staffId = '00000000-0000-4000-8000-00000000000a';
      expect(await refusal(tx((m) => approveSubmission(m, { submissionId, staffId })))).toEqual({
        code: 'REVIEW_NOT_READY',
      });
      await tx((m) => runPrecheck(m, { submissionId, settings }));
      const queue = await listReviewQueue(ds.manager, { status: 'awaiting_review', limit: 100 });
      expect(queue?.items.map((i) => i.submissionId)).toContain(submissionId);

      const { carrierApplicationId } = await asStaff(staffId, () =>
        tx((m) => approveSubmission(m, { submissionId, staffId, note: 'ok' })),
      );
      expect(await orderStatus(orderId)).toBe('provisioning');
      expect(await submission(submissionId)).toMatchObject({
        status: 'approved',
        decided_by: `staff:${staffId}`,
        review_note: 'ok',
      });
      const applications: { id: string; status: string }[] = await ds.query(
        `SELECT id, status FROM carrier_applications WHERE submission_id = $1`,
        [submissionId],
      );
      expect(applications).toEqual([{ id: carrierApplicationId, status: 'pending' }]);
      expect(
        await refusal(asStaff(staffId, () => tx((m) => approveSubmission(m, { submissionId, staffId })))),
      ).toEqual({
        code: 'REVIEW_ALREADY_DECIDED',
        status: 'approved',
      });
      // One audit row, committed with the decision; the refused repeat wrote none.
      expect(await auditRows(submissionId)).toEqual([
        {
          actor: `staff:${staffId}`,
          action: 'submission.approved',
          target_type: 'submission',
          before: { status: 'awaiting_review' },
          after: { status: 'approved', orderId, carrierApplicationId, noted: true },
        },
      ]);
      expect(
        await refusal(
          tx((m) => approveSubmission(m, { submissionId: '00000000-0000-4000-8000-000000000000', staffId })),
        ),
      ).toEqual({ code: 'REVIEW_NOT_FOUND' });
    });

    it('rejects with reasons: order back to awaiting documents with a new deadline; resubmission is sequence 2', async () => {
      const { customer, dossierId, orderId, submissionId } = await submitted();
      await tx((m) => runPrecheck(m, { submissionId, settings }));
      const staffId = '00000000-0000-4000-8000-00000000000b';
      expect(
        await refusal(tx((m) => rejectSubmission(m, { submissionId, staffId, reasons: [], settings }))),
      ).toEqual({ code: 'REVIEW_REASONS_REQUIRED' });
      expect(
        await refusal(
          tx((m) =>
            rejectSubmission(m, {
              submissionId,
              staffId,
              reasons: [{ target: 'business_licence', code: 'NOPE' }],
              settings,
            }),
          ),
        ),
      ).toMatchObject({ code: 'REVIEW_REASONS_REQUIRED' });

      expect(await auditRows(submissionId)).toEqual([]);

      const before = Date.now();
      const { documentsDueAt } = await asStaff(staffId, () =>
        tx((m) =>
          rejectSubmission(m, {
            submissionId,
            staffId,
            settings,
            note: '张三 looked nervous',
            reasons: [
              { target: 'business_licence', code: 'SEAL_MISSING' },
              { target: 'company.name', code: 'NAME_MISMATCH', text: '公司名称与营业执照不符' },
            ],
          }),
        ),
      );
      // Audited with targets and codes only: the texts and note may quote identity data,
      // which the retention purge erases, and the audit log cannot be purged.
      expect(await auditRows(submissionId)).toEqual([
        {
          actor: `staff:${staffId}`,
          action: 'submission.rejected',
          target_type: 'submission',
          before: { status: 'awaiting_review' },
          after: {
            status: 'rejected',
            orderId,
            reasons: [
              { target: 'business_licence', code: 'SEAL_MISSING' },
              { target: 'company.name', code: 'NAME_MISMATCH' },
            ],
            documentsDueAt: documentsDueAt.toISOString(),
            noted: true,
          },
        },
      ]);
      expect(documentsDueAt.getTime()).toBeGreaterThanOrEqual(before + settings.resubmitWindowMs);
      expect(await orderStatus(orderId)).toBe('awaiting_documents');
      const events: { reason: string; actor: string }[] = await ds.query(
        `SELECT reason, actor FROM order_events WHERE order_id = $1 AND event = 'review_rejected'`,
        [orderId],
      );
      expect(events[0]?.actor).toBe(`staff:${staffId}`);
      expect(events[0]?.reason).toContain('business_licence: 材料缺少公司公章');
      expect(events[0]?.reason).toContain('The company seal is missing');
      expect(events[0]?.reason).toContain('company.name: 公司名称与营业执照不符');

      const views = await listOrderSubmissions(ds.manager, { customerId: customer.id, orderId });
      expect(views[0]?.rejectionReasons[0]).toMatchObject({
        target: 'business_licence',
        code: 'SEAL_MISSING',
        text: { en: expect.stringContaining('seal') },
      });

      const again = await tx((m) =>
        submitDossier(m, { customerId: customer.id, orderId, dossierId, settings }),
      );
      expect(again.sequence).toBe(2);
      const detail = await findReview(ds.manager, again.submissionId);
      expect(detail.earlierSubmissions).toMatchObject([
        { sequence: 1, status: 'rejected', decidedBy: `staff:${staffId}` },
      ]);
      expect(detail.documents[0]?.contentUrl).toBe(
        `/api/v1/staff/documents/${detail.documents[0]?.id}/content`,
      );
    });

    it('keeps the later documents deadline when it is after the resubmission window', async () => {
      const customer = await insertCustomer(ds);
      const { dossierId } = await dossierFor(customer.id);
      const far = new Date(Date.now() + 60 * 86_400_000);
      const { orderId } = await awaitingDocumentsOrder(ds, customer.id, far);
      const { submissionId } = await tx((m) =>
        submitDossier(m, { customerId: customer.id, orderId, dossierId, settings }),
      );
      await tx((m) => runPrecheck(m, { submissionId, settings }));
      const { documentsDueAt } = await tx((m) =>
        rejectSubmission(m, {
          submissionId,
          staffId: 'x',
          settings,
          reasons: [{ target: 'undertaking', code: 'ILLEGIBLE' }],
        }),
      );
      expect(documentsDueAt.getTime()).toBe(far.getTime());
    });
  });

  it('withdraws the open submission when the order is cancelled, once', async () => {
    const { customer, orderId, submissionId } = await submitted();
    const cancelled = await tx((m) =>
      transitionOrder(m, { orderId, event: 'cancel', actor: { kind: 'customer', id: customer.id } }),
    );
    if (!cancelled.changed) throw new Error('not cancelled');
    expect(await tx((m) => withdrawSubmissionsFor(m, cancelled.orderEventId))).toEqual({
      outcome: 'withdrawn',
      submissionIds: [submissionId],
    });
    expect(await tx((m) => withdrawSubmissionsFor(m, cancelled.orderEventId))).toEqual({ outcome: 'none' });
    expect(await submission(submissionId)).toMatchObject({ status: 'withdrawn' });
    expect(await tx((m) => runPrecheck(m, { submissionId, settings }))).toEqual({
      outcome: 'skipped',
      reason: 'submission is withdrawn',
    });
  });
});
