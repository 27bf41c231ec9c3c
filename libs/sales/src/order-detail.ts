import type { EntityManager } from 'typeorm';
import type { OrderStatus } from '@haoma/domain';
import type { OrderPriceLine } from '@haoma/db';
import { NEXT_DEADLINE_SQL, overdueSql } from './pipeline-filters';
import { SalesError } from './sales-errors';

export interface StaffOrderDetail {
  id: string;
  orderNo: string;
  number: string;
  status: OrderStatus;
  statusChangedAt: Date;
  timeInStatusSeconds: number;
  grade: string;
  carrier: string;
  customer: { id: string; companyName: string; contactName: string; email: string; mobile: string };
  assignee: { id: string; name: string; email: string; active: boolean } | null;
  assignedAt: Date | null;
  selectionFeeFen: number;
  priceLines: OrderPriceLine[];
  totalFen: number | null;
  pricedAt: Date | null;
  paidAt: Date | null;
  holdUntil: Date | null;
  holdExtensions: number;
  documentsDueAt: Date | null;
  nextDeadline: { kind: 'hold' | 'documents'; at: Date } | null;
  overdue: boolean;
  closedReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One order as staff see it: customer, assignee, price lines and deadlines. */
export async function findStaffOrder(
  manager: EntityManager,
  orderId: string,
  now = new Date(),
): Promise<StaffOrderDetail> {
  const rows: {
    id: string;
    order_no: string;
    number: string;
    status: OrderStatus;
    status_changed_at: Date;
    seconds_in_status: number;
    grade: string;
    carrier: string;
    customer_id: string;
    company_name: string;
    contact_name: string;
    email: string;
    mobile: string;
    assignee_id: string | null;
    assignee_name: string | null;
    assignee_email: string | null;
    assignee_active: boolean | null;
    assigned_at: Date | null;
    selection_fee_fen: number;
    price_lines: OrderPriceLine[];
    total_fen: number | null;
    priced_at: Date | null;
    paid_at: Date | null;
    hold_until: Date | null;
    hold_extensions: number;
    documents_due_at: Date | null;
    next_deadline: Date | null;
    overdue: boolean;
    closed_reason: string | null;
    created_at: Date;
    updated_at: Date;
  }[] = await manager.query(
    `SELECT o.id, o.order_no, o.number, o.status, o.status_changed_at,
            floor(extract(epoch FROM $2::timestamptz - o.status_changed_at))::float8 AS seconds_in_status,
            o.grade, n.carrier, o.customer_id, c.company_name, c.contact_name, c.email, c.mobile,
            o.assignee_id, s.name AS assignee_name, s.email AS assignee_email, s.active AS assignee_active,
            o.assigned_at, o.selection_fee_fen, o.price_lines, o.total_fen, o.priced_at, o.paid_at,
            o.hold_until, o.hold_extensions, o.documents_due_at, ${NEXT_DEADLINE_SQL} AS next_deadline,
            ${overdueSql('$2::timestamptz')} AS overdue, o.closed_reason, o.created_at, o.updated_at
       FROM orders o
       JOIN customers c ON c.id = o.customer_id
       JOIN numbers n ON n.number = o.number
       LEFT JOIN staff_members s ON s.id = o.assignee_id
      WHERE o.id = $1`,
    [orderId, now],
  );
  const r = rows[0];
  if (!r) throw new SalesError('ORDER_NOT_FOUND', 'No such order.');
  return {
    id: r.id,
    orderNo: String(r.order_no),
    number: r.number,
    status: r.status,
    statusChangedAt: r.status_changed_at,
    timeInStatusSeconds: Math.max(0, Number(r.seconds_in_status)),
    grade: r.grade,
    carrier: r.carrier,
    customer: {
      id: r.customer_id,
      companyName: r.company_name,
      contactName: r.contact_name,
      email: r.email,
      mobile: r.mobile,
    },
    assignee:
      r.assignee_id === null
        ? null
        : {
            id: r.assignee_id,
            name: r.assignee_name ?? '',
            email: r.assignee_email ?? '',
            active: r.assignee_active ?? false,
          },
    assignedAt: r.assigned_at,
    selectionFeeFen: r.selection_fee_fen,
    priceLines: r.price_lines,
    totalFen: r.total_fen,
    pricedAt: r.priced_at,
    paidAt: r.paid_at,
    holdUntil: r.hold_until,
    holdExtensions: r.hold_extensions,
    documentsDueAt: r.documents_due_at,
    nextDeadline:
      r.next_deadline === null
        ? null
        : { kind: r.status === 'awaiting_documents' ? 'documents' : 'hold', at: r.next_deadline },
    overdue: r.overdue,
    closedReason: r.closed_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Throws ORDER_NOT_FOUND unless the order exists (optionally locking it for the transaction). */
export async function requireOrder(
  manager: EntityManager,
  orderId: string,
  lock = false,
): Promise<{ id: string; assignee_id: string | null; order_no: string; number: string }> {
  const rows: { id: string; assignee_id: string | null; order_no: string; number: string }[] =
    await manager.query(
      `SELECT id, assignee_id, order_no, number FROM orders WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [orderId],
    );
  const row = rows[0];
  if (!row) throw new SalesError('ORDER_NOT_FOUND', 'No such order.');
  return row;
}
