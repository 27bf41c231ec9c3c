import type { EntityManager } from 'typeorm';
import { appendOutbox, transitionOrder } from '@haoma/orders';

/** Who the carrier's decisions are recorded as, on the order and on the service. */
export const CARRIER_ACTOR = { kind: 'system', id: 'carrier' } as const;
const CARRIER_ACTOR_LABEL = 'system:carrier';
// A plan-less order (not sold any more, but tolerated by the schema) gets the usual year.
const DEFAULT_TERM_MONTHS = 12;

export type CarrierDecisionOutcome =
  | { outcome: 'activated'; serviceId: string; serviceEventId: string }
  | { outcome: 'rejected' }
  /** The application was decided before (a repeated job): nothing done. */
  | { outcome: 'already_decided'; status: string }
  /** The order left provisioning meanwhile (cancelled): the application is abandoned instead. */
  | { outcome: 'abandoned'; orderStatus: string };

interface LockedApplication {
  id: string;
  order_id: string;
  submission_id: string;
  carrier: string;
  status: string;
  order_status: string;
  documents_due_at: Date | null;
}

/**
 * Locks the application, then its order (always in this order), and says whether the decision
 * may still be applied: the application open and the order still provisioning. An order that
 * moved on abandons the application here, in the caller's transaction.
 */
async function lockOpenApplication(
  manager: EntityManager,
  applicationId: string,
  now: Date,
): Promise<LockedApplication | Exclude<CarrierDecisionOutcome, { outcome: 'activated' | 'rejected' }>> {
  const [application]: Omit<LockedApplication, 'order_status' | 'documents_due_at'>[] = await manager.query(
    `SELECT id, order_id, submission_id, carrier, status FROM carrier_applications WHERE id = $1 FOR UPDATE`,
    [applicationId],
  );
  if (!application) throw new Error(`carrier application ${applicationId} not found`);
  if (application.status !== 'pending' && application.status !== 'submitted')
    return { outcome: 'already_decided', status: application.status };
  const [order]: { status: string; documents_due_at: Date | null }[] = await manager.query(
    `SELECT status, documents_due_at FROM orders WHERE id = $1 FOR UPDATE`,
    [application.order_id],
  );
  if (!order || order.status !== 'provisioning') {
    await abandonApplication(manager, applicationId, `the order is ${order?.status ?? 'gone'}`, now);
    return { outcome: 'abandoned', orderStatus: order?.status ?? 'missing' };
  }
  return { ...application, order_status: order.status, documents_due_at: order.documents_due_at };
}

/** Marks one open application abandoned (idempotent). Returns whether it changed. */
export async function abandonApplication(
  manager: EntityManager,
  applicationId: string,
  why: string,
  now: Date = new Date(),
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    // A CTE, so that the driver answers the rows (an UPDATE alone answers [rows, count]).
    `WITH changed AS (
       UPDATE carrier_applications SET status = 'abandoned', last_error = $2, decided_at = $3, updated_at = $3
        WHERE id = $1 AND status IN ('pending', 'submitted') RETURNING id)
     SELECT id FROM changed`,
    [applicationId, `abandoned: ${why}`, now],
  );
  return rows.length > 0;
}

/**
 * The carrier approved: in the caller's transaction the application is marked approved, the
 * order activated (which assigns the number), the live service created with its plan term,
 * and its first timeline row recorded and announced. A repeated approval finds the
 * application approved and does nothing; were two to race anyway, the unique indexes on
 * services (one per order, one live service per number) would refuse the second.
 */
