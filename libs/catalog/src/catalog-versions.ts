import type { EntityManager } from 'typeorm';
import { AGREEMENT_KINDS } from '@haoma/db';
import { GRADE_CODES } from '@haoma/domain';
import { recordAudit } from '@haoma/audit';
import { agreementSha256 } from './agreement-seed';
import { includedMinutes, monthlyMinimumFen } from './plan-terms';

/** Refusals of catalog administration. */
export const CATALOG_ADMIN_ERROR_CODES = [
  'CATALOG_INVALID',
  'CATALOG_VERSION_CONFLICT',
  'CATALOG_NOT_FOUND',
] as const;
export type CatalogAdminErrorCode = (typeof CATALOG_ADMIN_ERROR_CODES)[number];

export class CatalogAdminError extends Error {
  constructor(
    readonly code: CatalogAdminErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CatalogAdminError';
  }
}

/** The catalog tables whose rows are versions of a code (agreements: of a kind). */
export const CATALOG_KINDS = {
  plan: { table: 'plans', key: 'code' },
  feature: { table: 'features', key: 'code' },
  agreement: { table: 'agreements', key: 'kind' },
} as const;
export type CatalogKind = keyof typeof CATALOG_KINDS;

export interface NewPlanVersion {
  code: string;
  name: string;
  nameZh: string;
  annualFeeFen: number;
  termMonths: number;
  perMinuteFen: number;
  /** Default: the minutes the annual fee buys at the per-minute price. */
  includedMinutes?: number;
  /** Default: a twelfth of the annual fee, rounded up. */
  monthlyMinimumFen?: number;
  allowedGrades: string[];
  /** When given, the version the admin edited: refused (CATALOG_VERSION_CONFLICT) if another came since. */
  basedOnVersion?: number;
}

export interface NewFeatureVersion {
  code: string;
  name: string;
  nameZh: string;
  description: string;
  annualFeeFen: number;
  excludes?: string[];
  basedOnVersion?: number;
}

export interface NewAgreementVersion {
  kind: string;
  title: string;
  body: string;
  basedOnVersion?: number;
}

/** A version row as the back office lists it (every column, snake_case turned camelCase). */
export type CatalogVersion = Record<string, unknown> & {
  id: string;
  version: number;
  retiredAt: Date | null;
};

const camel = (row: Record<string, unknown>): CatalogVersion =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
      value,
    ]),
  ) as CatalogVersion;

const CODE = /^[a-z][a-z0-9_]{1,31}$/;

/**
 * Locks every version of a code, checks the admin's expected version, retires the current
 * one and returns the next version number — the start of publishing a new version. The
 * partial unique index `<table>_current_<key>_key` (one row without retired_at per code) is
 * what makes "one current version" hold; the lock makes concurrent publications queue.
 */
async function nextVersion(
  manager: EntityManager,
  kind: CatalogKind,
  code: string,
  basedOnVersion: number | undefined,
  now: Date,
): Promise<{ version: number; previous: CatalogVersion | undefined }> {
  const { table, key } = CATALOG_KINDS[kind];
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT * FROM ${table} WHERE ${key} = $1 ORDER BY version DESC FOR UPDATE`,
    [code],
  );
  const latest = rows[0] ? camel(rows[0]) : undefined;
  if (basedOnVersion !== undefined && (latest?.version ?? 0) !== basedOnVersion)
    throw new CatalogAdminError(
      'CATALOG_VERSION_CONFLICT',
      `The latest ${kind} ${code} is version ${latest?.version ?? 'none'}, not ${basedOnVersion}: reload and try again.`,
      { latestVersion: latest?.version ?? null },
    );
  const current = rows.map(camel).find((row) => row.retiredAt === null);
  if (current) await manager.query(`UPDATE ${table} SET retired_at = $2 WHERE id = $1`, [current.id, now]);
  return { version: (latest?.version ?? 0) + 1, previous: current };
}

async function published(
  manager: EntityManager,
  kind: CatalogKind,
  code: string,
  row: Record<string, unknown>,
  previous: CatalogVersion | undefined,
): Promise<CatalogVersion> {
  const version = camel(row);
  await recordAudit(manager, {
    action: `${kind}.version_published`,
    targetType: kind,
    targetId: code,
    before: previous ? { ...previous, body: undefined } : null,
    after: { ...version, body: undefined },
  });
  return version;
}

function invalid(problems: string[]): CatalogAdminError {
  return new CatalogAdminError('CATALOG_INVALID', `Invalid catalog entry: ${problems.join('; ')}`, {
    problems,
  });
}

/**
 * Publishes a new version of plan `code` (version = latest + 1, the current one retired), in
 * the caller's transaction. Orders keep pointing at the version they were priced from.
 */
export async function publishPlanVersion(
  manager: EntityManager,
  plan: NewPlanVersion,
  now = new Date(),
): Promise<CatalogVersion> {
  const problems: string[] = [];
  if (!CODE.test(plan.code)) problems.push('code: lower-case letters, digits and _, 2 to 32 characters');
  const unknown = plan.allowedGrades.filter((grade) => !(GRADE_CODES as readonly string[]).includes(grade));
  if (unknown.length) problems.push(`allowedGrades: unknown grade(s) ${unknown.join(', ')}`);
  if (plan.allowedGrades.length === 0) problems.push('allowedGrades: at least one grade');
  if (plan.perMinuteFen <= 0) problems.push('perMinuteFen: more than 0');
  if (problems.length) throw invalid(problems);
  const { version, previous } = await nextVersion(manager, 'plan', plan.code, plan.basedOnVersion, now);
  const rows: Record<string, unknown>[] = await manager.query(
    `INSERT INTO plans (code, version, name, name_zh, annual_fee_fen, term_months, per_minute_fen,
                        included_minutes, monthly_minimum_fen, allowed_grades, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
    [
      plan.code,
      version,
      plan.name,
      plan.nameZh,
      plan.annualFeeFen,
      plan.termMonths,
      plan.perMinuteFen,
      plan.includedMinutes ?? includedMinutes(plan.annualFeeFen, plan.perMinuteFen),
      plan.monthlyMinimumFen ?? monthlyMinimumFen(plan.annualFeeFen),
      [...new Set(plan.allowedGrades)],
      now,
    ],
  );
  return published(manager, 'plan', plan.code, rows[0] as Record<string, unknown>, previous);
}

