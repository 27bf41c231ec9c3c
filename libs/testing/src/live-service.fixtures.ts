// Database fixtures for verified lines, shared by the compliance lib's integration tests and the
// API and worker e2e suites (apps may not import a lib's spec-helper): what the carrier
// activation leaves behind — an `active` order whose number is `assigned`, a dossier with one
// version and one attached document, and the service — and the pieces it is built from (a
// customer, an order in any state before it, a dossier, a document row), written directly so
// that each test can start from any state.
import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { DocumentKind } from '@haoma/domain';

let sequence = 0;

/**
 * A fresh number per call within a test process (block 4007, the process id in the middle:
 * each test file has its own database, and no suite's own numbers look like these).
 */
export function nextServiceNumber(): string {
  sequence += 1;
  return `4007${String(process.pid % 100).padStart(2, '0')}${String(sequence).padStart(4, '0')}`;
}

/** A customer account that cannot log in (no real password hash); returns its id. */
export async function insertCustomer(ds: DataSource): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO customers (id, company_name, contact_name, email, mobile, password_hash)
     VALUES ($1, 'Test Co', 'Tester', $2, '13800138000', 'not-a-hash')`,
    [id, `c-${id}@example.com`],
  );
  return id;
}

/** The order states these fixtures write directly (the number is `assigned` once active, else `locked`). */
export type PlacedOrderStatus = 'awaiting_documents' | 'under_review' | 'provisioning' | 'active';

export interface PlaceOrderOptions {
  status: PlacedOrderStatus;
  customerId: string;
  documentsDueAt?: Date | null;
  /** Defaults to nextServiceNumber(). */
  number?: string;
  /** Defaults to 120 000 fen. */
  totalFen?: number;
  planId?: string | null;
}

/** A paid order in `status` for a new number, the number in the matching state (held for the order). */
export async function placeOrder(
  ds: DataSource,
  options: PlaceOrderOptions,
): Promise<{ orderId: string; number: string }> {
  const orderId = randomUUID();
  const number = options.number ?? nextServiceNumber();
  await ds.query(
    `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version,
                          status, holder_order_id)
     VALUES ($1::text, left($1::text, 4), 'telecom', 'standard', '{}', 'test number', 0, 1, $2, $3)`,
    [number, options.status === 'active' ? 'assigned' : 'locked', orderId],
  );
  await ds.query(
    `INSERT INTO orders (id, customer_id, number, status, grade, selection_fee_fen, total_fen, hold_until,
                         documents_due_at, plan_id)
     VALUES ($1, $2, $3, $4, 'standard', 0, $5, now() - interval '1 day', $6, $7)`,
    [
      orderId,
      options.customerId,
      number,
      options.status,
      options.totalFen ?? 120_000,
      options.documentsDueAt ?? null,
      options.planId ?? null,
    ],
  );
  return { orderId, number };
}

export interface DocumentOptions {
  kind?: DocumentKind;
  contentType?: string;
  sizeBytes?: number;
  originalName?: string;
  /** Whether the row is marked attached to a dossier (default true); attaching it is the caller's. */
  attached?: boolean;
}

/**
 * A document row as an upload leaves it (no bytes are stored: the storage key points nowhere);
 * each gets its own sha256, so no two look like the same file.
 */
export async function insertDocument(
  ds: DataSource,
  customerId: string,
  options: DocumentOptions = {},
): Promise<{ documentId: string; storageKey: string }> {
  const documentId = randomUUID();
  const storageKey = `test/${documentId}`;
  await ds.query(
    `INSERT INTO documents (id, customer_id, kind, content_type, size_bytes, sha256, storage_key, original_name,
                            attached_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $9::boolean THEN now() END)`,
    [
      documentId,
      customerId,
      options.kind ?? 'business_licence',
      options.contentType ?? 'image/png',
      options.sizeBytes ?? 10,
      createHash('sha256').update(documentId).digest('hex'),
      storageKey,
      options.originalName ?? 'licence.png',
      options.attached ?? true,
    ],
  );
  return { documentId, storageKey };
}

/** What a dossier version holds; every field has a valid default ('Test Co', fixed credentials). */
export interface DossierOptions {
  licenceExpiresOn?: string | null;
  legalRepIdExpiresOn?: string | null;
  industryLicenceExpiresOn?: string | null;
  /** The form as stored (jsonb). */
  form?: object;
  companyName?: string;
  uscc?: string | null;
  legalRepIdNumber?: string | null;
  createdBy?: string;
}

export interface InsertedDossier {
  dossierId: string;
  versionId: string;
  documentId: string;
  storageKey: string;
}

/** A dossier of `customerId` with one version (and one attached business licence); returns ids. */
export async function insertDossier(
  ds: DataSource,
  customerId: string,
  options: DossierOptions = {},
): Promise<InsertedDossier> {
  const dossierId = randomUUID();
  await ds.query(`INSERT INTO dossiers (id, customer_id, company_name) VALUES ($1, $2, $3)`, [
    dossierId,
    customerId,
    options.companyName ?? 'Test Co',
  ]);
  const versionId = await insertDossierVersion(ds, dossierId, 1, options);
  const { documentId, storageKey } = await insertDocument(ds, customerId);
  await ds.query(
    `INSERT INTO dossier_version_documents (version_id, document_id, kind) VALUES ($1, $2, 'business_licence')`,
    [versionId, documentId],
  );
  return { dossierId, versionId, documentId, storageKey };
}

/** Version `version` of a dossier (and makes it the current one); returns its id. */
export async function insertDossierVersion(
  ds: DataSource,
  dossierId: string,
  version: number,
  options: DossierOptions = {},
): Promise<string> {
  const id = randomUUID();
  const companyName = options.companyName ?? 'Test Co';
  await ds.query(
    `INSERT INTO dossier_versions (id, dossier_id, version, form, company_name, uscc, legal_rep_id_number,
                                   licence_expires_on, legal_rep_id_expires_on, industry_licence_expires_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      id,
      dossierId,
      version,
      JSON.stringify(options.form ?? { company: { name: companyName } }),
      companyName,
      options.uscc === undefined ? '91350100M000100Y43' : options.uscc,
      options.legalRepIdNumber === undefined ? '11010519491231002X' : options.legalRepIdNumber,
      options.licenceExpiresOn ?? null,
      options.legalRepIdExpiresOn ?? null,
      options.industryLicenceExpiresOn ?? null,
      options.createdBy ?? 'customer:test',
    ],
  );
  await ds.query(`UPDATE dossiers SET current_version = $2 WHERE id = $1`, [dossierId, version]);
  return id;
}

