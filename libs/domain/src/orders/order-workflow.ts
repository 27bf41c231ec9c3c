/**
 * The order workflow as data (DESIGN.md, "Order workflow"): statuses, the events that move
 * an order, who may cause each event, and what each does to the number. The one service
 * that changes an order's status reads these tables; nothing else decides a transition.
 */

export const ORDER_STATUSES = [
  'selecting',
  'awaiting_payment',
  'awaiting_documents',
  'under_review',
  'provisioning',
  'active',
  'ended',
  'expired',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Who causes an event: the customer, a staff member, or the worker / a provider callback. */
export type OrderActorKind = 'customer' | 'staff' | 'system';

/**
 * What a transition does to the order's number, in the same transaction:
 * `release` puts it back on sale, `lock` makes it the customer's (after payment),
 * `reclaim` locks it again for an expired order if it is still free, `assign` makes it live,
 * `quarantine` rests it (no holder) after its live service was terminated.
 */
export type NumberEffect = 'none' | 'release' | 'lock' | 'reclaim' | 'assign' | 'quarantine';

export interface OrderTransitionRule {
  readonly from: readonly OrderStatus[];
  readonly to: OrderStatus;
  readonly actors: readonly OrderActorKind[];
  readonly number: NumberEffect;
  /** What happened, in words a timeline can show. */
  readonly description: string;
}

export const ORDER_EVENTS = [
  'sign',
  'hold_expired',
  'payment_confirmed',
  'late_payment_confirmed',
  'late_payment_refunded',
  'documents_submitted',
  'documents_deadline_passed',
  'review_rejected',
  'review_approved',
  'carrier_rejected',
  'carrier_activated',
  'service_terminated',
  'cancel',
] as const;
export type OrderEvent = (typeof ORDER_EVENTS)[number];

const BEFORE_ACTIVE = [
  'selecting',
  'awaiting_payment',
  'awaiting_documents',
  'under_review',
  'provisioning',
] as const satisfies readonly OrderStatus[];

export const ORDER_TRANSITIONS = {
  sign: {
    from: ['selecting'],
    to: 'awaiting_payment',
    actors: ['customer'],
    number: 'none',
    description: 'the customer signed the service and 400 supplement agreements',
  },
  hold_expired: {
    from: ['selecting', 'awaiting_payment'],
    to: 'expired',
    actors: ['system'],
    number: 'release',
    description: 'the hold ran out before payment; the number is back on sale',
  },
  payment_confirmed: {
    from: ['awaiting_payment'],
    to: 'awaiting_documents',
    actors: ['system', 'staff'],
    number: 'lock',
    description: 'payment confirmed; the number is locked to the customer',
  },
  late_payment_confirmed: {
    from: ['expired'],
    to: 'awaiting_documents',
    actors: ['system', 'staff'],
    number: 'reclaim',
    description: 'payment arrived after the hold expired and the number was still free',
  },
  late_payment_refunded: {
    from: ['expired'],
    to: 'cancelled',
    actors: ['system'],
    // The number is someone else's by now (that is why the payment is refunded).
    number: 'none',
    description: 'payment arrived after the hold expired and the number was taken; refunded in full',
  },
  documents_submitted: {
    from: ['awaiting_documents'],
    to: 'under_review',
    actors: ['customer'],
    number: 'none',
    description: 'the customer submitted the real-name dossier',
  },
  documents_deadline_passed: {
    from: ['awaiting_documents'],
    to: 'cancelled',
    actors: ['system'],
    number: 'release',
    description: 'the document deadline passed; refund per policy, number back on sale',
  },
  review_rejected: {
    from: ['under_review'],
    to: 'awaiting_documents',
    actors: ['staff'],
    number: 'none',
    description: 'a reviewer rejected documents, with reasons per document',
  },
  review_approved: {
    from: ['under_review'],
    to: 'provisioning',
    actors: ['staff'],
    number: 'none',
    description: 'a reviewer approved; the order is submitted to the carrier',
  },
  carrier_rejected: {
    from: ['provisioning'],
    to: 'awaiting_documents',
    actors: ['system'],
    number: 'none',
    description: 'the carrier refused the submission, with reasons',
  },
  carrier_activated: {
    from: ['provisioning'],
    to: 'active',
    actors: ['system'],
    number: 'assign',
    description: 'the carrier activated the number; a live service exists',
  },
  service_terminated: {
    from: ['active'],
    to: 'ended',
    actors: ['system', 'staff'],
    number: 'quarantine',
    description: 'the live service was terminated (销户); the number rests in quarantine',
  },
  cancel: {
    from: BEFORE_ACTIVE,
    to: 'cancelled',
    actors: ['customer', 'staff'],
    number: 'release',
    description: 'cancelled by the customer or staff (refund if paid)',
  },
} as const satisfies Record<OrderEvent, OrderTransitionRule>;

/** The only events that leave a terminal status: a payment that arrives after the hold expired. */
export const LATE_PAYMENT_EVENTS: readonly OrderEvent[] = ['late_payment_confirmed', 'late_payment_refunded'];

/**
 * Statuses no event leaves (but for LATE_PAYMENT_EVENTS). `active` is not one: the live
 * service it became may be terminated, which ends the order and frees the number.
 */
export const TERMINAL_ORDER_STATUSES = [
  'ended',
  'expired',
  'cancelled',
] as const satisfies readonly OrderStatus[];

/**
 * Statuses in which the order has a claim on its number (held until payment, locked after).
 * The database allows one such order per number.
 */
export const LIVE_ORDER_STATUSES = [
  'selecting',
  'awaiting_payment',
  'awaiting_documents',
  'under_review',
  'provisioning',
  'active',
] as const satisfies readonly OrderStatus[];

/** Statuses in which the number is only held (it expires): these count against MAX_HOLDS. */
export const HOLDING_ORDER_STATUSES = [
  'selecting',
  'awaiting_payment',
] as const satisfies readonly OrderStatus[];

/** The deadline each status runs against and what the customer does next. */
export const ORDER_NEXT_STEP = {
  selecting: { step: 'choose_plan_and_sign', deadline: 'hold' },
  awaiting_payment: { step: 'pay', deadline: 'hold' },
  awaiting_documents: { step: 'submit_documents', deadline: 'documents' },
  under_review: { step: 'wait_for_review', deadline: null },
  provisioning: { step: 'wait_for_activation', deadline: null },
  active: { step: 'none', deadline: null },
  ended: { step: 'none', deadline: null },
  expired: { step: 'none', deadline: null },
  cancelled: { step: 'none', deadline: null },
} as const satisfies Record<OrderStatus, { step: string; deadline: 'hold' | 'documents' | null }>;

/** Statuses from which `event` may fire. */
export function sourcesOf(event: OrderEvent): readonly OrderStatus[] {
  return ORDER_TRANSITIONS[event].from;
}

/** The events that may fire from `status`, in table order. */
export function eventsFrom(status: OrderStatus): OrderEvent[] {
  return ORDER_EVENTS.filter((event) =>
    (ORDER_TRANSITIONS[event].from as readonly string[]).includes(status),
  );
}

export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}

