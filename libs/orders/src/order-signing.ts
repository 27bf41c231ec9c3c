import type { EntityManager } from 'typeorm';
import { AGREEMENT_KINDS } from '@haoma/db';
import { currentAgreements } from './agreements';
import { OrderError } from './order-errors';
import { transitionOrder, type TransitionResult } from './order-transitions';
import { lockOwnOrder } from './own-order';

/** An agreement version the customer says it read. */
export interface AgreementRef {
  kind: string;
  version: number;
}

export interface SignCommand {
  orderId: string;
  customerId: string;
  signerName: string;
  signerTitle: string;
  /** What the client showed the signer; must be the current version of every kind. */
  agreements: readonly AgreementRef[];
  ip: string | null;
  userAgent: string | null;
  now?: Date;
}

/**
 * Signs the service and 400 supplement agreements for one of the customer's orders and moves
 * it on to `awaiting_payment`, in the caller's transaction. The client names the versions it
 * showed; anything but the current version of every kind is AGREEMENT_OUTDATED (with the
 * current ones), so nobody signs a text they did not read. The signature rows copy kind,
 * version and sha256, so a later version never changes what was signed. Signing an order
 * that was already signed is a no-op (`changed: false`); the workflow's guards refuse an
 * order without a plan or whose hold ran out.
 */
export async function signOrder(manager: EntityManager, command: SignCommand): Promise<TransitionResult> {
  const now = command.now ?? new Date();
  const order = await lockOwnOrder(manager, command.orderId, command.customerId);
  const actor = { kind: 'customer' as const, id: command.customerId };
  // Past selecting, the workflow answers: already signed (a no-op) or not allowed.
  if (order.status !== 'selecting')
    return transitionOrder(manager, { orderId: order.id, event: 'sign', actor, now });

  const current = await currentAgreements(manager, { lock: true, withBody: false });
  const missingKinds = AGREEMENT_KINDS.filter((kind) => !current.some((a) => a.kind === kind));
  if (missingKinds.length) throw new Error(`no current agreement of kind ${missingKinds.join(', ')}`);
  const read = (kind: string) => command.agreements.filter((a) => a.kind === kind);
  const outdated =
    command.agreements.length !== current.length ||
    current.some((a) => {
      const stated = read(a.kind);
      return stated.length !== 1 || stated[0]?.version !== a.version;
    });
  if (outdated)
    throw new OrderError(
      'AGREEMENT_OUTDATED',
      'The agreements have changed; read and sign the current versions.',
      { current: current.map((a) => ({ kind: a.kind, version: a.version, sha256: a.sha256 })) },
    );

  const result = await transitionOrder(manager, {
    orderId: order.id,
    event: 'sign',
    actor,
    data: {
      signerName: command.signerName,
      signerTitle: command.signerTitle,
      agreements: current.map((a) => ({ kind: a.kind, version: a.version, sha256: a.sha256 })),
    },
    now,
  });
  if (!result.changed) return result;
  await manager.query(
    `INSERT INTO order_signatures (order_id, agreement_id, agreement_kind, agreement_version, agreement_sha256,
                                   signer_name, signer_title, signed_at, ip, user_agent)
     SELECT $1, a.id, a.kind, a.version, a.sha256, $3, $4, $5, $6, $7
       FROM agreements a WHERE a.id = ANY ($2)`,
    [
      order.id,
      current.map((a) => a.id),
      command.signerName,
      command.signerTitle,
      now,
      command.ip,
      command.userAgent,
    ],
  );
  return result;
}
