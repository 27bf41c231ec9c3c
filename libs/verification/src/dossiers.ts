import type { EntityManager } from 'typeorm';
import { chinaDate, parseDossierForm, type DocumentKind, type DossierForm } from '@haoma/domain';
import { VerificationError } from './verification-errors';
import type { VerificationSettings } from './verification-settings';

export interface DossierVersionInput {
  customerId: string;
  /** The form as the client sent it: parsed and checked here. */
  form: unknown;
  documentIds: readonly string[];
  /** `customer:<id>` or `staff:<id>`; defaults to the customer. */
  createdBy?: string;
  settings: Pick<VerificationSettings, 'idMinValidityMs'>;
  now?: Date;
}

export interface DossierVersionRef {
  dossierId: string;
  versionId: string;
  version: number;
}

/**
 * Creates a company's dossier with its first version, inside the caller's transaction.
 * Refuses a form with hard errors (DOSSIER_INVALID, with the fields) and documents that are
 * not the customer's (DOSSIER_DOCUMENT_NOT_USABLE).
 */
export async function createDossier(
  manager: EntityManager,
  input: DossierVersionInput,
): Promise<DossierVersionRef> {
  const now = input.now ?? new Date();
  const form = checkedForm(input.form, now, input.settings);
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO dossiers (customer_id, company_name, current_version, created_at, updated_at)
     VALUES ($1, $2, 1, $3, $3) RETURNING id`,
    [input.customerId, form.company.name, now],
  );
  const dossierId = String(rows[0]?.id);
  const versionId = await insertVersion(manager, dossierId, 1, form, input, now);
  return { dossierId, versionId, version: 1 };
}

/**
 * Adds a version to a dossier. `baseVersion` must be the dossier's current version (the one
 * the customer edited), else DOSSIER_VERSION_CONFLICT: two tabs never silently overwrite each
 * other. Earlier versions stay as they were (history; submissions point at them).
 */
export async function addDossierVersion(
  manager: EntityManager,
  input: DossierVersionInput & { dossierId: string; baseVersion: number },
): Promise<DossierVersionRef> {
  const now = input.now ?? new Date();
  const dossiers: { current_version: number; purged_at: Date | null }[] = await manager.query(
    `SELECT current_version, purged_at FROM dossiers WHERE id = $1 AND customer_id = $2 FOR UPDATE`,
    [input.dossierId, input.customerId],
  );
  const dossier = dossiers[0];
  if (!dossier) throw new VerificationError('DOSSIER_NOT_FOUND', 'No such dossier.');
  if (dossier.purged_at)
    throw new VerificationError('DOSSIER_PURGED', 'This dossier’s identity records were purged.');
  if (dossier.current_version !== input.baseVersion)
    throw new VerificationError(
      'DOSSIER_VERSION_CONFLICT',
      `The dossier is at version ${dossier.current_version}, not ${input.baseVersion}: reload it and edit the current version.`,
      { currentVersion: dossier.current_version },
    );
  const form = checkedForm(input.form, now, input.settings);
  const version = dossier.current_version + 1;
  await manager.query(
    `UPDATE dossiers SET current_version = $2, company_name = $3, updated_at = $4 WHERE id = $1`,
    [input.dossierId, version, form.company.name, now],
  );
  const versionId = await insertVersion(manager, input.dossierId, version, form, input, now);
  return { dossierId: input.dossierId, versionId, version };
}

function checkedForm(
  raw: unknown,
  now: Date,
  settings: Pick<VerificationSettings, 'idMinValidityMs'>,
): DossierForm {
  const parsed = parseDossierForm(raw, chinaDate(now), settings);
  if ('errors' in parsed)
    throw new VerificationError('DOSSIER_INVALID', 'The dossier has fields to correct.', {
      fields: parsed.errors,
    });
  return parsed.form;
}

async function insertVersion(
  manager: EntityManager,
  dossierId: string,
  version: number,
  form: DossierForm,
  input: DossierVersionInput,
  now: Date,
): Promise<string> {
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO dossier_versions (dossier_id, version, form, company_name, uscc, legal_rep_id_number, handler_id_number,
                                   licence_expires_on, legal_rep_id_expires_on, industry_licence_expires_on, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      dossierId,
      version,
      JSON.stringify(form),
      form.company.name,
      form.company.uscc,
      form.legalRepresentative.idNumber,
      form.handler?.idNumber ?? null,
      form.company.licenceExpiresOn,
      form.legalRepresentative.idExpiresOn,
      form.industry.regulated ? form.industry.licenceExpiresOn : null,
      input.createdBy ?? `customer:${input.customerId}`,
      now,
    ],
  );
  const versionId = String(rows[0]?.id);
  await attachDocuments(manager, versionId, input.customerId, input.documentIds, now);
  return versionId;
}

/**
 * Attaches the customer's documents to a version (the kind comes from the document row) and
 * marks them attached, so the orphan sweep leaves them alone. Any id that is not one of the
 * customer's documents refuses the whole version.
 */
async function attachDocuments(
  manager: EntityManager,
  versionId: string,
  customerId: string,
  documentIds: readonly string[],
  now: Date,
): Promise<void> {
  const ids = [...new Set(documentIds)];
  const found: { id: string; kind: DocumentKind }[] = ids.length
    ? await manager.query(
        // A CTE so that the driver answers rows (an UPDATE … RETURNING answers [rows, count]).
        `WITH attached AS (
           UPDATE documents SET attached_at = coalesce(attached_at, $3)
            WHERE id = ANY($1::uuid[]) AND customer_id = $2 RETURNING id, kind)
         SELECT id, kind FROM attached`,
        [ids, customerId, now],
      )
    : [];
  if (found.length !== ids.length) {
    const usable = new Set(found.map((d) => d.id));
    throw new VerificationError(
      'DOSSIER_DOCUMENT_NOT_USABLE',
      'Some documents are not yours or do not exist.',
      {
        documentIds: ids.filter((id) => !usable.has(id)),
      },
    );
  }
  await manager.query(
    `INSERT INTO dossier_version_documents (version_id, document_id, kind)
     SELECT $1, d.id, d.kind FROM documents d WHERE d.id = ANY($2::uuid[])`,
    [versionId, ids],
  );
}
