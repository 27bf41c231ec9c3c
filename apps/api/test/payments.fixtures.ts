// Shared by the payment suites: an order taken to awaiting payment, and table counts.
import type { DataSource } from 'typeorm';
import type { RegisteredCustomer } from './accounts.fixtures';
import { currentAgreementRefs, customerApi, holdAs, type OrdersEnv } from './orders.fixtures';
import type { OrderResponse } from '../src/orders/order.response';

/** Standard-grade numbers (plan `basic` allowed). */
export const STANDARD_NUMBERS = [
  '4001357902',
  '4007102938',
  '4008571049',
  '4000827143',
  '4006468013',
  '4006182735',
  '4007283910',
  '4001173940',
  '4001234567',
  '4000887322',
] as const;

/** Holds `number` for `who`, chooses the basic plan and signs: the order awaits payment. */
export async function signedOrder(
  env: OrdersEnv,
  who: RegisteredCustomer,
  number: string,
): Promise<OrderResponse> {
  const order = await holdAs(env, who, number);
  const api = customerApi(env, who);
  const priced = await api.put(`/api/v1/orders/${order.id}/selection`, {
    planCode: 'basic',
    featureCodes: [],
  });
  if (priced.status !== 200) throw new Error(`selection answered ${priced.status}`);
  const signed = await api.post(`/api/v1/orders/${order.id}/signature`, {
    signerName: '李伟',
    signerTitle: '经理',
    agreements: await currentAgreementRefs(env),
  });
  if (signed.status !== 200 || signed.body.status !== 'awaiting_payment')
    throw new Error(`signature answered ${signed.status}: ${JSON.stringify(signed.body)}`);
  return signed.body;
}

/** Rows of `table` (optionally matching a WHERE clause), for "nothing stored" checks. */
export async function countRows(
  dataSource: DataSource,
  table: string,
  where = 'true',
  params: unknown[] = [],
) {
  const rows: { n: string }[] = await dataSource.query(
    `SELECT count(*) AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Moves an order's hold (and its number's) to `holdUntil`, as if time had passed. */
export async function setHold(dataSource: DataSource, orderId: string, holdUntil: Date): Promise<void> {
  await dataSource.query(`UPDATE orders SET hold_until = $2 WHERE id = $1`, [orderId, holdUntil]);
  await dataSource.query(`UPDATE numbers SET held_until = $2 WHERE holder_order_id = $1`, [
    orderId,
    holdUntil,
  ]);
}
