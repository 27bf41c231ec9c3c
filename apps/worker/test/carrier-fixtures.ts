// Orders at the carrier, written straight into the tables as review approval leaves them: an
// order in provisioning and its dossier (the shared fixtures of @haoma/testing), the approved
// submission, and the carrier application with its first job in the outbox
// (createCarrierApplication, as the reviewer's approval calls it).
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createCarrierApplication } from '@haoma/carrier';
import type { DossierForm } from '@haoma/domain';
import { insertDossier, placeOrder } from '@haoma/testing';
import { insertCustomer as insertBuyer, nextNumber } from './order-fixtures';

export const insertCustomer = async (ds: DataSource): Promise<string> => (await insertBuyer(ds)).id;

export interface ProvisioningOrder {
  orderId: string;
  number: string;
  customerId: string;
  submissionId: string;
  dossierVersionId: string;
  applicationId: string;
}

export const TEST_FORM: DossierForm = {
  company: { name: '深圳好码科技有限公司', uscc: '91350100M000100Y43', licenceExpiresOn: null },
  legalRepresentative: { name: '张三', idNumber: '11010519491231002X', idExpiresOn: null },
  handler: null,
  destinations: [{ number: '13800138000', ownerName: '张三', ownerIdNumber: '11010519491231002X' }],
  industry: { regulated: false },
  undertakingSigned: true,
  undertakingSignerName: '张三',
};

/** A plan of `termMonths` months, for the orders' term. */
export async function insertPlan(ds: DataSource, termMonths = 12): Promise<{ id: string; code: string }> {
  const code = `t${randomUUID().slice(0, 8)}`;
  const [row]: { id: string }[] = await ds.query(
    `INSERT INTO plans (code, version, name, name_zh, annual_fee_fen, term_months, per_minute_fen,
                        included_minutes, monthly_minimum_fen, allowed_grades)
     VALUES ($1, 1, 'Test plan', '测试套餐', 120000, $2, 10, 12000, 10000, '{standard}') RETURNING id`,
    [code, termMonths],
  );
  if (!row) throw new Error('plan not inserted');
  return { id: row.id, code };
}

/** An order in provisioning with an approved submission and its (pending) carrier application. */
export async function insertProvisioningOrder(
  ds: DataSource,
  options: { customerId: string; planId: string | null; documentsDueAt?: Date | null },
): Promise<ProvisioningOrder> {
  // As review approval leaves it: paid, the number locked to the order, the dossier's version
  // approved.
  const { orderId, number } = await placeOrder(ds, {
    status: 'provisioning',
    customerId: options.customerId,
    number: nextNumber(),
    totalFen: 128_000,
    planId: options.planId,
    documentsDueAt: options.documentsDueAt ?? null,
  });
  const { versionId } = await insertDossier(ds, options.customerId, {
    form: TEST_FORM,
    companyName: TEST_FORM.company.name,
    uscc: TEST_FORM.company.uscc,
    legalRepIdNumber: TEST_FORM.legalRepresentative.idNumber,
    createdBy: `customer:${options.customerId}`,
  });
  const [submission]: { id: string }[] = await ds.query(
    `INSERT INTO verification_submissions (order_id, customer_id, dossier_version_id, sequence, status,
                                           submitted_at, decided_by, decided_at)
     VALUES ($1, $2, $3, 1, 'approved', now(), 'staff:reviewer', now()) RETURNING id`,
    [orderId, options.customerId, versionId],
  );
  if (!submission) throw new Error('submission not inserted');
  const applicationId = await ds.transaction((manager) =>
    createCarrierApplication(manager, { orderId, submissionId: submission.id }),
  );
  return {
    orderId,
    number,
    customerId: options.customerId,
    submissionId: submission.id,
    dossierVersionId: versionId,
    applicationId,
  };
}

export interface ActivationFacts {
  orderStatus: string;
  numberStatus: string;
  holder: string | null;
  applicationStatus: string;
  services: {
    id: string;
    status: string;
    carrier_reference: string;
    term_ends_at: Date;
    activated_at: Date;
  }[];
  serviceEvents: { event: string; actor: string }[];
  activations: number;
}

/** What an order's activation left in the tables. */
export async function activationFacts(ds: DataSource, order: ProvisioningOrder): Promise<ActivationFacts> {
  const [row]: { status: string; number_status: string; holder_order_id: string | null }[] = await ds.query(
    `SELECT o.status, n.status AS number_status, n.holder_order_id
       FROM orders o JOIN numbers n ON n.number = o.number WHERE o.id = $1`,
    [order.orderId],
  );
  const [application]: { status: string }[] = await ds.query(
    `SELECT status FROM carrier_applications WHERE id = $1`,
    [order.applicationId],
  );
  const services = await ds.query(
    `SELECT id, status, carrier_reference, term_ends_at, activated_at FROM services WHERE order_id = $1`,
    [order.orderId],
  );
  const serviceEvents = await ds.query(
    `SELECT e.event, e.actor FROM service_events e JOIN services s ON s.id = e.service_id
      WHERE s.order_id = $1 ORDER BY e.id`,
    [order.orderId],
  );
  const [countRow]: { count: number }[] = await ds.query(
    `SELECT count(*)::int AS count FROM order_events WHERE order_id = $1 AND event = 'carrier_activated'`,
    [order.orderId],
  );
  return {
    orderStatus: row?.status ?? 'missing',
    numberStatus: row?.number_status ?? 'missing',
    holder: row?.holder_order_id ?? null,
    applicationStatus: application?.status ?? 'missing',
    services,
    serviceEvents,
    activations: countRow?.count ?? 0,
  };
}
