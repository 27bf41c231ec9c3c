import { randomUUID } from 'node:crypto';
import { escapeLiteral, type PoolClient, type QueryResult } from 'pg';
import type { DataSource } from 'typeorm';
import { formatNumber, HOLDING_ORDER_STATUSES } from '@haoma/domain';
import type { HoldSettings } from './hold-settings';
import { actorLabel, type OrderActor } from './order-actor';
import { OrderError } from './order-errors';
import type { OrderDetail } from './order-queries';
import { transitionOrder } from './order-transitions';
import { isUniqueViolation } from './pg-errors';

export interface HoldCommand {
  customerId: string;
  /** Canonical 10 digits. */
  number: string;
  settings: HoldSettings;
  now?: Date;
}

export interface HoldResult {
  orderId: string;
  holdUntil: Date;
  /** The new order as the customer sees it (no need to read it back). */
  order: OrderDetail;
}

interface AttemptRow {
  holds: number;
  order_no: string | null;
  grade: string | null;
  selection_fee_fen: number | null;
  event_id: string | null;
  number_exists: boolean;
  status: string | null;
  held_until: Date | null;
  holder_order_id: string | null;
}

type NumberState = Pick<AttemptRow, 'status' | 'held_until' | 'holder_order_id'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CANONICAL = /^400\d{7}$/;
/**
 * Advisory lock class of "one customer's holds" (the object is a hash of the customer id).
 * An advisory lock, not `SELECT … FOR UPDATE` on the customer row: a row lock gives the
 * transaction an id and a WAL record, so every refused hold would end in a WAL flush; a hash
 * collision only makes two customers' holds wait for each other.
 */
export const CUSTOMER_HOLDS_LOCK = 40_001;
// The hold timer's own transition, run early by the next buyer of a hold that ran out.
const HOLD_TIMER: OrderActor = { kind: 'system', id: 'hold-timer' };
const literal = (value: string | Date | number): string =>
  typeof value === 'number'
    ? String(value)
    : escapeLiteral(value instanceof Date ? value.toISOString() : value);

/**
 * Holds a number for a new order, in one transaction: takes the customer's hold lock (so one
 * customer's holds are counted one at a time), refuses past MAX_HOLDS live holds, takes the
 * number with a conditional UPDATE (only an `available` number), opens the order in
 * `selecting` with the number's grade and fee, and writes the number's history, the order's
 * `created` timeline row, the delayed `expire-hold` outbox job and the outbox job that
 * tells the customer (`order-event-recorded`).
 *
 * The whole transaction is one round trip — BEGIN, the lock and the rest sent together — since
 * holds are what the shop is benchmarked on (every round trip costs the API CPU, and holds
 * the contested number's row lock longer). Each statement of the message still reads a fresh
 * snapshot (READ COMMITTED), so the count sees every hold committed before the lock was
 * granted. A hold that ran out but was not expired yet is expired first, through the
 * workflow, then the hold is tried again.
 *
 * Throws OrderError NUMBER_NOT_FOUND, NUMBER_UNAVAILABLE (`heldUntil` when held) or
 * HOLD_LIMIT_REACHED (`maxHolds`).
 */
export async function holdNumber(dataSource: DataSource, command: HoldCommand): Promise<HoldResult> {
  if (!UUID.test(command.customerId)) throw new Error(`customer id ${command.customerId} is not a uuid`);
  if (!CANONICAL.test(command.number)) throw new Error(`${command.number} is not a canonical 400 number`);
  const now = command.now ?? new Date();
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptHold(dataSource, command, now);
    if ('order' in outcome) return outcome;
    if (attempt < MAX_ATTEMPTS) {
      // Freed while the statement waited for it: try again.
      if ('retry' in outcome) continue;
      // Held by a hold that ran out: expire it as its timer would, then try again.
      if (outcome.overdueHolder && (await expireOverdueHold(dataSource, outcome.overdueHolder, now)))
        continue;
    }
    throw 'retry' in outcome
      ? unavailable(command.number, { status: 'taken', held_until: null, holder_order_id: null }, now)
      : outcome.refusal;
  }
}

