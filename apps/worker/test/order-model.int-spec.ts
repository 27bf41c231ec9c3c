import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { seedCatalog } from '@haoma/catalog';
import { createDataSource } from '@haoma/db';
import { HOLDING_ORDER_STATUSES, LIVE_ORDER_STATUSES, ORDER_STATUSES, type OrderStatus } from '@haoma/domain';
import type { JobPayloads, JobProducer } from '@haoma/jobs';
import {
  chooseSelection,
  currentAgreements,
  extendHold,
  holdNumber,
  OrderError,
  signOrder,
  transitionOrder,
  type HoldSettings,
} from '@haoma/orders';
import { createTestDatabase, type TestDatabase } from '@haoma/testing';
import { OverdueOrders } from '../src/maintenance/overdue-orders';
import { HoldExpiryHandler } from '../src/orders/hold-expiry.handler';

// A model run of the order workflow (fast-check): random sequences of customer actions
// (hold, races for one number, plan, sign, extend, cancel), time passing, hold timers firing,
// worker restarts that lose every pending timer (as a FLUSHALL would), and sweeps. After
// every step the database must satisfy the invariants: one holder per number, number and
// order agree, every order in a legal status with a timeline consistent with it, no hold
// expired early, no customer over MAX_HOLDS. Time is real but holds last a few hundred ms.

const SETTINGS: HoldSettings = { holdTtlMs: 250, extensionMs: 200, maxExtensions: 1, maxHolds: 2 };
const NUMBERS_PER_RUN = 3;
const CUSTOMERS_PER_RUN = 3;
// Codes an action may legitimately be refused with; anything else fails the run.
const EXPECTED_REFUSALS = new Set([
  'NUMBER_UNAVAILABLE',
  'HOLD_LIMIT_REACHED',
  'HOLD_EXTENSION_LIMIT',
  'ORDER_NOT_EDITABLE',
  'ORDER_TRANSITION_NOT_ALLOWED',
  'ORDER_HOLD_EXPIRED',
  'ORDER_PLAN_REQUIRED',
]);

type Step =
  | { kind: 'hold'; customer: number; number: number }
  | { kind: 'race'; number: number }
  | { kind: 'select'; order: number }
  | { kind: 'sign'; order: number }
  | { kind: 'extend'; order: number }
  | { kind: 'cancel'; order: number }
  | { kind: 'wait'; ms: number }
  | { kind: 'fire-timers' }
  | { kind: 'restart' }
  | { kind: 'sweep' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('hold' as const), customer: fc.nat(2), number: fc.nat(2) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('race' as const), number: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('select' as const), order: fc.nat(9) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sign' as const), order: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('extend' as const), order: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), order: fc.nat(9) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 300 }) }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'fire-timers' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'sweep' as const }) },
);

interface Timer {
  payload: JobPayloads['expire-hold'];
  runAt: number;
}

/** One run's world: its own numbers and customers, and the hold timers "in the queue". */
class World {
  readonly orders: { id: string; customerId: string }[] = [];
  timers: Timer[] = [];
  seenOutbox = '0';

  constructor(
    readonly ds: DataSource,
    readonly numbers: string[],
    readonly customers: string[],
  ) {}

  /** Hold timers the services wrote to the outbox since the last look, as the relay would publish them. */
  async collectTimers(): Promise<void> {
    const rows: { id: string; payload: JobPayloads['expire-hold']; run_at: Date }[] = await this.ds.query(
      `SELECT id, payload, run_at FROM outbox_messages
        WHERE job_name = 'expire-hold' AND id > $1 AND payload->>'orderId' = ANY($2) ORDER BY id`,
      [this.seenOutbox, this.orders.map((o) => o.id)],
    );
    for (const row of rows) this.timers.push({ payload: row.payload, runAt: row.run_at.getTime() });
    if (rows.length) this.seenOutbox = String(rows.at(-1)?.id);
  }
}

async function expectRefusal(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (error instanceof OrderError && EXPECTED_REFUSALS.has(error.code)) return;
    throw error;
  }
}

