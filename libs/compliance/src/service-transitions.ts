import type { EntityManager } from 'typeorm';
import { recordAudit } from '@haoma/audit';
import {
  decideServiceTransition,
  quarantineUntil,
  recordsPurgeAt,
  SERVICE_TRANSITIONS,
  terminatesAt,
  type ComplianceWindows,
  type ServiceEvent,
  type ServiceNumberEffect,
  type ServiceStatus,
  type SuspensionReason,
} from '@haoma/domain';
import { transitionOrder } from '@haoma/orders';
import { ComplianceError } from './compliance-errors';
import { serviceActorLabel, type ServiceActor } from './service-actor';
import { recordServiceEvent } from './service-events';

export interface ServiceTransitionCommand {
  serviceId: string;
  event: ServiceEvent;
  actor: ServiceActor;
  /** Why a line is suspended (required for `suspend`). */
  suspensionReason?: SuspensionReason | null;
  /** The words of whoever acted (a staff member's reason), for the timeline. */
  reason?: string | null;
  data?: Record<string, unknown> | null;
  windows: ComplianceWindows;
  now?: Date;
}

export type ServiceTransitionResult =
  | { changed: true; from: ServiceStatus; to: ServiceStatus; serviceEventId: string }
  | { changed: false; status: ServiceStatus };

interface LockedService {
  id: string;
  order_id: string;
  number: string;
  status: ServiceStatus;
  suspension_reason: SuspensionReason | null;
}

// The audit action of each staff action on a line (staff suspend only for a regulator's flag).
const STAFF_AUDIT_ACTIONS: Record<ServiceEvent, string> = {
  suspend: 'service.flagged',
  resume: 'service.resumed',
  terminate: 'service.terminated',
};

// The number follows the line: assigned while active, suspended while suspended.
const NUMBER_MOVE: Record<Exclude<ServiceNumberEffect, 'quarantine'>, { from: string; to: string }> = {
  suspend: { from: 'assigned', to: 'suspended' },
  resume: { from: 'suspended', to: 'assigned' },
};

/**
 * The only code that changes a service's status. Inside the caller's transaction it locks the
 * service row (a customer only finds its own lines: another's is SERVICE_NOT_FOUND), asks the
 * lifecycle table (libs/domain) whether the event may fire, sets the timer columns (suspension:
 * `terminates_at`; termination: `quarantine_until`, `records_purge_at`), moves the number
 * (assigned ⇄ suspended, or — through the order's own `service_terminated` transition — to
 * quarantine), and writes the timeline row with its outbox row; a staff action also appends
 * its audit row (the timers and customers are on the line's timeline only). An event whose
 * target the line is already in is a no-op (`changed: false`) and audits nothing.
 */
