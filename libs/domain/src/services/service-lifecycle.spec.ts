import fc from 'fast-check';
import {
  SERVICE_STATUSES,
  SUSPENSION_REASONS,
  type ServiceStatus,
  type SuspensionReason,
} from '../verification/verification-states';
import {
  decideServiceTransition,
  SERVICE_EVENTS,
  serviceEventsFrom,
  serviceLifecycleProblems,
  type ServiceActorKind,
  type ServiceEvent,
} from './service-lifecycle';

const ACTORS: readonly ServiceActorKind[] = ['customer', 'staff', 'system'];

// The lifecycle written out independently: [from, event, actor, reason, to].
const MOVES: readonly (readonly [
  ServiceStatus,
  ServiceEvent,
  ServiceActorKind,
  SuspensionReason | null,
  ServiceStatus,
])[] = [
  ['active', 'suspend', 'system', 'licence_expired', 'suspended'],
  ['active', 'suspend', 'system', 'id_expired', 'suspended'],
  ['active', 'suspend', 'system', 'reverification_overdue', 'suspended'],
  ['active', 'suspend', 'staff', 'regulator_flag', 'suspended'],
  ['suspended', 'resume', 'staff', null, 'active'],
  ['suspended', 'terminate', 'system', null, 'terminated'],
  ['suspended', 'terminate', 'staff', null, 'terminated'],
  ['active', 'terminate', 'staff', null, 'terminated'],
];
const reasonsWhenSuspended: readonly (SuspensionReason | null)[] = [...SUSPENSION_REASONS];

describe('service lifecycle table', () => {
  it('has no problems', () => {
    expect(serviceLifecycleProblems()).toEqual([]);
  });

  it('moves exactly as the issue describes, for every status, event, actor and reason', () => {
    for (const status of SERVICE_STATUSES)
      for (const event of SERVICE_EVENTS)
        for (const actor of ACTORS)
          for (const reason of [null, ...SUSPENSION_REASONS] as const)
            for (const current of status === 'suspended' ? reasonsWhenSuspended : [null]) {
              const decision = decideServiceTransition(
                { status, suspensionReason: current },
                event,
                actor,
                reason,
              );
              const move = MOVES.find(
                ([from, e, a, r]) =>
                  from === status && e === event && a === actor && (e !== 'suspend' || r === reason),
              );
              const customerResume =
                status === 'suspended' &&
                event === 'resume' &&
                actor === 'customer' &&
                current !== 'regulator_flag';
              if (move || customerResume)
                expect(decision).toMatchObject({ kind: 'move', to: move?.[4] ?? 'active' });
              else expect(decision.kind).not.toBe('move');
            }
  });

  it('treats a repeated event as already there', () => {
    expect(
      decideServiceTransition(
        { status: 'suspended', suspensionReason: 'id_expired' },
        'suspend',
        'system',
        'licence_expired',
      ),
    ).toEqual({ kind: 'already_there' });
    expect(decideServiceTransition({ status: 'active', suspensionReason: null }, 'resume', 'staff')).toEqual({
      kind: 'already_there',
    });
    expect(
      decideServiceTransition({ status: 'terminated', suspensionReason: null }, 'terminate', 'system'),
    ).toEqual({ kind: 'already_there' });
  });

  it('refuses who may not act, with codes', () => {
    expect(
      decideServiceTransition(
        { status: 'active', suspensionReason: null },
        'suspend',
        'customer',
        'licence_expired',
      ),
    ).toEqual({ kind: 'refused', code: 'SERVICE_ACTOR_NOT_ALLOWED' });
    expect(
      decideServiceTransition(
        { status: 'active', suspensionReason: null },
        'suspend',
        'staff',
        'licence_expired',
      ),
    ).toEqual({ kind: 'refused', code: 'SERVICE_ACTOR_NOT_ALLOWED' });
    expect(
      decideServiceTransition({ status: 'active', suspensionReason: null }, 'suspend', 'system'),
    ).toEqual({ kind: 'refused', code: 'SERVICE_ACTOR_NOT_ALLOWED' });
    expect(
      decideServiceTransition({ status: 'active', suspensionReason: null }, 'terminate', 'system'),
    ).toEqual({ kind: 'refused', code: 'SERVICE_TRANSITION_NOT_ALLOWED' });
    expect(
      decideServiceTransition(
        { status: 'suspended', suspensionReason: 'regulator_flag' },
        'resume',
        'customer',
      ),
    ).toEqual({ kind: 'refused', code: 'SERVICE_TRANSITION_NOT_ALLOWED' });
    expect(
      decideServiceTransition({ status: 'terminated', suspensionReason: null }, 'resume', 'staff'),
    ).toEqual({ kind: 'refused', code: 'SERVICE_TRANSITION_NOT_ALLOWED' });
  });

  it('never leaves terminated, and every move lands on the event target (property)', () => {
    expect(serviceEventsFrom('terminated')).toEqual([]);
    fc.assert(
      fc.property(
        fc.constantFrom(...SERVICE_STATUSES),
        fc.constantFrom(...SERVICE_EVENTS),
        fc.constantFrom(...ACTORS),
        fc.option(fc.constantFrom(...SUSPENSION_REASONS)),
        fc.option(fc.constantFrom(...SUSPENSION_REASONS)),
        (status, event, actor, reason, current) => {
          const decision = decideServiceTransition(
            { status, suspensionReason: current },
            event,
            actor,
            reason,
          );
          if (status === 'terminated') expect(decision.kind).not.toBe('move');
          if (decision.kind === 'move')
            expect(decision.to).toBe(
              { suspend: 'suspended', resume: 'active', terminate: 'terminated' }[event],
            );
          if (decision.kind === 'already_there')
            expect(status).toBe({ suspend: 'suspended', resume: 'active', terminate: 'terminated' }[event]);
        },
      ),
    );
  });
});
