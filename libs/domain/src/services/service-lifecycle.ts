/**
 * The compliance lifecycle of a live service as data (DESIGN.md: `active → suspended →
 * terminated`): the events that move a service, who may cause each and from where, why a
 * service may be suspended and by whom. The one service that changes a service's status
 * (libs/compliance transitionService) reads these tables; nothing else decides a transition.
 */
import {
  SERVICE_STATUSES,
  SUSPENSION_REASONS,
  type ServiceStatus,
  type SuspensionReason,
} from '../verification/verification-states';

/** Who causes a service event: the customer (by re-verifying), staff, or the worker's timers. */
export type ServiceActorKind = 'customer' | 'staff' | 'system';

export const SERVICE_EVENTS = ['suspend', 'resume', 'terminate'] as const;
export type ServiceEvent = (typeof SERVICE_EVENTS)[number];

/** What a service event does to the service's number, in the same transaction. */
export type ServiceNumberEffect = 'suspend' | 'resume' | 'quarantine';

export interface ServiceTransitionRule {
  /** From which statuses each actor may cause the event (an actor not listed may not). */
  readonly from: Readonly<Partial<Record<ServiceActorKind, readonly ServiceStatus[]>>>;
  readonly to: ServiceStatus;
  readonly number: ServiceNumberEffect;
  /** The name of the service timeline row (`service_events.event`) the event writes. */
  readonly recordedAs: string;
  readonly description: string;
}

export const SERVICE_TRANSITIONS = {
  suspend: {
    from: { system: ['active'], staff: ['active'] },
    to: 'suspended',
    number: 'suspend',
    recordedAs: 'suspended',
    description: 'the line was suspended (停机)',
  },
  resume: {
    // The customer resumes by re-verifying; staff lift any suspension.
    from: { customer: ['suspended'], staff: ['suspended'] },
    to: 'active',
    number: 'resume',
    recordedAs: 'resumed',
    description: 'the line was resumed',
  },
  terminate: {
    // The timer terminates only what it suspended; staff may terminate any live line.
    from: { system: ['suspended'], staff: ['active', 'suspended'] },
    to: 'terminated',
    number: 'quarantine',
    recordedAs: 'terminated',
    description: 'the line was terminated (销户); the number rests in quarantine',
  },
} as const satisfies Record<ServiceEvent, ServiceTransitionRule>;

/**
 * Who may suspend for which reason: expiries and missed deadlines are the timers' findings,
 * a regulator's flag is entered by staff.
 */
export const SUSPENSION_REASON_ACTORS = {
  licence_expired: ['system'],
  id_expired: ['system'],
  regulator_flag: ['staff'],
  reverification_overdue: ['system'],
} as const satisfies Record<SuspensionReason, readonly ServiceActorKind[]>;

/**
 * Suspensions a customer lifts by re-verifying: an expired credential renewed, a missed
 * campaign completed. A regulator's flag is lifted by staff only.
 */
export const CUSTOMER_RESUMABLE_REASONS = [
  'licence_expired',
  'id_expired',
  'reverification_overdue',
] as const satisfies readonly SuspensionReason[];

/** The statuses no event leaves. */
export const TERMINAL_SERVICE_STATUSES = ['terminated'] as const satisfies readonly ServiceStatus[];

export const SERVICE_TRANSITION_CODES = [
  'SERVICE_TRANSITION_NOT_ALLOWED',
  'SERVICE_ACTOR_NOT_ALLOWED',
] as const;
export type ServiceTransitionCode = (typeof SERVICE_TRANSITION_CODES)[number];

export type ServiceTransitionDecision =
  | { kind: 'move'; to: ServiceStatus; number: ServiceNumberEffect }
  /** The service already is where the event leads: a repeat is a no-op, not an error. */
  | { kind: 'already_there' }
  | { kind: 'refused'; code: ServiceTransitionCode };

/** What the table needs to know about a service. */
export interface ServiceSnapshot {
  status: ServiceStatus;
  suspensionReason: SuspensionReason | null;
}

export function isServiceStatus(value: string): value is ServiceStatus {
  return (SERVICE_STATUSES as readonly string[]).includes(value);
}

export function isSuspensionReason(value: string): value is SuspensionReason {
  return (SUSPENSION_REASONS as readonly string[]).includes(value);
}

/**
 * Decides what `event` does to a service when caused by `actor`; `reason` is the suspension
 * reason (required for `suspend`, ignored otherwise). A duplicate — two sweepers, a retried
 * job — finds the service already there and is harmless.
 */
export function decideServiceTransition(
  service: ServiceSnapshot,
  event: ServiceEvent,
  actor: ServiceActorKind,
  reason: SuspensionReason | null = null,
): ServiceTransitionDecision {
  const rule: ServiceTransitionRule = SERVICE_TRANSITIONS[event];
  const from = rule.from[actor];
  if (!from) return { kind: 'refused', code: 'SERVICE_ACTOR_NOT_ALLOWED' };
  if (event === 'suspend') {
    if (reason === null || !(SUSPENSION_REASON_ACTORS[reason] as readonly string[]).includes(actor))
      return { kind: 'refused', code: 'SERVICE_ACTOR_NOT_ALLOWED' };
  }
  if (from.includes(service.status)) {
    if (
      event === 'resume' &&
      actor === 'customer' &&
      !(CUSTOMER_RESUMABLE_REASONS as readonly (string | null)[]).includes(service.suspensionReason)
    )
      return { kind: 'refused', code: 'SERVICE_TRANSITION_NOT_ALLOWED' };
    return { kind: 'move', to: rule.to, number: rule.number };
  }
  if (service.status === rule.to) return { kind: 'already_there' };
  return { kind: 'refused', code: 'SERVICE_TRANSITION_NOT_ALLOWED' };
}

/** The events that may fire from `status` (by some actor), in table order. */
export function serviceEventsFrom(status: ServiceStatus): ServiceEvent[] {
  return SERVICE_EVENTS.filter((event) =>
    Object.values(SERVICE_TRANSITIONS[event].from as ServiceTransitionRule['from']).some((from) =>
      from.includes(status),
    ),
  );
}

/**
 * Checks the tables at start-up: every status reachable from `active`, terminal statuses
 * without exits and the others with one, every suspension reason usable by someone.
 */
export function serviceLifecycleProblems(): string[] {
  const problems: string[] = [];
  const reached = new Set<ServiceStatus>(['active']);
  for (let grew = true; grew;) {
    grew = false;
    for (const event of SERVICE_EVENTS) {
      const rule: ServiceTransitionRule = SERVICE_TRANSITIONS[event];
      const sources = Object.values(rule.from).flat();
      if (sources.some((s) => reached.has(s)) && !reached.has(rule.to)) {
        reached.add(rule.to);
        grew = true;
      }
    }
  }
  for (const status of SERVICE_STATUSES) {
    if (!reached.has(status)) problems.push(`status ${status} is unreachable`);
    const terminal = (TERMINAL_SERVICE_STATUSES as readonly string[]).includes(status);
    const exits = serviceEventsFrom(status);
    if (terminal && exits.length > 0)
      problems.push(`terminal status ${status} has exits: ${exits.join(', ')}`);
    if (!terminal && exits.length === 0) problems.push(`status ${status} has no exit`);
  }
  for (const reason of SUSPENSION_REASONS)
    if ((SUSPENSION_REASON_ACTORS[reason] as readonly ServiceActorKind[]).length === 0)
      problems.push(`nobody may suspend for ${reason}`);
  return problems;
}