const MAX_ATTEMPTS = 3;

type Attempt = HoldResult | { retry: true } | { refusal: OrderError; overdueHolder?: string | undefined };

async function attemptHold(dataSource: DataSource, command: HoldCommand, now: Date): Promise<Attempt> {
  const { customerId, number, settings } = command;
  const orderId = randomUUID();
  const holdUntil = new Date(now.getTime() + settings.holdTtlMs);
  const actor = actorLabel({ kind: 'customer', id: customerId });
  const reason = `number ${formatNumber(number)} held for this order`;
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    let row: AttemptRow | undefined;
    try {
      const results = (await client.query(
        holdMessage({
          customerId,
          number,
          orderId,
          holdUntil,
          now,
          actor,
          reason,
          maxHolds: settings.maxHolds,
        }),
      )) as unknown as QueryResult<AttemptRow>[];
      row = results[2]?.rows[0];
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // The number row said available but a live order still claims it (the database's own
      // guarantee, orders_live_number_key): not for sale, whatever the row says.
      if (isUniqueViolation(error, 'orders_live_number_key'))
        return {
          refusal: unavailable(number, { status: 'taken', held_until: null, holder_order_id: null }, now),
        };
      throw error;
    }
    if (!row) throw new Error('the hold statement returned no row');
    if (
      row.order_no !== null &&
      row.grade !== null &&
      row.selection_fee_fen !== null &&
      row.event_id !== null
    )
      return {
        orderId,
        holdUntil,
        order: createdOrder({ ...command, orderId, holdUntil, now, actor, reason }, row),
      };

    if (!row.number_exists)
      return {
        refusal: new OrderError('NUMBER_NOT_FOUND', `${formatNumber(number)} is not in our inventory.`),
      };
    let state: NumberState = row;
    // The statement's snapshot predates a competing hold it waited for: read what it left.
    if (state.status === 'available' && row.holds < settings.maxHolds) {
      const fresh = await client.query<NumberState>(
        `SELECT status, held_until, holder_order_id FROM numbers WHERE number = $1`,
        [number],
      );
      state = fresh.rows[0] ?? state;
    }
    if (state !== row && state.status === 'available') return { retry: true };
    if (state.status !== 'available') {
      const overdue = state.status === 'held' && isOver(state.held_until, now) ? state.holder_order_id : null;
      return { refusal: unavailable(number, state, now), overdueHolder: overdue ?? undefined };
    }
    return {
      refusal: new OrderError(
        'HOLD_LIMIT_REACHED',
        `You already hold ${row.holds} numbers; pay for one, cancel one or let one expire first.`,
        { maxHolds: settings.maxHolds },
      ),
    };
  } finally {
    await runner.release();
  }
}

interface MessageValues {
  customerId: string;
  number: string;
  orderId: string;
  holdUntil: Date;
  now: Date;
  actor: string;
  reason: string;
  maxHolds: number;
}

