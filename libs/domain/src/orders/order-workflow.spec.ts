import fc from 'fast-check';
import {
  decideTransition,
  eventsFrom,
  HOLDING_ORDER_STATUSES,
  isOrderStatus,
  LIVE_ORDER_STATUSES,
  ORDER_EVENTS,
  ORDER_NEXT_STEP,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  sourcesOf,
  TERMINAL_ORDER_STATUSES,
  workflowProblems,
  type NumberEffect,
  type OrderActorKind,
  type OrderEvent,
  type OrderStatus,
  type OrderTransitionRule,
} from './order-workflow';

const ACTORS: readonly OrderActorKind[] = ['customer', 'staff', 'system'];

// DESIGN.md's table, written out independently of the implementation: [from, event, to].
const MOVES: readonly (readonly [OrderStatus, OrderEvent, OrderStatus])[] = [
  ['selecting', 'sign', 'awaiting_payment'],
  ['selecting', 'hold_expired', 'expired'],
  ['awaiting_payment', 'hold_expired', 'expired'],
  ['awaiting_payment', 'payment_confirmed', 'awaiting_documents'],
  ['expired', 'late_payment_confirmed', 'awaiting_documents'],
  ['expired', 'late_payment_refunded', 'cancelled'],
  ['awaiting_documents', 'documents_submitted', 'under_review'],
  ['awaiting_documents', 'documents_deadline_passed', 'cancelled'],
  ['under_review', 'review_rejected', 'awaiting_documents'],
  ['under_review', 'review_approved', 'provisioning'],
  ['provisioning', 'carrier_rejected', 'awaiting_documents'],
  ['provisioning', 'carrier_activated', 'active'],
  ['active', 'service_terminated', 'ended'],
  ['selecting', 'cancel', 'cancelled'],
  ['awaiting_payment', 'cancel', 'cancelled'],
  ['awaiting_documents', 'cancel', 'cancelled'],
  ['under_review', 'cancel', 'cancelled'],
  ['provisioning', 'cancel', 'cancelled'],
];

const WHO: Record<OrderEvent, readonly OrderActorKind[]> = {
  sign: ['customer'],
  hold_expired: ['system'],
  payment_confirmed: ['system', 'staff'],
  late_payment_confirmed: ['system', 'staff'],
  late_payment_refunded: ['system'],
  documents_submitted: ['customer'],
  documents_deadline_passed: ['system'],
  review_rejected: ['staff'],
  review_approved: ['staff'],
  carrier_rejected: ['system'],
  carrier_activated: ['system'],
  service_terminated: ['system', 'staff'],
  cancel: ['customer', 'staff'],
};

const EFFECT: Record<OrderEvent, NumberEffect> = {
  sign: 'none',
  hold_expired: 'release',
  payment_confirmed: 'lock',
  late_payment_confirmed: 'reclaim',
  late_payment_refunded: 'none',
  documents_submitted: 'none',
  documents_deadline_passed: 'release',
  review_rejected: 'none',
  review_approved: 'none',
  carrier_rejected: 'none',
  carrier_activated: 'assign',
  service_terminated: 'quarantine',
  cancel: 'release',
};

const everyCase = ORDER_STATUSES.flatMap((status) =>
  ORDER_EVENTS.flatMap((event) => ACTORS.map((actor) => [status, event, actor] as const)),
);

describe('decideTransition', () => {
  it.each(everyCase)('%s + %s by %s', (status, event, actor) => {
    const move = MOVES.find(([from, e]) => from === status && e === event);
    const decision = decideTransition(status, event, actor);
    if (!WHO[event].includes(actor)) {
      expect(decision).toEqual({ kind: 'refused', code: 'ORDER_ACTOR_NOT_ALLOWED' });
    } else if (move) {
      expect(decision).toEqual({ kind: 'move', to: move[2], number: EFFECT[event] });
    } else if (MOVES.some(([, e, to]) => e === event && to === status)) {
      expect(decision).toEqual({ kind: 'already_there' });
    } else {
      expect(decision).toEqual({ kind: 'refused', code: 'ORDER_TRANSITION_NOT_ALLOWED' });
    }
  });

  it('lists the events of each status as the table does', () => {
    for (const status of ORDER_STATUSES) {
      const expected = ORDER_EVENTS.filter((e) => MOVES.some(([from, ev]) => from === status && ev === e));
      expect(eventsFrom(status)).toEqual(expected);
      for (const event of expected) expect(sourcesOf(event)).toContain(status);
    }
  });
});