export async function activateApplication(
  manager: EntityManager,
  input: { applicationId: string; carrierReference: string; lineReference: string; now?: Date },
): Promise<CarrierDecisionOutcome> {
  const now = input.now ?? new Date();
  const locked = await lockOpenApplication(manager, input.applicationId, now);
  if (!('order_id' in locked)) return locked;

  await manager.query(
    `UPDATE carrier_applications
        SET status = 'approved', carrier_reference = $2, decided_at = $3, last_error = NULL, updated_at = $3
      WHERE id = $1`,
    [locked.id, input.carrierReference, now],
  );
  await transitionOrder(manager, {
    orderId: locked.order_id,
    event: 'carrier_activated',
    actor: CARRIER_ACTOR,
    data: {
      applicationId: locked.id,
      carrierReference: input.carrierReference,
      lineReference: input.lineReference,
    },
    now,
  });
  const [service]: { id: string }[] = await manager.query(
    `INSERT INTO services (order_id, customer_id, number, dossier_id, dossier_version_id, plan_id, carrier,
                           carrier_reference, status, activated_at, term_ends_at, verified_at, created_at, updated_at)
     SELECT o.id, o.customer_id, o.number, v.dossier_id, v.id, o.plan_id, $3, $4, 'active', $5,
            $5::timestamptz + make_interval(months => COALESCE(p.term_months, $6)), $5, $5, $5
       FROM orders o
       JOIN verification_submissions s ON s.id = $2
       JOIN dossier_versions v ON v.id = s.dossier_version_id
       LEFT JOIN plans p ON p.id = o.plan_id
      WHERE o.id = $1
     RETURNING id`,
    [locked.order_id, locked.submission_id, locked.carrier, input.lineReference, now, DEFAULT_TERM_MONTHS],
  );
  if (!service) throw new Error(`order ${locked.order_id}: its submission's dossier version is missing`);
  const [event]: { id: string }[] = await manager.query(
    `INSERT INTO service_events (service_id, event, from_status, to_status, actor, reason, data, created_at)
     VALUES ($1, 'activated', NULL, 'active', $2, 'the carrier activated the line', $3, $4) RETURNING id`,
    [
      service.id,
      CARRIER_ACTOR_LABEL,
      JSON.stringify({
        applicationId: locked.id,
        carrierReference: input.carrierReference,
        lineReference: input.lineReference,
      }),
      now,
    ],
  );
  const serviceEventId = String(event?.id);
  await appendOutbox(manager, 'service-event-recorded', { serviceId: service.id, serviceEventId });
  return { outcome: 'activated', serviceId: service.id, serviceEventId };
}

/**
 * The carrier rejected: the application records the carrier's reasons, and the order goes
 * back to awaiting documents with those reasons as the timeline's reason (the customer's
 * email quotes it) and at least `resubmitWindowMs` to send corrected documents.
 */
export async function rejectApplication(
  manager: EntityManager,
  input: {
    applicationId: string;
    carrierReference: string;
    reasons: { code: string; text: string; target?: string }[];
    resubmitWindowMs: number;
    now?: Date;
  },
): Promise<CarrierDecisionOutcome> {
  const now = input.now ?? new Date();
  const locked = await lockOpenApplication(manager, input.applicationId, now);
  if (!('order_id' in locked)) return locked;

  await manager.query(
    `UPDATE carrier_applications
        SET status = 'rejected', carrier_reference = $2, rejection_reasons = $3, decided_at = $4,
            last_error = NULL, updated_at = $4
      WHERE id = $1`,
    [locked.id, input.carrierReference, JSON.stringify(input.reasons), now],
  );
  const window = new Date(now.getTime() + input.resubmitWindowMs);
  const current = locked.documents_due_at;
  await transitionOrder(manager, {
    orderId: locked.order_id,
    event: 'carrier_rejected',
    actor: CARRIER_ACTOR,
    reason: carrierRejectionText(input.reasons),
    data: { applicationId: locked.id, carrierReference: input.carrierReference, reasons: input.reasons },
    set: { documentsDueAt: current && current > window ? current : window },
    now,
  });
  return { outcome: 'rejected' };
}

/** The reason shown to the customer: every reason the carrier gave, with what to do. */
export function carrierRejectionText(reasons: { code: string; text: string }[]): string {
  if (reasons.length === 0) return 'The carrier refused the application without giving a reason.';
  return `The carrier refused the application: ${reasons.map((r) => `${r.text} (${r.code})`).join(' ')}`;
}
