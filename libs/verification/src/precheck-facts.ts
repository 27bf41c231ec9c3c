import type { EntityManager } from 'typeorm';
import type { DossierForm, OtherAccount, PrecheckFacts } from '@haoma/domain';

// Orders still on their way to a live line: a submission of theirs names the company.
const IN_PROGRESS = `('awaiting_documents', 'under_review', 'provisioning')`;

/**
 * The numbers a company (by USCC) holds or has on order in any account, `orderId` excluded:
 * live services whose dossier version carries the USCC, and unfinished orders with a
 * submission (not withdrawn) whose version carries it. An order counts once.
 */
export async function companyNumberCount(
  manager: EntityManager,
  uscc: string,
  orderId: string,
): Promise<number> {
  const rows: { n: string }[] = await manager.query(
    `SELECT count(*) AS n FROM (
       SELECT s.order_id FROM services s JOIN dossier_versions dv ON dv.id = s.dossier_version_id
        WHERE dv.uscc = $1 AND s.status IN ('active', 'suspended') AND s.order_id <> $2
       UNION
       SELECT o.id FROM orders o
         JOIN verification_submissions vs ON vs.order_id = o.id AND vs.status <> 'withdrawn'
         JOIN dossier_versions dv ON dv.id = vs.dossier_version_id
        WHERE dv.uscc = $1 AND o.status IN ${IN_PROGRESS} AND o.id <> $2
     ) company_orders`,
    [uscc, orderId],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Other accounts whose dossiers (any version, not purged) carry `value` in `column`. */
async function otherAccounts(
  manager: EntityManager,
  column: 'uscc' | 'legal_rep_id_number',
  value: string,
  customerId: string,
): Promise<OtherAccount[]> {
  const rows: { id: string; email: string }[] = await manager.query(
    `SELECT DISTINCT c.id, c.email FROM dossier_versions dv
       JOIN dossiers d ON d.id = dv.dossier_id JOIN customers c ON c.id = d.customer_id
      WHERE dv.${column} = $1 AND d.customer_id <> $2 AND dv.purged_at IS NULL
      ORDER BY c.email`,
    [value, customerId],
  );
  return rows.map((r) => ({ customerId: r.id, email: r.email }));
}

/**
 * What the pre-check needs from the database for one submission, each by an indexed lookup
 * on dossier_versions (uscc, legal_rep_id_number, handler_id_number).
 */
export async function gatherPrecheckFacts(
  manager: EntityManager,
  input: { form: DossierForm; customerId: string; orderId: string },
): Promise<PrecheckFacts> {
  const { form, customerId } = input;
  let handlerCompanies: PrecheckFacts['handlerCompanies'] = null;
  if (form.handler) {
    const rows: { uscc: string | null; customer_id: string; email: string }[] = await manager.query(
      `SELECT DISTINCT dv.uscc, d.customer_id, c.email FROM dossier_versions dv
         JOIN dossiers d ON d.id = dv.dossier_id JOIN customers c ON c.id = d.customer_id
        WHERE dv.handler_id_number = $1 AND dv.purged_at IS NULL`,
      [form.handler.idNumber],
    );
    const companies = new Set(rows.map((r) => r.uscc).filter((u): u is string => u !== null));
    companies.add(form.company.uscc);
    const accounts = new Map<string, string>();
    for (const r of rows) if (r.customer_id !== customerId) accounts.set(r.customer_id, r.email);
    handlerCompanies = {
      count: companies.size,
      accounts: [...accounts].map(([id, email]) => ({ customerId: id, email })),
    };
  }
  return {
    accountsWithSameUscc: await otherAccounts(manager, 'uscc', form.company.uscc, customerId),
    accountsWithSameLegalRepId: await otherAccounts(
      manager,
      'legal_rep_id_number',
      form.legalRepresentative.idNumber,
      customerId,
    ),
    handlerCompanies,
    companyNumbers: await companyNumberCount(manager, form.company.uscc, input.orderId),
  };
}
