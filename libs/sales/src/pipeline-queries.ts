import type { EntityManager } from 'typeorm';
import type { OrderStatus } from '@haoma/domain';
import {
  cursorText,
  decodePipelineCursor,
  encodePipelineCursor,
  type PipelineSort,
  type SortOrder,
} from './pipeline-cursor';
import { NEXT_DEADLINE_SQL, overdueSql, pipelineConditions, type PipelineFilters } from './pipeline-filters';
import { SalesError } from './sales-errors';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PipelineItem {
  id: string;
  orderNo: string;
  number: string;
  status: OrderStatus;
  customer: { id: string; companyName: string; email: string };
  assignee: { id: string; name: string; email: string } | null;
  grade: string;
  carrier: string;
  totalFen: number | null;
  createdAt: Date;
  paidAt: Date | null;
  statusChangedAt: Date;
  /** Whole seconds since the order entered its status. */
  timeInStatusSeconds: number;
  nextDeadline: { kind: 'hold' | 'documents'; at: Date } | null;
  overdue: boolean;
}

export interface PipelineQuery extends PipelineFilters {
  sort: PipelineSort;
  order: SortOrder;
  limit: number;
  cursor?: string;
  now?: Date;
}

// Orders without a deadline sort after all others in both directions (deadline sort only).
const FAR_FUTURE = `'9999-12-31T00:00:00Z'::timestamptz`;
const FAR_PAST = `'0001-01-01T00:00:00Z'::timestamptz`;

/** The timestamp each sort orders by; `asc` is always earliest first. */
function sortKey(sort: PipelineSort, order: SortOrder): string {
  switch (sort) {
    case 'age':
      return 'o.created_at';
    case 'status_age':
      return 'o.status_changed_at';
    case 'deadline':
      return `COALESCE(${NEXT_DEADLINE_SQL}, ${order === 'asc' ? FAR_FUTURE : FAR_PAST})`;
  }
}

interface PipelineRow {
  id: string;
  order_no: string;
  number: string;
  status: OrderStatus;
  customer_id: string;
  company_name: string;
  email: string;
  assignee_id: string | null;
  assignee_name: string | null;
  assignee_email: string | null;
  grade: string;
  carrier: string;
  total_fen: number | null;
  created_at: Date;
  paid_at: Date | null;
  status_changed_at: Date;
  seconds_in_status: number;
  next_deadline: Date | null;
  overdue: boolean;
  cursor_at: string;
}

/** The FROM clause every pipeline query shares. */
export const PIPELINE_FROM = `orders o
  JOIN customers c ON c.id = o.customer_id
  JOIN numbers n ON n.number = o.number
  LEFT JOIN staff_members s ON s.id = o.assignee_id`;

/**
 * One page of the staff pipeline: the orders matching `filters`, in the requested sort, with
 * a keyset cursor (the sort key and the id) so pages never repeat or skip an order.
 */
export async function listPipeline(
  manager: EntityManager,
  query: PipelineQuery,
): Promise<Page<PipelineItem>> {
  const after = query.cursor === undefined ? null : decodePipelineCursor(query.cursor);
  if (after === undefined)
    throw new SalesError('INVALID_QUERY', 'The cursor is not one this list handed out.');
  if (after && (after.sort !== query.sort || after.order !== query.order))
    throw new SalesError(
      'INVALID_QUERY',
      `The cursor belongs to sort=${after.sort}&order=${after.order}: repeat the request with those.`,
    );
  const params: unknown[] = [query.now ?? new Date()];
  const where = pipelineConditions(query, params, '$1::timestamptz');
  const key = sortKey(query.sort, query.order);
  const dir = query.order === 'asc' ? 'ASC' : 'DESC';
  if (after) {
    params.push(after.at, after.id);
    const cmp = query.order === 'asc' ? '>' : '<';
    where.push(
      `((${key}) AT TIME ZONE 'UTC', o.id) ${cmp} ($${params.length - 1}::timestamp, $${params.length}::uuid)`,
    );
  }
  params.push(query.limit + 1);
  const rows: PipelineRow[] = await manager.query(
    `SELECT o.id, o.order_no, o.number, o.status, o.customer_id, c.company_name, c.email,
            o.assignee_id, s.name AS assignee_name, s.email AS assignee_email, o.grade, n.carrier,
            o.total_fen, o.created_at, o.paid_at, o.status_changed_at,
            floor(extract(epoch FROM $1::timestamptz - o.status_changed_at))::float8 AS seconds_in_status,
            ${NEXT_DEADLINE_SQL} AS next_deadline, ${overdueSql('$1::timestamptz')} AS overdue,
            ${cursorText(key)} AS cursor_at
       FROM ${PIPELINE_FROM}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${key} ${dir}, o.id ${dir}
      LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(pipelineItem),
    nextCursor:
      rows.length > query.limit && last
        ? encodePipelineCursor({ sort: query.sort, order: query.order, at: last.cursor_at, id: last.id })
        : null,
  };
}

function pipelineItem(r: PipelineRow): PipelineItem {
  return {
    id: r.id,
    orderNo: String(r.order_no),
    number: r.number,
    status: r.status,
    customer: { id: r.customer_id, companyName: r.company_name, email: r.email },
    assignee:
      r.assignee_id === null
        ? null
        : { id: r.assignee_id, name: r.assignee_name ?? '', email: r.assignee_email ?? '' },
    grade: r.grade,
    carrier: r.carrier,
    totalFen: r.total_fen,
    createdAt: r.created_at,
    paidAt: r.paid_at,
    statusChangedAt: r.status_changed_at,
    timeInStatusSeconds: Math.max(0, Number(r.seconds_in_status)),
    nextDeadline:
      r.next_deadline === null
        ? null
        : { kind: r.status === 'awaiting_documents' ? 'documents' : 'hold', at: r.next_deadline },
    overdue: r.overdue,
  };
}
