import type { DataSource, EntityManager } from 'typeorm';
import { appraise, type GradingRules } from '@haoma/domain';
import { recordAudit } from '@haoma/audit';
import { appendOutbox, isUniqueViolation } from '@haoma/orders';
import { loadRuleSet } from './grading-rule-sets';
import { InventoryAdminError } from './inventory-admin-errors';

/**
 * Statuses a re-grade touches. A held, locked, assigned or suspended number keeps its grade
 * and fee: its order copied them when it was priced, and changing the number under it would
 * make the two disagree.
 */
export const REGRADABLE_STATUSES = ['available', 'retired', 'quarantine'] as const;

/** Numbers per transaction: a crash loses at most one batch, which the resumed run redoes. */
export const REGRADE_BATCH_SIZE = 2_000;

const ELIGIBLE = `status IN ('available', 'retired', 'quarantine') AND fee_overridden_at IS NULL`;

export interface RegradeRunView {
  id: string;
  gradingVersion: number;
  status: 'running' | 'succeeded' | 'failed';
  total: number | null;
  graded: number;
  changed: number;
  lastNumber: string | null;
  error: string | null;
  startedBy: string;
  startedAt: Date;
  finishedAt: Date | null;
}

interface RunRow {
  id: string;
  grading_version: number;
  status: RegradeRunView['status'];
  total: number | null;
  graded: number;
  changed: number;
  last_number: string | null;
  error: string | null;
  started_by: string;
  started_at: Date;
  finished_at: Date | null;
}

const RUN_COLUMNS =
  'id, grading_version, status, total, graded, changed, last_number, error, started_by, started_at, finished_at';

