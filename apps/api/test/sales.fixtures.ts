// Shared by the sales suites: orders written straight into the tables in any state, with
// exact timestamps, as earlier steps would have left them (the style of
// libs/orders/src/orders.spec-helper.ts), so filters, sorts and aging can be checked
// against hand-computed values.
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { OrderStatus } from '@haoma/domain';

const NUMBER_STATUS_OF: Record<OrderStatus, string> = {
  selecting: 'held',
  awaiting_payment: 'held',
  awaiting_documents: 'locked',
  under_review: 'locked',
  provisioning: 'locked',
  active: 'assigned',
  ended: 'quarantine',
  expired: 'available',
  cancelled: 'available',
};

let sequence = 0;
/** A fresh number in a real block (so the domain parser reads it), unique per test process. */
export function freshNumber(block = '4008'): string {
  sequence += 1;
  return `${block}${String((process.pid * 1000 + sequence) % 1_000_000).padStart(6, '0')}`;
}

export async function insertCustomerRow(
  ds: DataSource,
  options: { companyName?: string; email?: string } = {},
): Promise<{ id: string; email: string; companyName: string }> {
  const id = randomUUID();
  const email = options.email ?? `c-${randomBytes(5).toString('hex')}@example.com`;
  const companyName = options.companyName ?? 'Test Trading Co.';
  await ds.query(
    `INSERT INTO customers (id, company_name, contact_name, email, mobile, password_hash)
     VALUES ($1, $2, 'Tester', $3, '13800138000', 'not-a-hash')`,
    [id, companyName, email],
  );
  return { id, email, companyName };
}

export interface OrderSpec {
  customerId: string;
  status: OrderStatus;
  createdAt: Date;
  statusChangedAt: Date;
  number?: string;
  grade?: string;
  carrier?: string;
  holdUntil?: Date | null;
  documentsDueAt?: Date | null;
  paidAt?: Date | null;
  assigneeId?: string | null;
  totalFen?: number | null;
}

/** An order in `status` with its number in the matching state; returns its id, number and order no. */
export async function insertOrderRow(
  ds: DataSource,
  spec: OrderSpec,
): Promise<{ id: string; number: string; orderNo: string }> {
  const id = randomUUID();
  const number = spec.number ?? freshNumber();
  const numberStatus = NUMBER_STATUS_OF[spec.status];
  const holding = spec.status === 'selecting' || spec.status === 'awaiting_payment';
  const holdUntil = spec.holdUntil ?? (holding ? new Date(Date.now() + 3_600_000) : null);
  await ds.query(
    `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version,
                          status, holder_order_id, held_until)
     VALUES ($1::text, left($1::text, 4), $2, $3, '{}', 'test number', 0, 1, $4, $5, $6)`,
    [
      number,
      spec.carrier ?? 'telecom',
      spec.grade ?? 'standard',
      numberStatus,
      ['held', 'locked', 'assigned'].includes(numberStatus) ? id : null,
      numberStatus === 'held' ? holdUntil : null,
    ],
  );
  const rows: { order_no: string }[] = await ds.query(
    `INSERT INTO orders (id, customer_id, number, status, status_changed_at, grade, selection_fee_fen, total_fen,
                         hold_until, documents_due_at, paid_at, assignee_id, assigned_at, created_at)
     VALUES ($1, $2, $3, $4, $5::timestamptz, $6, 0, $7, $8, $9, $10, $11::uuid, CASE WHEN $11::uuid IS NULL THEN NULL ELSE $5::timestamptz END, $12)
     RETURNING order_no`,
    [
      id,
      spec.customerId,
      number,
      spec.status,
      spec.statusChangedAt,
      spec.grade ?? 'standard',
      spec.totalFen === undefined ? 120_000 : spec.totalFen,
      holdUntil,
      spec.documentsDueAt ?? null,
      spec.paidAt ?? null,
      spec.assigneeId ?? null,
      spec.createdAt,
    ],
  );
  return { id, number, orderNo: String(rows[0]?.order_no) };
}

/** A dossier version (with `uscc` and `companyName`) submitted for the order; returns the ids. */
export async function insertSubmission(
  ds: DataSource,
  input: {
    orderId: string;
    customerId: string;
    uscc: string;
    companyName: string;
    submittedAt: Date;
    sequence?: number;
    documents?: { kind: string; uploadedAt: Date; attachedAt: Date | null }[];
    prechecked?: { at: Date; worstSeverity: string | null };
    decided?: { at: Date; by: string; status: 'approved' | 'rejected'; note?: string };
  },
): Promise<{ submissionId: string; versionId: string; documentIds: string[] }> {
  const dossierId = randomUUID();
  const versionId = randomUUID();
  const submissionId = randomUUID();
  await ds.query(`INSERT INTO dossiers (id, customer_id, company_name) VALUES ($1, $2, $3)`, [
    dossierId,
    input.customerId,
    input.companyName,
  ]);
  await ds.query(
    `INSERT INTO dossier_versions (id, dossier_id, version, form, company_name, uscc, created_by)
     VALUES ($1, $2, 1, '{}', $3, $4, $5)`,
    [versionId, dossierId, input.companyName, input.uscc, `customer:${input.customerId}`],
  );
  const documentIds: string[] = [];
  for (const doc of input.documents ?? []) {
    const documentId = randomUUID();
    documentIds.push(documentId);
    await ds.query(
      `INSERT INTO documents (id, customer_id, kind, content_type, size_bytes, sha256, storage_key, original_name,
                              uploaded_at, attached_at)
       VALUES ($1, $2, $3, 'image/png', 100, repeat('a', 64), $4, 'scan.png', $5, $6)`,
      [documentId, input.customerId, doc.kind, `test/${documentId}`, doc.uploadedAt, doc.attachedAt],
    );
    await ds.query(
      `INSERT INTO dossier_version_documents (version_id, document_id, kind) VALUES ($1, $2, $3)`,
      [versionId, documentId, doc.kind],
    );
  }
  const status = input.decided?.status ?? (input.prechecked ? 'awaiting_review' : 'prechecking');
  await ds.query(
    `INSERT INTO verification_submissions (id, order_id, customer_id, dossier_version_id, sequence, status,
                                           submitted_at, worst_severity, prechecked_at, decided_by, decided_at, review_note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      submissionId,
      input.orderId,
      input.customerId,
      versionId,
      input.sequence ?? 1,
      status,
      input.submittedAt,
      input.prechecked?.worstSeverity ?? null,
      input.prechecked?.at ?? null,
      input.decided?.by ?? null,
      input.decided?.at ?? null,
      input.decided?.note ?? null,
    ],
  );
  return { submissionId, versionId, documentIds };
}

/** A timeline row at `at`. */
export async function insertOrderEvent(
  ds: DataSource,
  input: {
    orderId: string;
    type: string;
    at: Date;
    actor: string;
    event?: string;
    from?: string;
    to?: string;
    reason?: string;
    data?: Record<string, unknown>;
  },
): Promise<string> {
  const rows: { id: string }[] = await ds.query(
    `INSERT INTO order_events (order_id, type, event, from_status, to_status, actor, reason, data, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      input.orderId,
      input.type,
      input.event ?? null,
      input.from ?? null,
      input.to ?? null,
      input.actor,
      input.reason ?? null,
      input.data === undefined ? null : JSON.stringify(input.data),
      input.at,
    ],
  );
  return String(rows[0]?.id);
}

/** A time `ms` before `base`. */
export const ago = (base: Date, ms: number) => new Date(base.getTime() - ms);
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** `value`, or a test failure when it is missing. */
export function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}
