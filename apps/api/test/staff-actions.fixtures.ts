// Shared by the staff action suites: staff of each role logged in, and an order moved by hand.
import type { DataSource } from 'typeorm';
import { transitionOrder } from '@haoma/orders';
import { createStaff, loginStaff } from './accounts.fixtures';
import type { OrdersEnv } from './orders.fixtures';
import { setHold } from './payments.fixtures';

export interface StaffHeaders {
  id: string;
  headers: { authorization: string };
}

/** A logged-in staff member of `role`. */
export async function staffAs(env: OrdersEnv, role: 'sales' | 'reviewer' | 'admin'): Promise<StaffHeaders> {
  const member = await createStaff(env.dataSource, role);
  const { headers } = await loginStaff(env.url, member.email, member.password);
  return { id: member.id, headers };
}

/** Lets an unpaid order's hold run out, as the hold timer would: the order expires, the number is free. */
export async function expireOrder(dataSource: DataSource, orderId: string): Promise<void> {
  await setHold(dataSource, orderId, new Date(Date.now() - 60_000));
  await dataSource.transaction((manager) =>
    transitionOrder(manager, { orderId, event: 'hold_expired', actor: { kind: 'system', id: 'test' } }),
  );
}

/** The audit rows of `action` about `targetId`, oldest first. */
export async function auditRows(
  dataSource: DataSource,
  action: string,
  targetId: string,
): Promise<
  {
    actor: string;
    actor_id: string | null;
    actor_role: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[]
> {
  return dataSource.query(
    `SELECT actor, actor_id, actor_role, before, after FROM audit_log
      WHERE action = $1 AND target_id = $2 ORDER BY id`,
    [action, targetId],
  );
}
