import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { residentIdCheckCharacter, usccCheckCharacter, type DocumentKind } from '@haoma/domain';

/** A valid resident ID for a birth date `YYYYMMDD` and a 3-digit sequence. */
export function residentId(birth: string, sequence = '001'): string {
  const first = `110105${birth}${sequence}`;
  return `${first}${residentIdCheckCharacter(first)}`;
}

export const LEGAL_REP_ID = residentId('19800101', '011');
export const HANDLER_ID = residentId('19900202', '022');
export const USCC = '91350100M000100Y43';
export const OTHER_USCC = '91310110666007217T';
export const TEST_SETTINGS = {
  idMinValidityMs: 183 * 86_400_000,
  maxNumbersPerCompany: 3,
  resubmitWindowMs: 7 * 86_400_000,
};
export const BASE_KINDS: DocumentKind[] = [
  'business_licence',
  'legal_rep_id_front',
  'legal_rep_id_back',
  'undertaking',
];

let credentialSequence = 0;

/** A valid USCC and legal representative's ID no other call returns, so tests never look like borrowers. */
export function freshCredentials(): { uscc: string; legalRepId: string } {
  credentialSequence += 1;
  const serial = `${process.pid % 1000}`.padStart(3, '0') + `${credentialSequence}`.padStart(6, '0');
  const prefix = `91350100${serial}`;
  return {
    uscc: `${prefix}${usccCheckCharacter(prefix)}`,
    legalRepId: uniqueId(serial),
  };
}

/** A valid resident ID built around a 9-digit serial (area code and sequence). */
function uniqueId(serial: string): string {
  const first = `${serial.slice(0, 6)}19800101${serial.slice(6)}`;
  return `${first}${residentIdCheckCharacter(first)}`;
}

/** A complete dossier form as a client sends it, with fresh credentials unless overridden. */
export function formInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { uscc, legalRepId } = freshCredentials();
  return {
    company: { name: '厦门示例科技有限公司', uscc, licenceExpiresOn: null },
    legalRepresentative: { name: '王芳', idNumber: legalRepId, idExpiresOn: '2040-01-01' },
    handler: null,
    destinations: [{ number: '13800138000', ownerName: '王芳', ownerIdNumber: legalRepId }],
    industry: { regulated: false },
    undertakingSigned: true,
    undertakingSignerName: '王芳',
    ...overrides,
  };
}

export async function insertCustomer(ds: DataSource): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = `c-${id}@example.com`;
  await ds.query(
    `INSERT INTO customers (id, company_name, contact_name, email, mobile, password_hash)
     VALUES ($1, 'Test Co', 'Tester', $2, '13800138000', 'not-a-hash')`,
    [id, email],
  );
  return { id, email };
}

let numberSequence = 0;

/** An order awaiting documents (paid; its number locked to it), written directly. */
export async function awaitingDocumentsOrder(
  ds: DataSource,
  customerId: string,
  documentsDueAt = new Date(Date.now() + 15 * 86_400_000),
): Promise<{ orderId: string; number: string }> {
  numberSequence += 1;
  const orderId = randomUUID();
  const number = `4008${String(process.pid % 100).padStart(2, '0')}${String(numberSequence).padStart(4, '0')}`;
  await ds.query(
    `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version, status, holder_order_id)
     VALUES ($1::text, left($1::text, 4), 'telecom', 'standard', '{}', 'test number', 0, 1, 'locked', $2)`,
    [number, orderId],
  );
  await ds.query(
    `INSERT INTO orders (id, customer_id, number, status, grade, selection_fee_fen, total_fen, hold_until, documents_due_at)
     VALUES ($1, $2, $3, 'awaiting_documents', 'standard', 0, 120000, now(), $4)`,
    [orderId, customerId, number, documentsDueAt],
  );
  return { orderId, number };
}

/** Document rows of `kinds` for a customer (metadata only: the tests here never read the bytes). */
export async function insertDocuments(
  ds: DataSource,
  customerId: string,
  kinds: readonly DocumentKind[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const kind of kinds) {
    const rows: { id: string }[] = await ds.query(
      `INSERT INTO documents (customer_id, kind, content_type, size_bytes, sha256, storage_key, original_name)
       VALUES ($1, $2, 'image/png', 68, $3, $4, $5) RETURNING id`,
      [
        customerId,
        kind,
        createHash('sha256').update(randomUUID()).digest('hex'),
        `test/${randomUUID()}`,
        `${kind}.png`,
      ],
    );
    ids.push(String(rows[0]?.id));
  }
  return ids;
}
