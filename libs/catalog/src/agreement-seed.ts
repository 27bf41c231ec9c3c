import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AGREEMENT_SEEDS, type AgreementSeed } from './agreements.data';

/** The fingerprint of an agreement text: sha256 of its UTF-8 body, lower-case hex. */
export function agreementSha256(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/**
 * Publishes version 1 of each agreement kind that has no version at all, inside the
 * caller's transaction. A kind with any version (current or retired) is left alone, so a
 * re-run never replaces what admins have published. Returns the kinds added.
 */
export async function seedAgreements(
  manager: EntityManager,
  seeds: readonly AgreementSeed[] = AGREEMENT_SEEDS,
): Promise<string[]> {
  const added: string[] = [];
  for (const seed of seeds) {
    const rows: unknown[] = await manager.query(
      `INSERT INTO agreements (kind, version, title, body, sha256)
       SELECT $1::varchar, 1, $2, $3, $4
        WHERE NOT EXISTS (SELECT 1 FROM agreements WHERE kind = $1::varchar)
       RETURNING kind`,
      [seed.kind, seed.title, seed.body, agreementSha256(seed.body)],
    );
    if (rows.length) added.push(seed.kind);
  }
  return added;
}
