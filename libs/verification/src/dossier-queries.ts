import type { EntityManager } from 'typeorm';
import type { DocumentKind, DossierForm } from '@haoma/domain';
import { cursorText, decodePageCursor, encodePageCursor, type Page } from './page-cursor';
import { VerificationError } from './verification-errors';

export interface DossierSummary {
  id: string;
  companyName: string;
  currentVersion: number;
  createdAt: Date;
  updatedAt: Date;
  purged: boolean;
}

export interface DossierDocumentView {
  id: string;
  kind: DocumentKind;
  contentType: string;
  sizeBytes: number;
  originalName: string;
  uploadedAt: Date;
}

export interface DossierVersionView {
  id: string;
  version: number;
  /** Null once purged. */
  form: DossierForm | null;
  documents: DossierDocumentView[];
  createdBy: string;
  createdAt: Date;
  purgedAt: Date | null;
}

export interface DossierDetail extends DossierSummary {
  current: DossierVersionView;
  versions: { version: number; companyName: string; createdBy: string; createdAt: Date }[];
}

interface DossierRow {
  id: string;
  company_name: string;
  current_version: number;
  created_at: Date;
  updated_at: Date;
  purged_at: Date | null;
  cursor_at: string;
}

const summary = (r: DossierRow): DossierSummary => ({
  id: r.id,
  companyName: r.company_name,
  currentVersion: r.current_version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  purged: r.purged_at !== null,
});

/** A customer's dossiers, newest first, keyset-paginated; undefined for a cursor we did not hand out. */
export async function listDossiers(
  manager: EntityManager,
  input: { customerId: string; limit: number; cursor?: string },
): Promise<Page<DossierSummary> | undefined> {
  const after = input.cursor === undefined ? null : decodePageCursor(input.cursor);
  if (after === undefined) return undefined;
  const rows: DossierRow[] = await manager.query(
    `SELECT id, company_name, current_version, created_at, updated_at, purged_at, ${cursorText('created_at')} AS cursor_at
       FROM dossiers
      WHERE customer_id = $1
        AND ($2::timestamp IS NULL OR (created_at AT TIME ZONE 'UTC', id) < ($2::timestamp, $3::uuid))
      ORDER BY created_at DESC, id DESC LIMIT $4`,
    [input.customerId, after?.at ?? null, after?.id ?? null, input.limit + 1],
  );
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(summary),
    nextCursor:
      rows.length > input.limit && last ? encodePageCursor({ at: last.cursor_at, id: last.id }) : null,
  };
}

/** The documents of a dossier version. */
export async function versionDocuments(
  manager: EntityManager,
  versionId: string,
): Promise<DossierDocumentView[]> {
  const rows: {
    id: string;
    kind: DocumentKind;
    content_type: string;
    size_bytes: number;
    original_name: string;
    uploaded_at: Date;
  }[] = await manager.query(
    `SELECT d.id, d.kind, d.content_type, d.size_bytes, d.original_name, d.uploaded_at
       FROM dossier_version_documents dvd JOIN documents d ON d.id = dvd.document_id
      WHERE dvd.version_id = $1 ORDER BY d.kind, d.uploaded_at`,
    [versionId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    originalName: r.original_name,
    uploadedAt: r.uploaded_at,
  }));
}

/** One version of one of the customer's dossiers (DOSSIER_NOT_FOUND for another's). */
export async function findDossierVersion(
  manager: EntityManager,
  input: { customerId: string; dossierId: string; version?: number },
): Promise<DossierVersionView> {
  const rows: {
    id: string;
    version: number;
    form: DossierForm | Record<string, never>;
    created_by: string;
    created_at: Date;
    purged_at: Date | null;
  }[] = await manager.query(
    `SELECT dv.id, dv.version, dv.form, dv.created_by, dv.created_at, dv.purged_at
       FROM dossiers d JOIN dossier_versions dv ON dv.dossier_id = d.id AND dv.version = coalesce($3::integer, d.current_version)
      WHERE d.id = $1 AND d.customer_id = $2`,
    [input.dossierId, input.customerId, input.version ?? null],
  );
  const row = rows[0];
  if (!row) throw new VerificationError('DOSSIER_NOT_FOUND', 'No such dossier or version.');
  return {
    id: row.id,
    version: row.version,
    form: row.purged_at ? null : (row.form as DossierForm),
    documents: await versionDocuments(manager, row.id),
    createdBy: row.created_by,
    createdAt: row.created_at,
    purgedAt: row.purged_at,
  };
}

/** One of the customer's dossiers: its current version and the summary of every version. */
export async function findDossier(
  manager: EntityManager,
  input: { customerId: string; dossierId: string },
): Promise<DossierDetail> {
  const rows: DossierRow[] = await manager.query(
    `SELECT id, company_name, current_version, created_at, updated_at, purged_at, '' AS cursor_at
       FROM dossiers WHERE id = $1 AND customer_id = $2`,
    [input.dossierId, input.customerId],
  );
  const row = rows[0];
  if (!row) throw new VerificationError('DOSSIER_NOT_FOUND', 'No such dossier.');
  const versions: { version: number; company_name: string; created_by: string; created_at: Date }[] =
    await manager.query(
      `SELECT version, company_name, created_by, created_at FROM dossier_versions WHERE dossier_id = $1 ORDER BY version DESC`,
      [row.id],
    );
  return {
    ...summary(row),
    current: await findDossierVersion(manager, input),
    versions: versions.map((v) => ({
      version: v.version,
      companyName: v.company_name,
      createdBy: v.created_by,
      createdAt: v.created_at,
    })),
  };
}
