import { registerCustomer, type RegisteredCustomer } from './accounts.fixtures';
import { startOrdersEnv, type OrdersEnv } from './orders.fixtures';

const CLIENTS = 200;
// One fresh number per round.
const ROUNDS = ['4008571049', '4000827143', '4006468013', '4001173940', '4007102938'];

describe('POST /api/v1/orders under contention', () => {
  let env: OrdersEnv;
  let customers: RegisteredCustomer[];

  beforeAll(async () => {
    // A customer may win several rounds: the hold limit is not what this suite is about.
    env = await startOrdersEnv(ROUNDS, { MAX_HOLDS: '10' });
    customers = [];
    for (let i = 0; i < CLIENTS; i += 20)
      customers.push(...(await Promise.all(Array.from({ length: 20 }, () => registerCustomer(env.url)))));
  }, 60_000);
  afterAll(async () => {
    await env.close();
  });

  it.each(ROUNDS)(
    `gives %s to exactly one of ${CLIENTS} concurrent customers; the others get 409`,
    async (number) => {
      const answers = await Promise.all(
        customers.map(async (who) => ({
          who,
          answer: await env.call<{ id?: string; code?: string; heldUntil?: string | null }>(
            'POST',
            '/api/v1/orders',
            {
              headers: who.headers,
              body: { number },
            },
          ),
        })),
      );
      const statuses = answers.map((a) => a.answer.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(CLIENTS - 1);
      const winner = answers.find((a) => a.answer.status === 201);
      const losers = answers.filter((a) => a.answer.status === 409).map((a) => a.answer.body);
      expect(new Set(losers.map((l) => l.code))).toEqual(new Set(['NUMBER_UNAVAILABLE']));

      // The database agrees: one order, held by the winner, and the number held for it.
      const orders: { id: string; customer_id: string; status: string }[] = await env.dataSource.query(
        `SELECT id, customer_id, status FROM orders WHERE number = $1`,
        [number],
      );
      expect(orders).toEqual([
        { id: winner?.answer.body.id, customer_id: winner?.who.id, status: 'selecting' },
      ]);
      const [row]: { status: string; holder_order_id: string; held_until: Date }[] =
        await env.dataSource.query(
          `SELECT status, holder_order_id, held_until FROM numbers WHERE number = $1`,
          [number],
        );
      expect(row).toMatchObject({ status: 'held', holder_order_id: winner?.answer.body.id });
      // Losers that looked after the winner committed are told when the hold ends.
      for (const loser of losers)
        if (loser.heldUntil !== null) expect(loser.heldUntil).toBe(row?.held_until.toISOString());
      const events: { n: number }[] = await env.dataSource.query(
        `SELECT count(*)::int AS n FROM number_events WHERE number = $1`,
        [number],
      );
      expect(events[0]?.n).toBe(1);
    },
  );
});
