import type { OrderEvent, OrderStatus } from './order-workflow';

/** What the guards look at: a snapshot of the order, no I/O. */
export interface OrderSnapshot {
  status: OrderStatus;
  holdUntil: Date | null;
  /** Null until a plan was chosen and the order priced. */
  totalFen: number | null;
  documentsDueAt: Date | null;
}

/** Every code the order workflow refuses with; the API maps each to an HTTP status. */
export const ORDER_ERROR_CODES = [
  'ORDER_NOT_FOUND',
  'ORDER_TRANSITION_NOT_ALLOWED',
  'ORDER_ACTOR_NOT_ALLOWED',
  'ORDER_PLAN_REQUIRED',
  'ORDER_HOLD_EXPIRED',
  'ORDER_HOLD_NOT_DUE',
  'ORDER_DEADLINE_NOT_DUE',
  'ORDER_NUMBER_TAKEN',
] as const;
export type OrderErrorCode = (typeof ORDER_ERROR_CODES)[number];

type Guard = (order: OrderSnapshot, now: Date) => OrderErrorCode | undefined;

const holdAlive: Guard = (order, now) =>
  order.holdUntil !== null && order.holdUntil.getTime() > now.getTime() ? undefined : 'ORDER_HOLD_EXPIRED';

/**
 * Conditions beyond "the event may fire from this status". Timer events check their own
 * deadline, so a sweeper that read a hold before it was extended cannot expire it.
 */
export const ORDER_GUARDS: Partial<Record<OrderEvent, readonly Guard[]>> = {
  sign: [(order) => (order.totalFen === null ? 'ORDER_PLAN_REQUIRED' : undefined), holdAlive],
  hold_expired: [
    (order, now) =>
      order.holdUntil !== null && order.holdUntil.getTime() <= now.getTime()
        ? undefined
        : 'ORDER_HOLD_NOT_DUE',
  ],
  documents_deadline_passed: [
    (order, now) =>
      order.documentsDueAt !== null && order.documentsDueAt.getTime() <= now.getTime()
        ? undefined
        : 'ORDER_DEADLINE_NOT_DUE',
  ],
};

/** The first guard of `event` that refuses `order` at `now`, or undefined when all pass. */
export function guardEvent(event: OrderEvent, order: OrderSnapshot, now: Date): OrderErrorCode | undefined {
  for (const guard of ORDER_GUARDS[event] ?? []) {
    const code = guard(order, now);
    if (code) return code;
  }
  return undefined;
}
