import type { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '@haoma/audit';
import type { CampaignSelection } from '@haoma/db';
import { appendOutbox } from '@haoma/orders';
import { ComplianceError } from './compliance-errors';

export interface CreateCampaignInput {
  name: string;
  selection: CampaignSelection;
  deadline: Date;
  /** `staff:<id>`. */
  createdBy: string;
  now?: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_LISTED_SERVICES = 10_000;

function selectionProblem(selection: CampaignSelection, now: Date): string | null {
  switch (selection.kind) {
    case 'all':
      return null;
    case 'verified_before': {
      const before = Date.parse(selection.before);
      if (Number.isNaN(before)) return 'selection.before must be a date';
      return before > now.getTime() ? 'selection.before must not be in the future' : null;
    }
    case 'services':
      if (!Array.isArray(selection.serviceIds) || selection.serviceIds.length === 0)
        return 'selection.serviceIds must list at least one service';
      if (selection.serviceIds.length > MAX_LISTED_SERVICES)
        return `selection.serviceIds may list at most ${MAX_LISTED_SERVICES} services`;
      return selection.serviceIds.every((id) => UUID.test(id))
        ? null
        : 'selection.serviceIds must be service ids';
    default:
      return 'selection.kind must be all, verified_before or services';
  }
}

/**
 * Opens a re-verification campaign (the 2016 clean-up): staff choose which lines and a future
 * deadline; customers re-sign the current 400 supplement agreement. The campaign starts
 * `opening`, and the outbox job `open-reverification-campaign` creates its tasks. The audit
 * row (who: the request's audit context) commits with the campaign.
 */
export async function createCampaign(manager: EntityManager, input: CreateCampaignInput): Promise<string> {
  const now = input.now ?? new Date();
  if (!(input.deadline.getTime() > now.getTime()))
    throw new ComplianceError('CAMPAIGN_INVALID', 'The deadline must be in the future.', {
      field: 'deadline',
    });
  const problem = selectionProblem(input.selection, now);
  if (problem) throw new ComplianceError('CAMPAIGN_INVALID', problem, { field: 'selection' });
  const agreements: { id: string }[] = await manager.query(
    `SELECT id FROM agreements WHERE kind = 'supplement_400' AND retired_at IS NULL`,
  );
  const agreement = agreements[0];
  if (!agreement)
    throw new ComplianceError('CAMPAIGN_INVALID', 'There is no current 400 supplement agreement to re-sign.');
  const selection =
    input.selection.kind === 'services'
      ? {
          kind: 'services',
          serviceIds: [...new Set(input.selection.serviceIds.map((id) => id.toLowerCase()))],
        }
      : input.selection;
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO reverification_campaigns (name, selection, deadline, agreement_id, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
    [input.name, JSON.stringify(selection), input.deadline, agreement.id, input.createdBy, now],
  );
  const campaignId = String(rows[0]?.id);
  await appendOutbox(manager, 'open-reverification-campaign', { campaignId });
  await recordAudit(manager, {
    action: 'campaign.created',
    targetType: 'reverification_campaign',
    targetId: campaignId,
    before: null,
    after: {
      status: 'opening',
      name: input.name,
      selection:
        selection.kind === 'services'
          ? { kind: 'services', services: selection.serviceIds.length }
          : selection,
      deadline: input.deadline.toISOString(),
      agreementId: agreement.id,
    },
  });
  return campaignId;
}

interface CampaignRow {
  id: string;
  status: string;
  selection: CampaignSelection;
  deadline: Date;
  created_at: Date;
  created_by: string;
  tasks_total: number | null;
}

/**
 * The lines a campaign selects: live when the campaign was created (a line activated later
 * was verified after it) and still live, as a SQL condition on `s` with parameters from $2.
 * `created_at` is the app's clock in milliseconds, a line's the database's in microseconds:
 * compared in milliseconds, a line created in the campaign's own millisecond is not missed.
 */
function selectionSql(campaign: CampaignRow): { where: string; params: unknown[] } {
  const base = `$1::uuid IS NOT NULL AND s.status IN ('active', 'suspended')
                AND date_trunc('milliseconds', s.created_at) <= $2`;
  const selection = campaign.selection;
  if (selection.kind === 'verified_before')
    return { where: `${base} AND s.verified_at < $3`, params: [campaign.created_at, selection.before] };
  if (selection.kind === 'services')
    return {
      where: `${base} AND s.id = ANY($3::uuid[])`,
      params: [campaign.created_at, selection.serviceIds],
    };
  return { where: base, params: [campaign.created_at] };
}

export interface OpenCampaignResult {
  status: 'open' | 'skipped';
  tasksCreated: number;
}

/**
 * Creates a campaign's tasks in batches of `batchSize`, each batch one transaction: the tasks
 * (one per line: ON CONFLICT DO NOTHING), a `reverification_requested` row on each line's
 * timeline (which tells the customer), and the progress on the campaign row, so progress is
 * visible while it runs. Lines are taken in id order after the last one with a task, so a
 * crashed or repeated run continues where the last committed batch ended. Finally `open`.
 */
export async function openCampaign(
  dataSource: DataSource,
  campaignId: string,
  options: { batchSize?: number; now?: () => Date } = {},
): Promise<OpenCampaignResult> {
  const batchSize = options.batchSize ?? 500;
  const clock = options.now ?? (() => new Date());
  for (;;) {
    const step = await dataSource.transaction(async (manager) => {
      const rows: CampaignRow[] = await manager.query(
        `SELECT id, status, selection, deadline, created_at, created_by, tasks_total
           FROM reverification_campaigns WHERE id = $1 FOR UPDATE`,
        [campaignId],
      );
      const campaign = rows[0];
      if (!campaign || campaign.status !== 'opening') return { done: true as const, skipped: true };
      const { where, params } = selectionSql(campaign);
      const total =
        campaign.tasks_total ??
        Number(
          (
            (await manager.query(`SELECT count(*)::int AS n FROM services s WHERE ${where}`, [
              campaignId,
              ...params,
            ])) as { n: number }[]
          )[0]?.n ?? 0,
        );
      const last: { service_id: string }[] = await manager.query(
        `SELECT service_id FROM reverification_tasks WHERE campaign_id = $1 ORDER BY service_id DESC LIMIT 1`,
        [campaignId],
      );
      const after = last[0]?.service_id ?? null;
      const p = params.length + 2;
      const now = clock();
      const created: { id: string; service_id: string; status: string; candidates: number }[] =
        await manager.query(
          `WITH candidates AS (
           SELECT s.id, s.customer_id, s.status FROM services s
            WHERE ${where} AND ($${p}::uuid IS NULL OR s.id > $${p}::uuid)
            ORDER BY s.id LIMIT $${p + 1}),
         inserted AS (
           INSERT INTO reverification_tasks (campaign_id, service_id, customer_id, due_at, created_at)
           SELECT $1, c.id, c.customer_id, $${p + 2}, $${p + 3} FROM candidates c
           ON CONFLICT (campaign_id, service_id) DO NOTHING
           RETURNING id, service_id)
         SELECT i.id, i.service_id, c.status, (SELECT count(*)::int FROM candidates) AS candidates
           FROM inserted i JOIN candidates c ON c.id = i.service_id`,
          [campaignId, ...params, after, batchSize, campaign.deadline, now],
        );
      if (created.length > 0)
        // One timeline row per new task, and its outbox row (appendOutbox's table, in bulk).
        await manager.query(
          `WITH events AS (
             INSERT INTO service_events (service_id, event, from_status, to_status, actor, data, created_at)
             SELECT t.service_id, 'reverification_requested', t.status, t.status, $2,
                    jsonb_build_object('campaignId', $1::text, 'taskId', t.id::text, 'dueAt', $3::text), $4
               FROM unnest($5::uuid[], $6::uuid[], $7::text[]) AS t(id, service_id, status)
             RETURNING id, service_id)
           INSERT INTO outbox_messages (job_name, payload)
           SELECT 'service-event-recorded', jsonb_build_object('serviceId', service_id::text, 'serviceEventId', id::text)
             FROM events`,
          [
            campaignId,
            campaign.created_by,
            campaign.deadline.toISOString(),
            now,
            created.map((t) => t.id),
            created.map((t) => t.service_id),
            created.map((t) => t.status),
          ],
        );
      // No row inserted: count what the batch looked at (all had tasks already, after a crash).
      const seen =
        created[0]?.candidates ??
        (await countRemaining(manager, where, params, campaignId, after, batchSize));
      const finished = seen < batchSize;
      await manager.query(
        `UPDATE reverification_campaigns c
            SET tasks_created = n.count,
                tasks_total = CASE WHEN $3::boolean THEN n.count ELSE GREATEST($2::int, n.count) END,
                status = CASE WHEN $3::boolean THEN 'open' ELSE status END,
                updated_at = now()
           FROM (SELECT count(*)::int AS count FROM reverification_tasks WHERE campaign_id = $1) n
          WHERE c.id = $1`,
        [campaignId, total, finished],
      );
      return { done: finished, skipped: false as const };
    });
    if (step.done) {
      const counted: { tasks_created: number }[] = await dataSource.query(
        `SELECT tasks_created FROM reverification_campaigns WHERE id = $1`,
        [campaignId],
      );
      return { status: step.skipped ? 'skipped' : 'open', tasksCreated: counted[0]?.tasks_created ?? 0 };
    }
  }
}

// When no task was inserted, how many lines the batch looked at (all had tasks already).
async function countRemaining(
  manager: EntityManager,
  where: string,
  params: unknown[],
  campaignId: string,
  after: string | null,
  batchSize: number,
): Promise<number> {
  const p = params.length + 2;
  const rows: { n: number }[] = await manager.query(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM services s WHERE ${where}
        AND ($${p}::uuid IS NULL OR s.id > $${p}::uuid) ORDER BY s.id LIMIT $${p + 1}) x`,
    [campaignId, ...params, after, batchSize],
  );
  return rows[0]?.n ?? 0;
}
