import type { EntityManager } from 'typeorm';
import type { CampaignSelection } from '@haoma/db';
import { cursorTimeSql, encodePageCursor, pageAfter } from './page-cursor';
import type { Page } from './service-queries';

/** A campaign with its progress: tasks created of the total, and how the tasks stand. */
export interface CampaignView {
  id: string;
  name: string;
  selection: CampaignSelection;
  deadline: Date;
  agreementId: string;
  status: string;
  createdBy: string;
  createdAt: Date;
  tasksTotal: number | null;
  tasksCreated: number;
  /** tasksCreated of tasksTotal, 0–100 (0 before the total is known). */
  percent: number;
  counts: { open: number; completed: number; overdue: number };
}

interface CampaignRow {
  id: string;
  name: string;
  selection: CampaignSelection;
  deadline: Date;
  agreement_id: string;
  status: string;
  created_by: string;
  created_at: Date;
  tasks_total: number | null;
  tasks_created: number;
  open: number;
  completed: number;
  overdue: number;
  cursor_at: string;
}

const SELECT = `
  SELECT c.id, c.name, c.selection, c.deadline, c.agreement_id, c.status, c.created_by, c.created_at,
         c.tasks_total, c.tasks_created, ${cursorTimeSql('c.created_at')} AS cursor_at,
         count(t.id) FILTER (WHERE t.status = 'open')::int AS open,
         count(t.id) FILTER (WHERE t.status = 'completed')::int AS completed,
         count(t.id) FILTER (WHERE t.status = 'overdue')::int AS overdue
    FROM reverification_campaigns c LEFT JOIN reverification_tasks t ON t.campaign_id = c.id`;

function toView(row: CampaignRow): CampaignView {
  const percent =
    row.tasks_total === null
      ? 0
      : row.tasks_total === 0
        ? 100
        : Math.floor((row.tasks_created * 100) / row.tasks_total);
  return {
    id: row.id,
    name: row.name,
    selection: row.selection,
    deadline: row.deadline,
    agreementId: row.agreement_id,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    tasksTotal: row.tasks_total,
    tasksCreated: row.tasks_created,
    percent,
    counts: { open: row.open, completed: row.completed, overdue: row.overdue },
  };
}

export async function findCampaign(manager: EntityManager, id: string): Promise<CampaignView | null> {
  const rows: CampaignRow[] = await manager.query(`${SELECT} WHERE c.id = $1 GROUP BY c.id`, [id]);
  return rows[0] ? toView(rows[0]) : null;
}

/** Campaigns, newest first, keyset-paginated. */
export async function listCampaigns(
  manager: EntityManager,
  query: { limit: number; cursor?: string },
): Promise<Page<CampaignView>> {
  const after = pageAfter(query.cursor);
  const rows: CampaignRow[] = await manager.query(
    `${SELECT}
      WHERE ($1::timestamp IS NULL OR (c.created_at, c.id) < ($1::timestamp AT TIME ZONE 'UTC', $2::uuid))
      GROUP BY c.id
      ORDER BY c.created_at DESC, c.id DESC
      LIMIT $3`,
    [after?.at ?? null, after?.id ?? null, query.limit + 1],
  );
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toView),
    nextCursor: more && last ? encodePageCursor({ at: last.cursor_at, id: last.id }) : null,
  };
}