const toView = (row: RunRow): RegradeRunView => ({
  id: row.id,
  gradingVersion: row.grading_version,
  status: row.status,
  total: row.total,
  graded: row.graded,
  changed: row.changed,
  lastNumber: row.last_number,
  error: row.error,
  startedBy: row.started_by,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

/**
 * Makes grading rule set `version` the active one and starts re-grading the inventory with
 * it (a `regrade_runs` row and its outbox job), in the caller's transaction. One re-grade at
 * a time: REGRADE_IN_PROGRESS while another runs (the database's unique index on running
 * runs decides a race).
 */
export async function activateRuleSet(
  manager: EntityManager,
  version: number,
  startedBy: string,
): Promise<RegradeRunView> {
  await manager.query('LOCK TABLE grading_rule_sets IN SHARE ROW EXCLUSIVE MODE');
  const running: { id: string }[] = await manager.query(
    `SELECT id FROM regrade_runs WHERE status = 'running'`,
  );
  if (running[0])
    throw new InventoryAdminError('REGRADE_IN_PROGRESS', 'A re-grade is running: wait for it to finish.', {
      runId: running[0].id,
    });
  const rows: { version: number; active: boolean }[] = await manager.query(
    'SELECT version, active FROM grading_rule_sets WHERE version = $1',
    [version],
  );
  if (!rows[0])
    throw new InventoryAdminError('GRADING_RULES_INVALID', `No grading rules of version ${version}.`);
  await loadRuleSet(manager, version); // refuses rules that no longer validate
  const previous: { version: number }[] = await manager.query(
    'SELECT version FROM grading_rule_sets WHERE active',
  );
  // Two statements: the partial unique index on `active` is checked row by row.
  await manager.query('UPDATE grading_rule_sets SET active = false WHERE active AND version <> $1', [
    version,
  ]);
  await manager.query('UPDATE grading_rule_sets SET active = true WHERE version = $1', [version]);
  const [{ total }] = (await manager.query(
    `SELECT count(*)::int AS total FROM numbers WHERE ${ELIGIBLE}`,
  )) as [{ total: number }];
  let run: RunRow;
  try {
    run = (
      (await manager.query(
        `INSERT INTO regrade_runs (grading_version, total, started_by) VALUES ($1, $2, $3) RETURNING ${RUN_COLUMNS}`,
        [version, total, startedBy.slice(0, 100)],
      )) as RunRow[]
    )[0] as RunRow;
  } catch (error) {
    if (isUniqueViolation(error, 'regrade_runs_running_key'))
      throw new InventoryAdminError('REGRADE_IN_PROGRESS', 'A re-grade is running: wait for it to finish.');
    throw error;
  }
  await appendOutbox(manager, 'regrade-inventory', { runId: run.id });
  await recordAudit(manager, {
    action: 'grading_rules.activated',
    targetType: 'grading_rule_set',
    targetId: String(version),
    before: { activeVersion: previous[0]?.version ?? null },
    after: { activeVersion: version, regradeRunId: run.id, total },
  });
  return toView(run);
}

export async function findRegradeRun(manager: EntityManager, id: string): Promise<RegradeRunView> {
  const rows: RunRow[] = await manager.query(`SELECT ${RUN_COLUMNS} FROM regrade_runs WHERE id = $1`, [id]);
  if (!rows[0]) throw new InventoryAdminError('REGRADE_NOT_FOUND', 'No such re-grade run.');
  return toView(rows[0]);
}

/** A page of runs, newest first, after the run `after` (its started_at and id). */
export async function listRegradeRuns(
  manager: EntityManager,
  page: { limit: number; after?: { startedAt: string; id: string } | undefined },
): Promise<{ runs: RegradeRunView[]; next: { startedAt: string; id: string } | null }> {
  const rows: (RunRow & { position: string })[] = await manager.query(
    `SELECT ${RUN_COLUMNS}, started_at::text AS position FROM regrade_runs
      WHERE $1::timestamptz IS NULL OR (started_at, id) < ($1::timestamptz, $2::uuid)
      ORDER BY started_at DESC, id DESC LIMIT $3`,
    [page.after?.startedAt ?? null, page.after?.id ?? null, page.limit + 1],
  );
  const kept = rows.slice(0, page.limit);
  const last = kept[kept.length - 1];
  return {
    runs: kept.map(toView),
    next: rows.length > page.limit && last ? { startedAt: last.position, id: last.id } : null,
  };
}

export type RegradeOutcome =
  { outcome: 'succeeded'; graded: number; changed: number } | { outcome: 'skipped'; reason: string };

export interface RegradeOptions {
  batchSize?: number;
  /** Called after each committed batch (the worker logs, tests count). */
  onBatch?: (progress: { graded: number; changed: number; lastNumber: string }) => void;
}

// One batch: the next eligible numbers after the run's position, graded, written, and the
// run's position and counts moved on in the same transaction, so a restart resumes exactly.
async function regradeBatch(
  manager: EntityManager,
  runId: string,
  rules: GradingRules,
  batchSize: number,
): Promise<{ done: boolean; graded: number; changed: number; lastNumber: string | null } | undefined> {
  const runs: { last_number: string | null }[] = await manager.query(
    `SELECT last_number FROM regrade_runs WHERE id = $1 AND status = 'running' FOR UPDATE`,
    [runId],
  );
  const run = runs[0];
  if (!run) return undefined;
  const numbers: {
    number: string;
    grade: string;
    tags: string[];
    explanation: string;
    selection_fee_fen: number;
    grading_version: number;
  }[] = await manager.query(
    `SELECT number, grade, tags, explanation, selection_fee_fen, grading_version FROM numbers
      WHERE ($1::varchar IS NULL OR number > $1::varchar) AND ${ELIGIBLE}
      ORDER BY number LIMIT $2 FOR UPDATE`,
    [run.last_number, batchSize],
  );
  const last = numbers[numbers.length - 1];
  if (!last) return { done: true, graded: 0, changed: 0, lastNumber: run.last_number };
  const updates = numbers
    .map((row) => ({ row, appraisal: appraise(row.number, rules) }))
    .filter(
      ({ row, appraisal }) =>
        row.grade !== appraisal.grade ||
        row.selection_fee_fen !== appraisal.selectionFeeFen ||
        row.explanation !== appraisal.explanation ||
        row.tags.join('\u0000') !== appraisal.tags.join('\u0000') ||
        row.grading_version !== rules.version,
    );
  const changed = updates.filter(
    ({ row, appraisal }) =>
      row.grade !== appraisal.grade || row.selection_fee_fen !== appraisal.selectionFeeFen,
  ).length;
  if (updates.length > 0) {
    await manager.query(
      `UPDATE numbers n
          SET grade = u.grade, tags = string_to_array(u.tags, ' '), explanation = u.explanation,
              selection_fee_fen = u.fee, grading_version = $6, updated_at = now()
         FROM unnest($1::varchar[], $2::varchar[], $3::text[], $4::text[], $5::int[])
              AS u(number, grade, tags, explanation, fee)
        WHERE n.number = u.number AND n.status IN ('available', 'retired', 'quarantine')
          AND n.fee_overridden_at IS NULL`,
      [
        updates.map((u) => u.row.number),
        updates.map((u) => u.appraisal.grade),
        updates.map((u) => u.appraisal.tags.join(' ')),
        updates.map((u) => u.appraisal.explanation),
        updates.map((u) => u.appraisal.selectionFeeFen),
        rules.version,
      ],
    );
  }
  await manager.query(
    `UPDATE regrade_runs SET graded = graded + $2, changed = changed + $3, last_number = $4 WHERE id = $1`,
    [runId, numbers.length, changed, last.number],
  );
  return { done: numbers.length < batchSize, graded: numbers.length, changed, lastNumber: last.number };
}

/**
 * Runs (or resumes) re-grade run `runId` to the end: batches of eligible numbers in number
 * order from the run's `last_number`, each its own transaction. A run that is no longer
 * running (finished, or failed) is skipped, so a duplicated job does nothing. Counts
 * (`graded`, `changed`) are only ever moved on with the rows they count.
 */
export async function runRegrade(
  dataSource: DataSource,
  runId: string,
  options: RegradeOptions = {},
): Promise<RegradeOutcome> {
  const batchSize = options.batchSize ?? REGRADE_BATCH_SIZE;
  const found: { status: string; grading_version: number }[] = await dataSource.query(
    'SELECT status, grading_version FROM regrade_runs WHERE id = $1',
    [runId],
  );
  const run = found[0];
  if (!run) return { outcome: 'skipped', reason: 'no such run' };
  if (run.status !== 'running') return { outcome: 'skipped', reason: `already ${run.status}` };
  const rules = await loadRuleSet(dataSource.manager, run.grading_version);
  for (;;) {
    const batch = await dataSource.transaction((manager) => regradeBatch(manager, runId, rules, batchSize));
    if (batch === undefined) return { outcome: 'skipped', reason: 'run no longer running' };
    if (batch.lastNumber !== null && batch.graded > 0) {
      const [totals] = (await dataSource.query('SELECT graded, changed FROM regrade_runs WHERE id = $1', [
        runId,
      ])) as [{ graded: number; changed: number }];
      options.onBatch?.({ ...totals, lastNumber: batch.lastNumber });
    }
    if (batch.done) break;
  }
  // TypeORM answers an UPDATE … RETURNING with [rows, affected].
  const [finished] = (await dataSource.query(
    `UPDATE regrade_runs SET status = 'succeeded', finished_at = now()
      WHERE id = $1 AND status = 'running' RETURNING graded, changed`,
    [runId],
  )) as [{ graded: number; changed: number }[], number];
  const row = finished[0];
  if (!row) return { outcome: 'skipped', reason: 'finished by another worker' };
  return { outcome: 'succeeded', graded: row.graded, changed: row.changed };
}

/** Marks a run failed (a business failure, or the last attempt of a job); a finished run is left alone. */
export async function failRegradeRun(dataSource: DataSource, runId: string, error: string): Promise<void> {
  await dataSource.query(
    `UPDATE regrade_runs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status = 'running'`,
    [runId, error.slice(0, 2_000)],
  );
}