// One simple-protocol message, so no bind parameters: every value is a checked uuid or
// number, a date, an integer, or goes through the driver's escapeLiteral. Statement 3
// (index 2) answers what happened. Data-modifying CTEs run whether or not their rows are
// used, so the inserts take their rows from `held`: nothing is written unless the number
// was taken.
function holdMessage(v: MessageValues): string {
  const [customer, number, order, until, now, actor] = [
    literal(v.customerId),
    literal(v.number),
    literal(v.orderId),
    literal(v.holdUntil),
    literal(v.now),
    literal(v.actor),
  ];
  const holding = HOLDING_ORDER_STATUSES.map(literal).join(', ');
  const data = literal(JSON.stringify({ holdUntil: v.holdUntil.toISOString() }));
  const payload = literal(JSON.stringify({ orderId: v.orderId, holdUntil: v.holdUntil.toISOString() }));
  return `BEGIN;
SELECT pg_advisory_xact_lock(${CUSTOMER_HOLDS_LOCK}, hashtext(${customer}));
WITH live AS (
  SELECT count(*)::int AS holds FROM orders
   WHERE customer_id = ${customer} AND status IN (${holding}) AND hold_until > ${now}),
held AS (
  UPDATE numbers SET status = 'held', holder_order_id = ${order}, held_until = ${until},
                     status_changed_at = ${now}, updated_at = ${now}
   WHERE number = ${number} AND status = 'available' AND (SELECT holds FROM live) < ${literal(v.maxHolds)}
  RETURNING number, grade, selection_fee_fen),
number_event AS (
  INSERT INTO number_events (number, from_status, to_status, order_id, actor, reason, created_at)
  SELECT number, 'available', 'held', ${order}, ${actor}, 'held for an order', ${now} FROM held),
created AS (
  INSERT INTO orders (id, customer_id, number, status, status_changed_at, grade, selection_fee_fen,
                      hold_until, created_at, updated_at)
  SELECT ${order}, ${customer}, number, 'selecting', ${now}, grade, selection_fee_fen, ${until}, ${now}, ${now}
    FROM held
  RETURNING id, order_no, grade, selection_fee_fen),
timeline AS (
  INSERT INTO order_events (order_id, type, to_status, actor, reason, data, created_at)
  SELECT id, 'created', 'selecting', ${actor}, ${literal(v.reason)}, ${data}::jsonb, ${now} FROM created
  RETURNING id),
outbox AS (
  INSERT INTO outbox_messages (job_name, payload, run_at)
  SELECT 'expire-hold', ${payload}::jsonb, ${until}::timestamptz FROM created
  UNION ALL
  SELECT 'order-event-recorded', jsonb_build_object('orderId', ${order}::text, 'orderEventId', t.id::text),
         NULL::timestamptz
    FROM timeline t)
SELECT (SELECT holds FROM live) AS holds, c.order_no, c.grade, c.selection_fee_fen,
       (SELECT id FROM timeline) AS event_id, n.number IS NOT NULL AS number_exists,
       n.status, n.held_until, n.holder_order_id
  FROM (SELECT 1) AS one
  LEFT JOIN created c ON true
  LEFT JOIN numbers n ON n.number = ${number};
COMMIT;`;
}

function createdOrder(
  v: HoldCommand & { orderId: string; holdUntil: Date; now: Date; actor: string; reason: string },
  row: AttemptRow,
): OrderDetail {
  return {
    id: v.orderId,
    orderNo: String(row.order_no),
    number: v.number,
    status: 'selecting',
    statusChangedAt: v.now,
    grade: row.grade ?? '',
    selectionFeeFen: row.selection_fee_fen ?? 0,
    planId: null,
    priceLines: [],
    totalFen: null,
    pricedAt: null,
    holdUntil: v.holdUntil,
    holdExtensions: 0,
    documentsDueAt: null,
    closedReason: null,
    createdAt: v.now,
    signatures: [],
    timeline: [
      {
        id: String(row.event_id),
        type: 'created',
        event: null,
        fromStatus: null,
        toStatus: 'selecting',
        actor: v.actor,
        reason: v.reason,
        at: v.now,
      },
    ],
  };
}

/** Expires the order holding a number past its deadline; true when the number was given back. */
async function expireOverdueHold(dataSource: DataSource, orderId: string, now: Date): Promise<boolean> {
  try {
    const result = await dataSource.transaction((m) =>
      transitionOrder(m, { orderId, event: 'hold_expired', actor: HOLD_TIMER, now }),
    );
    return result.changed;
  } catch (error) {
    // The holder is gone or no longer due (extended meanwhile): the number stays taken.
    if (error instanceof OrderError) return false;
    throw error;
  }
}

const isOver = (until: Date | null, now: Date): boolean => until !== null && until.getTime() <= now.getTime();

/** Why a number that exists cannot be held: taken, or held (until when, if that is still ahead). */
function unavailable(number: string, state: NumberState, now: Date): OrderError {
  const heldUntil =
    state.status === 'held' && state.held_until && !isOver(state.held_until, now)
      ? state.held_until.toISOString()
      : null;
  return new OrderError(
    'NUMBER_UNAVAILABLE',
    heldUntil
      ? `${formatNumber(number)} is held for another order until ${heldUntil}.`
      : `${formatNumber(number)} is not available.`,
    { number, heldUntil },
  );
}
