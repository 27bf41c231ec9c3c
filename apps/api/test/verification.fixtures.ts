// Shared by the dossier and review suites: orders taken to awaiting documents, document rows,
// dossier forms with fresh credentials, and the pre-check run as the worker would.
import type { DataSource } from 'typeorm';
import { residentIdCheckCharacter, usccCheckCharacter, type DocumentKind } from '@haoma/domain';
import { transitionOrder } from '@haoma/orders';
import { insertDocument, testConfig } from '@haoma/testing';
import { runPrecheck, verificationSettingsFrom } from '@haoma/verification';
import type { RegisteredCustomer } from './accounts.fixtures';
import type { OrdersEnv } from './orders.fixtures';
import { signedOrder } from './payments.fixtures';

export const BASE_KINDS: DocumentKind[] = [
  'business_licence',
  'legal_rep_id_front',
  'legal_rep_id_back',
  'undertaking',
];

let serial = 0;

/** A valid USCC and resident ID no other call returns (so no test looks like a borrower by accident). */
export function freshCredentials(): { uscc: string; legalRepId: string } {
  serial += 1;
  const digits = `${process.pid % 1000}`.padStart(3, '0') + `${serial}`.padStart(6, '0');
  const usccPrefix = `91440300${digits}`;
  const idPrefix = `${digits.slice(0, 6)}19850505${digits.slice(6)}`;
  return {
    uscc: `${usccPrefix}${usccCheckCharacter(usccPrefix)}`,
    legalRepId: `${idPrefix}${residentIdCheckCharacter(idPrefix)}`,
  };
}

/** A complete dossier form as a client sends it. */
export function dossierForm(credentials = freshCredentials(), overrides: Record<string, unknown> = {}) {
  return {
    company: { name: '深圳示例贸易有限公司', uscc: credentials.uscc, licenceExpiresOn: null },
    legalRepresentative: { name: '陈静', idNumber: credentials.legalRepId, idExpiresOn: '2040-05-05' },
    handler: null,
    destinations: [
      { number: '0755-86001234', ownerName: '深圳示例贸易有限公司', ownerIdNumber: credentials.uscc },
    ],
    industry: { regulated: false },
    undertakingSigned: true,
    undertakingSignerName: '陈静',
    ...overrides,
  };
}

/** Unattached document rows as an upload would leave them (the bytes are never read in these suites). */
export async function insertDocuments(
  dataSource: DataSource,
  customerId: string,
  kinds: readonly DocumentKind[] = BASE_KINDS,
): Promise<string[]> {
  const ids: string[] = [];
  for (const kind of kinds) {
    const { documentId } = await insertDocument(dataSource, customerId, {
      kind,
      contentType: 'image/jpeg',
      sizeBytes: 1024,
      originalName: `${kind}.jpg`,
      attached: false,
    });
    ids.push(documentId);
  }
  return ids;
}

/** An order for `number` taken through selection, signing and payment: it awaits documents. */
export async function awaitingDocumentsOrder(
  env: OrdersEnv,
  who: RegisteredCustomer,
  number: string,
): Promise<string> {
  const order = await signedOrder(env, who, number);
  await env.dataSource.transaction((m) =>
    transitionOrder(m, {
      orderId: order.id,
      event: 'payment_confirmed',
      actor: { kind: 'system', id: 'e2e' },
      set: { documentsDueAt: new Date(Date.now() + 15 * 86_400_000) },
    }),
  );
  return order.id;
}

/** Runs the pre-check of a submission as the worker's job would. */
export async function precheck(env: OrdersEnv, submissionId: string) {
  const settings = verificationSettingsFrom(testConfig(env.db.url));
  return env.dataSource.transaction((m) => runPrecheck(m, { submissionId, settings }));
}