/** Publishes a new version of feature `code`; `excludes` must name features that exist. */
export async function publishFeatureVersion(
  manager: EntityManager,
  feature: NewFeatureVersion,
  now = new Date(),
): Promise<CatalogVersion> {
  const problems: string[] = [];
  if (!CODE.test(feature.code)) problems.push('code: lower-case letters, digits and _, 2 to 32 characters');
  const excludes = [...new Set(feature.excludes ?? [])];
  if (excludes.includes(feature.code)) problems.push('excludes: a feature cannot exclude itself');
  if (excludes.length) {
    const known: { code: string }[] = await manager.query(
      'SELECT DISTINCT code FROM features WHERE code = ANY($1::varchar[])',
      [excludes],
    );
    const missing = excludes.filter((code) => !known.some((row) => row.code === code));
    if (missing.length) problems.push(`excludes: unknown feature(s) ${missing.join(', ')}`);
  }
  if (problems.length) throw invalid(problems);
  const { version, previous } = await nextVersion(
    manager,
    'feature',
    feature.code,
    feature.basedOnVersion,
    now,
  );
  const rows: Record<string, unknown>[] = await manager.query(
    `INSERT INTO features (code, version, name, name_zh, description, annual_fee_fen, excludes, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [
      feature.code,
      version,
      feature.name,
      feature.nameZh,
      feature.description,
      feature.annualFeeFen,
      excludes,
      now,
    ],
  );
  return published(manager, 'feature', feature.code, rows[0] as Record<string, unknown>, previous);
}

/**
 * Publishes a new text of agreement `kind`. Signatures keep pointing at (and hashing) the
 * version that was signed; orders not yet signed must sign the new one.
 */
export async function publishAgreementVersion(
  manager: EntityManager,
  agreement: NewAgreementVersion,
  now = new Date(),
): Promise<CatalogVersion> {
  if (!(AGREEMENT_KINDS as readonly string[]).includes(agreement.kind))
    throw invalid([`kind: one of ${AGREEMENT_KINDS.join(', ')}`]);
  if (agreement.body.trim() === '') throw invalid(['body: not empty']);
  const { version, previous } = await nextVersion(
    manager,
    'agreement',
    agreement.kind,
    agreement.basedOnVersion,
    now,
  );
  const rows: Record<string, unknown>[] = await manager.query(
    `INSERT INTO agreements (kind, version, title, body, sha256, published_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [agreement.kind, version, agreement.title, agreement.body, agreementSha256(agreement.body), now],
  );
  return published(manager, 'agreement', agreement.kind, rows[0] as Record<string, unknown>, previous);
}

/**
 * Retires the current version of a plan or feature: nothing of that code is sold any more
 * (CATALOG_NOT_FOUND when no version is current). Agreements are not retired this way: an
 * order could then not be signed at all; publish a new version instead.
 */
export async function retireCatalogCode(
  manager: EntityManager,
  kind: 'plan' | 'feature',
  code: string,
  now = new Date(),
): Promise<CatalogVersion> {
  const { table } = CATALOG_KINDS[kind];
  // TypeORM answers an UPDATE … RETURNING with [rows, affected].
  const [rows] = (await manager.query(
    `UPDATE ${table} SET retired_at = $2 WHERE code = $1 AND retired_at IS NULL RETURNING *`,
    [code, now],
  )) as [Record<string, unknown>[], number];
  if (!rows[0]) throw new CatalogAdminError('CATALOG_NOT_FOUND', `No current ${kind} ${code}.`);
  const retired = camel(rows[0]);
  await recordAudit(manager, {
    action: `${kind}.retired`,
    targetType: kind,
    targetId: code,
    before: { ...retired, retiredAt: null },
    after: retired,
  });
  return retired;
}

/** Every version of every code of `kind` (agreement bodies left out), by code then newest first. */
export async function listCatalogVersions(
  manager: EntityManager,
  kind: CatalogKind,
): Promise<CatalogVersion[]> {
  const { table, key } = CATALOG_KINDS[kind];
  const columns = kind === 'agreement' ? 'id, kind, version, title, sha256, published_at, retired_at' : '*';
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${columns} FROM ${table} ORDER BY ${key}, version DESC`,
  );
  return rows.map(camel);
}
