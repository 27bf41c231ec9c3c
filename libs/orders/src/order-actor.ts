import type { OrderActorKind } from '@haoma/domain';

/** Who acts on an order: a customer or staff member by id, or a part of the system by name. */
export interface OrderActor {
  kind: OrderActorKind;
  /** Account id, or for `system` the part (`sweeper`, `hold-timer`, `stripe`). */
  id: string;
}

/** How an actor is written in timelines and number_events: `customer:<id>`, `system:sweeper`. */
export function actorLabel(actor: OrderActor): string {
  return `${actor.kind}:${actor.id}`;
}