export async function transitionService(
  manager: EntityManager,
  command: ServiceTransitionCommand,
): Promise<ServiceTransitionResult> {
  const now = command.now ?? new Date();
  const rows: LockedService[] = await manager.query(
    `SELECT id, order_id, number, status, suspension_reason FROM services
      WHERE id = $1 AND ($2::uuid IS NULL OR customer_id = $2::uuid) FOR UPDATE`,
    [command.serviceId, command.actor.kind === 'customer' ? command.actor.id : null],
  );
  const service = rows[0];
  if (!service) throw new ComplianceError('SERVICE_NOT_FOUND', 'No such service.');

  const suspensionReason = command.suspensionReason ?? null;
  const decision = decideServiceTransition(
    { status: service.status, suspensionReason: service.suspension_reason },
    command.event,
    command.actor.kind,
    suspensionReason,
  );
  if (decision.kind === 'already_there') return { changed: false, status: service.status };
  if (decision.kind === 'refused')
    throw new ComplianceError(
      decision.code,
      decision.code === 'SERVICE_ACTOR_NOT_ALLOWED'
        ? `A ${command.actor.kind} cannot cause "${command.event}"${suspensionReason ? ` for ${suspensionReason}` : ''}.`
        : `A service that is ${service.status}${service.suspension_reason ? ` (${service.suspension_reason})` : ''} cannot take "${command.event}".`,
      { status: service.status, event: command.event },
    );

  const actor = serviceActorLabel(command.actor);
  const rule = SERVICE_TRANSITIONS[command.event];
  const reason = command.reason ?? null;
  const data: Record<string, unknown> = { ...(command.data ?? {}) };

  if (decision.number === 'quarantine') {
    const terminated = await transitionOrder(manager, {
      orderId: service.order_id,
      event: 'service_terminated',
      actor: { kind: command.actor.kind === 'staff' ? 'staff' : 'system', id: command.actor.id },
      reason: reason ?? rule.description,
      now,
    });
    if (!terminated.changed && terminated.status !== 'ended')
      throw new ComplianceError(
        'SERVICE_TRANSITION_NOT_ALLOWED',
        `The order of this line is ${terminated.status}.`,
      );
    const until = quarantineUntil(now, command.windows);
    const purgeAt = recordsPurgeAt(now, command.windows);
    await manager.query(
      `UPDATE services
          SET status = 'terminated', terminated_at = $2, quarantine_until = $3, records_purge_at = $4,
              suspended_at = NULL, suspension_reason = NULL, terminates_at = NULL, updated_at = $2
        WHERE id = $1 AND status = $5`,
      [service.id, now, until, purgeAt, service.status],
    );
    Object.assign(data, { quarantineUntil: until.toISOString(), recordsPurgeAt: purgeAt.toISOString() });
  } else {
    await moveNumber(manager, service, decision.number, actor, reason ?? rule.description, now);
    if (decision.number === 'suspend') {
      const until = terminatesAt(now, command.windows);
      await manager.query(
        `UPDATE services SET status = 'suspended', suspended_at = $2, suspension_reason = $3, terminates_at = $4,
                updated_at = $2
          WHERE id = $1 AND status = 'active'`,
        [service.id, now, suspensionReason, until],
      );
      Object.assign(data, { suspensionReason, terminatesAt: until.toISOString() });
    } else {
      await manager.query(
        `UPDATE services SET status = 'active', suspended_at = NULL, suspension_reason = NULL, terminates_at = NULL,
                updated_at = $2
          WHERE id = $1 AND status = 'suspended'`,
        [service.id, now],
      );
      Object.assign(data, { liftedSuspension: service.suspension_reason });
    }
  }

  const serviceEventId = await recordServiceEvent(manager, {
    serviceId: service.id,
    event: rule.recordedAs,
    fromStatus: service.status,
    toStatus: decision.to,
    actor,
    reason,
    data,
    at: now,
  });
  if (command.actor.kind === 'staff')
    await recordAudit(manager, {
      action: STAFF_AUDIT_ACTIONS[command.event],
      targetType: 'service',
      targetId: service.id,
      before: { status: service.status, suspensionReason: service.suspension_reason },
      after: {
        status: decision.to,
        suspensionReason: decision.to === 'suspended' ? suspensionReason : null,
        reason,
        serviceEventId,
      },
    });
  return { changed: true, from: service.status, to: decision.to, serviceEventId };
}

/** Moves the line's number with it, guarded by who holds it (the line's order), with its history row. */
async function moveNumber(
  manager: EntityManager,
  service: LockedService,
  effect: Exclude<ServiceNumberEffect, 'quarantine'>,
  actor: string,
  reason: string,
  now: Date,
): Promise<void> {
  const { from, to } = NUMBER_MOVE[effect];
  const moved: unknown[] = await manager.query(
    `WITH changed AS (
       UPDATE numbers SET status = $4, status_changed_at = $5, updated_at = $5
        WHERE number = $1 AND holder_order_id = $2 AND status = $3
       RETURNING number)
     INSERT INTO number_events (number, from_status, to_status, order_id, actor, reason, created_at)
     SELECT number, $3, $4, $2, $6, $7, $5 FROM changed
     RETURNING id`,
    [service.number, service.order_id, from, to, now, actor, reason],
  );
  if (moved.length !== 1)
    throw new ComplianceError(
      'SERVICE_TRANSITION_NOT_ALLOWED',
      `Number ${service.number} is not ${from} for this line.`,
      { number: service.number },
    );
}
