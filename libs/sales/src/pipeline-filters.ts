import { HOLDING_ORDER_STATUSES, parseNumber, type OrderStatus } from '@haoma/domain';

/** What the pipeline list and board filter on; every field optional, all combined with AND. */
export interface PipelineFilters {
  statuses?: readonly OrderStatus[];
  /** A staff id, or `none` for unassigned orders (the API turns `me` into the caller's id). */
  assignee?: string;
  carriers?: readonly string[];
  grades?: readonly string[];
  /** Half-open ranges [from, to). */
  createdFrom?: Date;
  createdTo?: Date;
  paidFrom?: Date;
  paidTo?: Date;
  /** Only orders in their current status for longer than this many ms. */
  inStatusLongerThanMs?: number;
  /** true: the deadline of the current status (hold or documents) has passed; false: it has not. */
  overdue?: boolean;
  /** Free-text search: number, order no, company, USCC, customer email. */
  q?: string;
}

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The deadline the order's current status runs against (ORDER_NEXT_STEP): the hold while
 * selecting or awaiting payment, the documents deadline while awaiting documents, else none.
 */
export const NEXT_DEADLINE_SQL = `CASE WHEN o.status IN (${sqlList(HOLDING_ORDER_STATUSES)}) THEN o.hold_until
            WHEN o.status = 'awaiting_documents' THEN o.documents_due_at END`;

/** True when that deadline has passed at `$now` while the order is still in the status. */
export const overdueSql = (now: string) => `COALESCE((${NEXT_DEADLINE_SQL}) < ${now}, false)`;

/** The dossier version of the order's latest submission (USCC and company as filed). */
const LATEST_DOSSIER = (column: string) =>
  `(SELECT dv.${column} FROM verification_submissions vs JOIN dossier_versions dv ON dv.id = vs.dossier_version_id
     WHERE vs.order_id = o.id ORDER BY vs.sequence DESC LIMIT 1)`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Separators people write inside numbers; a query of digits and these is a digit search. */
const NUMBERISH = /^[\d\s\-.()+\u3000\uff10-\uff19\uff0d]+$/;

/**
 * SQL conditions (over `orders o`, `customers c`, `numbers n`) and their parameters, appended
 * to `params`. `now` is the parameter holding the request's time, so every row is judged at
 * one instant.
 */
export function pipelineConditions(filters: PipelineFilters, params: unknown[], now: string): string[] {
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (filters.statuses?.length) where.push(`o.status = ANY(${add(filters.statuses)}::text[])`);
  if (filters.assignee === 'none') where.push('o.assignee_id IS NULL');
  else if (filters.assignee) where.push(`o.assignee_id = ${add(filters.assignee)}::uuid`);
  if (filters.carriers?.length) where.push(`n.carrier = ANY(${add(filters.carriers)}::text[])`);
  if (filters.grades?.length) where.push(`o.grade = ANY(${add(filters.grades)}::text[])`);
  if (filters.createdFrom) where.push(`o.created_at >= ${add(filters.createdFrom)}`);
  if (filters.createdTo) where.push(`o.created_at < ${add(filters.createdTo)}`);
  if (filters.paidFrom) where.push(`o.paid_at >= ${add(filters.paidFrom)}`);
  if (filters.paidTo) where.push(`o.paid_at < ${add(filters.paidTo)}`);
  if (filters.inStatusLongerThanMs !== undefined)
    where.push(
      `o.status_changed_at < ${now} - make_interval(secs => ${add(filters.inStatusLongerThanMs / 1000)}::double precision)`,
    );
  if (filters.overdue !== undefined) where.push(filters.overdue ? overdueSql(now) : `NOT ${overdueSql(now)}`);
  const q = filters.q?.trim();
  if (q) where.push(searchCondition(q, add));
  return where;
}

function searchCondition(q: string, add: (value: unknown) => string): string {
  const anyOf: string[] = [];
  const parsed = parseNumber(q);
  if (parsed.ok) anyOf.push(`o.number = ${add(parsed.digits)}`);
  else if (NUMBERISH.test(q)) {
    // Part of a number (full-width digits read as ASCII), or an order number.
    const digits = [...q]
      .map((ch) => {
        const code = ch.charCodeAt(0);
        return code >= 0xff10 && code <= 0xff19 ? String(code - 0xff10) : ch;
      })
      .join('')
      .replace(/\D/g, '');
    if (digits) {
      anyOf.push(`o.number LIKE ${add(`%${digits}%`)}`);
      if (digits.length <= 18) anyOf.push(`o.order_no = ${add(digits)}::bigint`);
    }
  }
  const like = add(`%${escapeLike(q)}%`);
  anyOf.push(
    `c.company_name ILIKE ${like}`,
    `c.email ILIKE ${like}`,
    `${LATEST_DOSSIER('company_name')} ILIKE ${like}`,
    `${LATEST_DOSSIER('uscc')} = ${add(q.toUpperCase())}`,
  );
  return `(${anyOf.join(' OR ')})`;
}