export interface LiveService extends InsertedDossier {
  serviceId: string;
  customerId: string;
  orderId: string;
  number: string;
}

export interface LiveServiceOptions extends DossierOptions {
  /** A new customer unless one is given. */
  customerId?: string;
  /** Defaults to now; the term ends a year later. */
  activatedAt?: Date;
  /** The carrier's id of the line; `null` for none (then nothing calls the carrier about it). */
  carrierReference?: string | null;
}

/** An active line as the carrier activation leaves it. */
export async function insertLiveService(
  ds: DataSource,
  options: LiveServiceOptions = {},
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

export interface ServiceRow {
  status: string;
  suspension_reason: string | null;
  terminates_at: Date | null;
  quarantine_until: Date | null;
  number_released_at: Date | null;
  records_purged_at: Date | null;
  dossier_version_id: string;
}

/** A service's row as stored (throws when there is none). */
export async function serviceRow(ds: DataSource, id: string): Promise<ServiceRow> {
  const rows: ServiceRow[] = await ds.query(`SELECT * FROM services WHERE id = $1`, [id]);
  if (!rows[0]) throw new Error(`no service ${id}`);
  return rows[0];
}

/** A service's timeline, oldest first. */
export async function serviceEvents(ds: DataSource, id: string): Promise<{ event: string; actor: string }[]> {
  return ds.query(`SELECT event, actor FROM service_events WHERE service_id = $1 ORDER BY id`, [id]);
}

/** A number's status, or 'missing'. */
export async function numberStatus(ds: DataSource, number: string): Promise<string> {
  const rows: { status: string }[] = await ds.query(`SELECT status FROM numbers WHERE number = $1`, [number]);
  return rows[0]?.status ?? 'missing';
}