describe('status sets', () => {
  it('holds a number while selecting and awaiting payment, claims it in every live status', () => {
    expect([...HOLDING_ORDER_STATUSES]).toEqual(['selecting', 'awaiting_payment']);
    expect([...LIVE_ORDER_STATUSES].sort()).toEqual(
      ORDER_STATUSES.filter((s) => s !== 'expired' && s !== 'cancelled' && s !== 'ended').sort(),
    );
    for (const s of HOLDING_ORDER_STATUSES) expect(LIVE_ORDER_STATUSES).toContain(s);
  });

  it('runs a hold deadline exactly in the holding statuses, the document one only awaiting documents', () => {
    for (const status of ORDER_STATUSES) {
      const { deadline, step } = ORDER_NEXT_STEP[status];
      expect(deadline === 'hold').toBe((HOLDING_ORDER_STATUSES as readonly string[]).includes(status));
      expect(deadline === 'documents').toBe(status === 'awaiting_documents');
      // An active order has nothing left to do: its live service takes over.
      expect(step === 'none').toBe(
        status === 'active' || (TERMINAL_ORDER_STATUSES as readonly string[]).includes(status),
      );
    }
  });

  it.each([...ORDER_STATUSES])('recognises %s', (status) => expect(isOrderStatus(status)).toBe(true));
  it.each(['', 'SELECTING', 'paid', 'selecting '])('refuses %j', (value) =>
    expect(isOrderStatus(value)).toBe(false),
  );
});

// What the number is while an order is in each status.
const NUMBER_OF: Record<OrderStatus, 'held' | 'locked' | 'assigned' | 'free'> = {
  selecting: 'held',
  awaiting_payment: 'held',
  awaiting_documents: 'locked',
  under_review: 'locked',
  provisioning: 'locked',
  active: 'assigned',
  ended: 'free',
  expired: 'free',
  cancelled: 'free',
};
// The number each effect expects before it and leaves after it.
const EFFECT_MOVES: Record<Exclude<NumberEffect, 'none'>, readonly [readonly string[], string]> = {
  release: [['held', 'locked'], 'free'],
  lock: [['held'], 'locked'],
  reclaim: [['free'], 'locked'],
  assign: [['locked'], 'assigned'],
  quarantine: [['assigned'], 'free'],
};

describe('workflow model run', () => {
  it('keeps the number in step with the status through any sequence of events', () => {
    const step = fc.record({ event: fc.constantFrom(...ORDER_EVENTS), actor: fc.constantFrom(...ACTORS) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let status: OrderStatus = 'selecting';
        let number = NUMBER_OF.selecting as string;
        for (const { event, actor } of steps) {
          const decision = decideTransition(status, event, actor);
          if (decision.kind !== 'move') continue;
          expect(ORDER_TRANSITIONS[event].to).toBe(decision.to);
          if (decision.number !== 'none') {
            const [before, after] = EFFECT_MOVES[decision.number];
            expect(before).toContain(number);
            number = after;
          }
          status = decision.to;
          expect(number).toBe(NUMBER_OF[status]);
        }
      }),
    );
  });

  it('never leaves a terminal status except by a late payment (reclaimed or refunded)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TERMINAL_ORDER_STATUSES),
        fc.constantFrom(...ORDER_EVENTS),
        fc.constantFrom(...ACTORS),
        (status, event, actor) => {
          const decision = decideTransition(status, event, actor);
          if (decision.kind === 'move')
            expect([
              ['expired', 'late_payment_confirmed'],
              ['expired', 'late_payment_refunded'],
            ]).toContainEqual([status, event]);
        },
      ),
    );
  });
});

describe('workflowProblems', () => {
  it('finds nothing wrong with the shipped tables', () => {
    expect(workflowProblems()).toEqual([]);
  });

  // The checker reads the live table; each case breaks it for one call and puts it back.
  const table = ORDER_TRANSITIONS as Record<OrderEvent, OrderTransitionRule>;
  function withRules(patch: Partial<Record<OrderEvent, Partial<OrderTransitionRule>>>): string[] {
    const saved = { ...table };
    try {
      for (const [event, change] of Object.entries(patch) as [OrderEvent, Partial<OrderTransitionRule>][])
        table[event] = { ...table[event], ...change };
      return workflowProblems();
    } finally {
      Object.assign(table, saved);
    }
  }

  it.each([
    [
      'an unreachable status',
      { carrier_activated: { to: 'cancelled' as const } },
      ['status active is unreachable', 'status ended is unreachable'],
    ],
    [
      'a terminal status with an exit',
      { cancel: { from: [...ORDER_TRANSITIONS.cancel.from, 'ended' as const] } },
      ['terminal status ended has exits: cancel'],
    ],
    [
      // The late-payment exemption covers those two events only.
      'an expired order that can be cancelled',
      { cancel: { from: [...ORDER_TRANSITIONS.cancel.from, 'expired' as const] } },
      ['terminal status expired has exits: cancel'],
    ],
    [
      'a status that cannot be left',
      {
        carrier_rejected: { from: [] },
        carrier_activated: { from: [] },
        cancel: { from: ORDER_TRANSITIONS.cancel.from.filter((s) => s !== 'provisioning') },
      },
      ['status active is unreachable', 'status ended is unreachable', 'status provisioning has no exit'],
    ],
  ])('catches %s', (_name, patch, problems) => {
    expect(withRules(patch).sort()).toEqual([...problems].sort());
    expect(workflowProblems()).toEqual([]);
  });
});