describe('order workflow model', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let sweeper: OverdueOrders;
  let world: World;
  let agreements: { kind: string; version: number }[];
  let run = 0;

  // The hold-timer handler re-schedules an early job through the queue; here that queue is
  // the world's timer list, so a re-scheduled timer can be lost by a restart like any other.
  const producer = {
    add: (_name: 'expire-hold', payload: JobPayloads['expire-hold'], options?: { delay?: number }) => {
      world.timers.push({ payload, runAt: Date.now() + (options?.delay ?? 0) });
      return Promise.resolve(undefined);
    },
  } as unknown as JobProducer;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url, poolSize: 6 }).initialize();
    await seedCatalog(ds);
    agreements = (await currentAgreements(ds.manager, { withBody: false })).map((a) => ({
      kind: a.kind,
      version: a.version,
    }));
    sweeper = new OverdueOrders(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  async function newWorld(): Promise<World> {
    run += 1;
    const numbers = Array.from(
      { length: NUMBERS_PER_RUN },
      (_, i) => `4008${String(run * 10 + i).padStart(6, '0')}`,
    );
    for (const number of numbers)
      await ds.query(
        `INSERT INTO numbers (number, block, carrier, grade, tags, explanation, selection_fee_fen, grading_version)
         VALUES ($1::text, '4008', 'telecom', 'standard', '{}', 'model', 0, 1)`,
        [number],
      );
    const customers: string[] = [];
    for (let i = 0; i < CUSTOMERS_PER_RUN; i++) {
      const id = randomUUID();
      await ds.query(
        `INSERT INTO customers (id, company_name, contact_name, email, mobile, password_hash)
         VALUES ($1, 'Model Co', 'Model', $2, '13800138000', 'x')`,
        [id, `model-${id}@example.com`],
      );
      customers.push(id);
    }
    return new World(ds, numbers, customers);
  }

  async function hold(customer: number, number: number): Promise<void> {
    const customerId = world.customers[customer % world.customers.length] ?? '';
    try {
      const result = await holdNumber(ds, {
        customerId,
        number: world.numbers[number % world.numbers.length] ?? '',
        settings: SETTINGS,
      });
      world.orders.push({ id: result.orderId, customerId });
    } catch (error) {
      if (error instanceof OrderError && EXPECTED_REFUSALS.has(error.code)) return;
      throw error;
    }
  }

  async function apply(step: Step): Promise<void> {
    const order = 'order' in step ? world.orders[step.order % Math.max(1, world.orders.length)] : undefined;
    switch (step.kind) {
      case 'hold':
        return hold(step.customer, step.number);
      case 'race':
        await Promise.all(world.customers.map((_, c) => hold(c, step.number)));
        return;
      case 'select':
        if (order)
          await expectRefusal(
            ds.transaction((m) =>
              chooseSelection(m, {
                orderId: order.id,
                customerId: order.customerId,
                planCode: 'business',
                featureCodes: [],
              }),
            ),
          );
        return;
      case 'sign':
        if (order)
          await expectRefusal(
            ds.transaction((m) =>
              signOrder(m, {
                orderId: order.id,
                customerId: order.customerId,
                signerName: '王经理',
                signerTitle: '总经理',
                agreements,
                ip: '127.0.0.1',
                userAgent: 'model',
              }),
            ),
          );
        return;
      case 'extend':
        if (order)
          await expectRefusal(
            ds.transaction((m) =>
              extendHold(m, { orderId: order.id, customerId: order.customerId, settings: SETTINGS }),
            ),
          );
        return;
      case 'cancel':
        if (order)
          await expectRefusal(
            ds.transaction((m) =>
              transitionOrder(m, {
                orderId: order.id,
                event: 'cancel',
                actor: { kind: 'customer', id: order.customerId },
              }),
            ),
          );
        return;
      case 'wait':
        await sleep(step.ms);
        return;
      case 'fire-timers': {
        await world.collectTimers();
        const due = world.timers.filter((t) => t.runAt <= Date.now());
        world.timers = world.timers.filter((t) => t.runAt > Date.now());
        const handler = new HoldExpiryHandler(ds, producer);
        for (const timer of due) await handler.expire(timer.payload);
        return;
      }
      case 'restart':
        // Redis lost (or the worker died before it scheduled them): every pending timer is gone.
        await world.collectTimers();
        world.timers = [];
        return;
      case 'sweep':
        await sweeper.handle('hold');
        return;
    }
  }

  it('keeps every invariant through random customer actions, timers, restarts and sweeps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 20 }), async (steps) => {
        world = await newWorld();
        for (const step of steps) {
          await apply(step);
          await checkInvariants(world);
        }
        // However the timers fared, the sweeper alone expires every hold that has run out.
        await sleep(SETTINGS.holdTtlMs + SETTINGS.extensionMs + 20);
        await sweeper.handle('hold');
        await checkInvariants(world);
        const stillHeld: unknown[] = await ds.query(
          `SELECT id FROM orders WHERE number = ANY($1) AND status IN ('selecting', 'awaiting_payment')`,
          [world.numbers],
        );
        expect(stillHeld).toEqual([]);
      }),
      { numRuns: 25, endOnFailure: true },
    );
  }, 240_000);
});

