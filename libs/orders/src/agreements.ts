import type { EntityManager } from 'typeorm';
import { AGREEMENT_KINDS, type AgreementKind } from '@haoma/db';

/** The current version of an agreement, as customers read and sign it. */
export interface CurrentAgreement {
  id: string;
  kind: AgreementKind;
  version: number;
  title: string;
  body: string;
  sha256: string;
  publishedAt: Date;
}

interface AgreementRow {
  id: string;
  kind: AgreementKind;
  version: number;
  title: string;
  body: string;
  sha256: string;
  published_at: Date;
}

/**
 * The current (not retired) version of each agreement kind, in AGREEMENT_KINDS order.
 * `lock` takes a share lock for the rest of the transaction, so a version cannot be
 * retired between the check of what a customer read and the signature that records it.
 */
export async function currentAgreements(
  manager: EntityManager,
  options: { lock?: boolean; withBody?: boolean } = {},
): Promise<CurrentAgreement[]> {
  const rows: AgreementRow[] = await manager.query(
    `SELECT id, kind, version, title, ${options.withBody === false ? `''` : 'body'} AS body, sha256, published_at
       FROM agreements WHERE retired_at IS NULL ${options.lock ? 'FOR SHARE' : ''}`,
  );
  return rows
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      version: r.version,
      title: r.title,
      body: r.body,
      sha256: r.sha256.trim(),
      publishedAt: r.published_at,
    }))
    .sort((a, b) => AGREEMENT_KINDS.indexOf(a.kind) - AGREEMENT_KINDS.indexOf(b.kind));
}
