import type { ClientBase } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DEFAULT_GRADING_RULES, validateGradingRules, type GradingRules } from '@haoma/domain';
import { CopyOutNumberLoader, NumberBitset } from './number-bitset';

/**
 * Name of the advisory lock every writer of bulk inventory holds (as
 * `pg_advisory_lock(hashtext(name))`): the importer's "exists" bitset is only true while
 * nobody else inserts numbers, so two imports run one after the other.
 */
export const INVENTORY_IMPORT_LOCK = 'haoma:inventory-import';

/**
 * Takes the session-level import lock, waiting for a running import to finish. Session
 * level because an import commits many transactions; the server releases it if the
 * connection dies, so a crashed import never blocks the next one.
 */
export async function acquireImportLock(client: ClientBase, onWait?: () => void): Promise<void> {
  const attempt = await client.query<{ locked: boolean }>(
    'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
    [INVENTORY_IMPORT_LOCK],
  );
  if (attempt.rows[0]?.locked) return;
  onWait?.();
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [INVENTORY_IMPORT_LOCK]);
}

export async function releaseImportLock(client: ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_unlock(hashtext($1))', [INVENTORY_IMPORT_LOCK]);
}

/**
 * Every number already in the inventory, whatever its status, as a bitset. Streams the
 * primary key with COPY TO (10 million rows would be ~1 GB as query result objects).
 */
export async function loadExistingNumbers(client: ClientBase): Promise<NumberBitset> {
  const bitset = new NumberBitset();
  const loader = new CopyOutNumberLoader(bitset);
  const stream = client.query(copyTo('COPY (SELECT "number" FROM numbers) TO STDOUT'));
  for await (const chunk of stream as AsyncIterable<Buffer>) loader.push(chunk);
  loader.end();
  return bitset;
}

/**
 * The active grading rules, stamped with their row's version; the domain defaults when no
 * rule set is active yet (a fresh database). Invalid stored rules stop the import: grading
 * millions of numbers with them would be worse than not importing.
 */
export async function loadGradingRules(client: ClientBase): Promise<GradingRules> {
  const result = await client.query<{ version: number; rules: unknown }>(
    'SELECT version, rules FROM grading_rule_sets WHERE active',
  );
  const row = result.rows[0];
  if (row === undefined) return DEFAULT_GRADING_RULES;
  const rules: unknown =
    typeof row.rules === 'object' && row.rules !== null ? { ...row.rules, version: row.version } : row.rules;
  const errors = validateGradingRules(rules);
  if (errors.length > 0) {
    throw new Error(`The active grading rules (version ${row.version}) are invalid: ${errors.join('; ')}`);
  }
  return rules as GradingRules;
}

/** Rules passed by the caller: checked up front so a bad set fails before anything is written. */
export function checkGradingRules(rules: GradingRules): GradingRules {
  const errors = validateGradingRules(rules);
  if (errors.length > 0)
    throw new Error(`Invalid grading rules (version ${rules.version}): ${errors.join('; ')}`);
  return rules;
}