interface OrderState {
  id: string;
  customer_id: string;
  number: string;
  status: OrderStatus;
  hold_until: Date | null;
}

async function checkInvariants(world: World): Promise<void> {
  const { ds, numbers } = world;
  const orders: OrderState[] = await ds.query(
    `SELECT id, customer_id, number, status, hold_until FROM orders WHERE number = ANY($1)`,
    [numbers],
  );
  const rows: { number: string; status: string; holder_order_id: string | null; held_until: Date | null }[] =
    await ds.query(`SELECT number, status, holder_order_id, held_until FROM numbers WHERE number = ANY($1)`, [
      numbers,
    ]);

  for (const number of rows) {
    const live = orders.filter(
      (o) => o.number === number.number && (LIVE_ORDER_STATUSES as readonly string[]).includes(o.status),
    );
    // One holder per number, and number and order agree on who it is.
    expect(live.length).toBeLessThanOrEqual(1);
    const holder = live[0];
    if (!holder) {
      expect({ number: number.number, status: number.status, holder: number.holder_order_id }).toEqual({
        number: number.number,
        status: 'available',
        holder: null,
      });
      continue;
    }
    expect(number.holder_order_id).toBe(holder.id);
    if ((HOLDING_ORDER_STATUSES as readonly string[]).includes(holder.status)) {
      expect(number.status).toBe('held');
      expect(number.held_until?.getTime()).toBe(holder.hold_until?.getTime());
    } else {
      expect(number.status).toBe('locked');
    }
  }

  // MAX_HOLDS counts running holds: one that ran out but was not swept yet no longer counts.
  const checkedAt = Date.now();
  for (const customer of world.customers) {
    const running = orders.filter(
      (o) =>
        o.customer_id === customer &&
        (HOLDING_ORDER_STATUSES as readonly string[]).includes(o.status) &&
        (o.hold_until?.getTime() ?? 0) > checkedAt,
    );
    expect(running.length).toBeLessThanOrEqual(SETTINGS.maxHolds);
  }

  for (const order of orders) {
    expect(ORDER_STATUSES).toContain(order.status);
    const events: {
      type: string;
      event: string | null;
      from_status: string | null;
      to_status: string | null;
      created_at: Date;
    }[] = await ds.query(
      `SELECT type, event, from_status, to_status, created_at FROM order_events WHERE order_id = $1 ORDER BY id`,
      [order.id],
    );
    // The timeline starts with the creation and its transitions chain up to the status.
    expect(events[0]?.type).toBe('created');
    let status = 'selecting';
    for (const e of events.filter((x) => x.type === 'transition')) {
      expect(e.from_status).toBe(status);
      status = e.to_status ?? '';
      if (e.event === 'hold_expired')
        // Never expired before its deadline.
        expect(e.created_at.getTime()).toBeGreaterThanOrEqual(order.hold_until?.getTime() ?? Infinity);
    }
    expect(status).toBe(order.status);
  }
}
