// Test fixtures for live services: what the carrier activation (helper C's code) leaves behind —
// an `active` order whose number is `assigned`, a dossier with one version, and the service —
// written directly so that each timer can be tried from any state.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ComplianceWindows } from '@haoma/domain';

const DAY = 86_400_000;

let sequence = 0;

/** A fresh number per call within a test process (block 4007: no other suite's fixtures use it). */
export function nextServiceNumber(): string {
  sequence += 1;
  return `4007${String(process.pid % 100).padStart(2, '0')}${String(sequence).padStart(4, '0')}`;
}

export async function insertCustomer(ds: DataSource): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO customers (id, company_name, contact_name, email, mobile, password_hash)
     VALUES ($1, 'Test Co', 'Tester', $2, '13800138000', 'not-a-hash')`,
    [id, `c-${id}@example.com`],
  );
  return id;
}

/** An order in `status` for a new number, the number in the matching state (held for the order). */
export async function placeOrder(
  ds: DataSource,
  options: { status: 'active' | 'awaiting_documents'; customerId: string; documentsDueAt?: Date | null },
): Promise<{ orderId: string; number: string }> {
  const orderId = randomUUID();
  const number = nextServiceNumber();
  await ds.query(
    `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version,
                          status, holder_order_id)
     VALUES ($1::text, left($1::text, 4), 'telecom', 'standard', '{}', 'test number', 0, 1, $2, $3)`,
    [number, options.status === 'active' ? 'assigned' : 'locked', orderId],
  );
  await ds.query(
    `INSERT INTO orders (id, customer_id, number, status, grade, selection_fee_fen, total_fen, hold_until, documents_due_at)
     VALUES ($1, $2, $3, $4, 'standard', 0, 120000, now() - interval '1 day', $5)`,
    [orderId, options.customerId, number, options.status, options.documentsDueAt ?? null],
  );
  return { orderId, number };
}

/** The configured defaults (90 d, 90 d, 2 y; reminders 30/7/1 d and 7/3/1 d). */
export const TEST_WINDOWS: ComplianceWindows = {
  terminateAfterMs: 90 * DAY,
  quarantineMs: 90 * DAY,
  retentionMs: 730 * DAY,
  reminderOffsetsMs: [30 * DAY, 7 * DAY, DAY],
  documentReminderOffsetsMs: [7 * DAY, 3 * DAY, DAY],
};

export interface DossierOptions {
  licenceExpiresOn?: string | null;
  legalRepIdExpiresOn?: string | null;
  industryLicenceExpiresOn?: string | null;
}

/** A dossier of `customerId` with one version (and one attached document); returns ids. */
export async function insertDossier(
  ds: DataSource,
  customerId: string,
  options: DossierOptions = {},
): Promise<{ dossierId: string; versionId: string; documentId: string; storageKey: string }> {
  const dossierId = randomUUID();
  await ds.query(`INSERT INTO dossiers (id, customer_id, company_name) VALUES ($1, $2, 'Test Co')`, [
    dossierId,
    customerId,
  ]);
  const versionId = await insertDossierVersion(ds, dossierId, 1, options);
  const documentId = randomUUID();
  const storageKey = `test/${documentId}`;
  await ds.query(
    `INSERT INTO documents (id, customer_id, kind, content_type, size_bytes, sha256, storage_key, original_name, attached_at)
     VALUES ($1, $2, 'business_licence', 'image/png', 10, repeat('a', 64), $3, 'licence.png', now())`,
    [documentId, customerId, storageKey],
  );
  await ds.query(
    `INSERT INTO dossier_version_documents (version_id, document_id, kind) VALUES ($1, $2, 'business_licence')`,
    [versionId, documentId],
  );
  return { dossierId, versionId, documentId, storageKey };
}

/** Version `version` of a dossier (and makes it the current one). */
export async function insertDossierVersion(
  ds: DataSource,
  dossierId: string,
  version: number,
  options: DossierOptions = {},
): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO dossier_versions (id, dossier_id, version, form, company_name, uscc, legal_rep_id_number,
                                   licence_expires_on, legal_rep_id_expires_on, industry_licence_expires_on, created_by)
     VALUES ($1, $2, $3, '{"company": {"name": "Test Co"}}', 'Test Co', '91350100M000100Y43', '11010519491231002X',
             $4, $5, $6, 'customer:test')`,
    [
      id,
      dossierId,
      version,
      options.licenceExpiresOn ?? null,
      options.legalRepIdExpiresOn ?? null,
      options.industryLicenceExpiresOn ?? null,
    ],
  );
  await ds.query(`UPDATE dossiers SET current_version = $2 WHERE id = $1`, [dossierId, version]);
  return id;
}

export interface LiveService {
  serviceId: string;
  customerId: string;
  orderId: string;
  number: string;
  dossierId: string;
  versionId: string;
  documentId: string;
  storageKey: string;
}

/** An active line as the carrier activation leaves it (a new customer unless one is given). */
export async function insertLiveService(
  ds: DataSource,
  options: DossierOptions & {
    customerId?: string;
    activatedAt?: Date;
    carrierReference?: string | null;
  } = {},
): Promise<LiveService> {
  const customerId = options.customerId ?? (await insertCustomer(ds));
  const { orderId, number } = await placeOrder(ds, { status: 'active', customerId });
  const dossier = await insertDossier(ds, customerId, options);
  const activatedAt = options.activatedAt ?? new Date();
  const rows: { id: string }[] = await ds.query(
    `INSERT INTO services (order_id, customer_id, number, dossier_id, dossier_version_id, carrier, carrier_reference,
                           status, activated_at, term_ends_at, verified_at)
     VALUES ($1, $2, $3, $4, $5, 'telecom', $6, 'active', $7, $7::timestamptz + interval '1 year', $7)
     RETURNING id`,
    [
      orderId,
      customerId,
      number,
      dossier.dossierId,
      dossier.versionId,
      options.carrierReference === undefined ? `line-${orderId}` : options.carrierReference,
      activatedAt,
    ],
  );
  return { serviceId: String(rows[0]?.id), customerId, orderId, number, ...dossier };
}

export async function serviceRow(
  ds: DataSource,
  id: string,
): Promise<{
  status: string;
  suspension_reason: string | null;
  terminates_at: Date | null;
  quarantine_until: Date | null;
  number_released_at: Date | null;
  records_purged_at: Date | null;
  dossier_version_id: string;
}> {
  const rows = (await ds.query(`SELECT * FROM services WHERE id = $1`, [id])) as Awaited<
    ReturnType<typeof serviceRow>
  >[];
  if (!rows[0]) throw new Error(`no service ${id}`);
  return rows[0];
}

export async function serviceEvents(ds: DataSource, id: string): Promise<{ event: string; actor: string }[]> {
  return ds.query(`SELECT event, actor FROM service_events WHERE service_id = $1 ORDER BY id`, [id]);
}

export async function numberStatus(ds: DataSource, number: string): Promise<string> {
  const rows: { status: string }[] = await ds.query(`SELECT status FROM numbers WHERE number = $1`, [number]);
  return rows[0]?.status ?? 'missing';
}
