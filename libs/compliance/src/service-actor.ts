import type { ServiceActorKind } from '@haoma/domain';

/** Who acts on a service: a customer or staff member by id, or a part of the system by name. */
export interface ServiceActor {
  kind: ServiceActorKind;
  /** Account id, or for `system` the part (`compliance-sweep`). */
  id: string;
}

/** How an actor is written in timelines: `customer:<id>`, `system:compliance-sweep`. */
export const serviceActorLabel = (actor: ServiceActor): string => `${actor.kind}:${actor.id}`;

/** The compliance timers. */
export const COMPLIANCE_SWEEP_ACTOR: ServiceActor = { kind: 'system', id: 'compliance-sweep' };