export type TransitionDecision =
  | { kind: 'move'; to: OrderStatus; number: NumberEffect }
  /** The order is already where the event leads: a repeated event is a no-op, not an error. */
  | { kind: 'already_there' }
  | { kind: 'refused'; code: 'ORDER_TRANSITION_NOT_ALLOWED' | 'ORDER_ACTOR_NOT_ALLOWED' };

/**
 * Decides what `event` does to an order in `status` when caused by `actor`. "Already there"
 * (the status is the event's target and the event could not fire from it) is reported as
 * such so that duplicate deliveries — a webhook twice, two sweepers — are harmless.
 */
export function decideTransition(
  status: OrderStatus,
  event: OrderEvent,
  actor: OrderActorKind,
): TransitionDecision {
  const rule: OrderTransitionRule = ORDER_TRANSITIONS[event];
  if (!rule.actors.includes(actor)) return { kind: 'refused', code: 'ORDER_ACTOR_NOT_ALLOWED' };
  if (rule.from.includes(status)) return { kind: 'move', to: rule.to, number: rule.number };
  if (status === rule.to) return { kind: 'already_there' };
  return { kind: 'refused', code: 'ORDER_TRANSITION_NOT_ALLOWED' };
}

/**
 * Checks the tables once at start-up: every status reachable from `selecting`, every
 * non-terminal status has an exit, terminal ones have none (except the late payment of an
 * `expired` order — reclaimed, or refunded when the number is gone — which DESIGN.md
 * requires). Returns the problems found.
 */
export function workflowProblems(): string[] {
  const problems: string[] = [];
  const reached = new Set<OrderStatus>(['selecting']);
  for (let grew = true; grew;) {
    grew = false;
    for (const event of ORDER_EVENTS) {
      const rule: OrderTransitionRule = ORDER_TRANSITIONS[event];
      if (rule.from.some((s) => reached.has(s)) && !reached.has(rule.to)) {
        reached.add(rule.to);
        grew = true;
      }
    }
  }
  for (const status of ORDER_STATUSES) {
    if (!reached.has(status)) problems.push(`status ${status} is unreachable`);
    const exits = eventsFrom(status).filter((e) => !LATE_PAYMENT_EVENTS.includes(e));
    const terminal = (TERMINAL_ORDER_STATUSES as readonly string[]).includes(status);
    if (terminal && exits.length > 0)
      problems.push(`terminal status ${status} has exits: ${exits.join(', ')}`);
    if (!terminal && exits.length === 0) problems.push(`status ${status} has no exit`);
  }
  return problems;
}
