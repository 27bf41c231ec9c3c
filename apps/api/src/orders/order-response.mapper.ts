import { formatNumber, ORDER_NEXT_STEP } from '@haoma/domain';
import type { OrderPriceLine } from '@haoma/db';
import type { OrderDetail, OrderTimelineEntry, OrderView } from '@haoma/orders';
import { toMoney } from '../catalog/money.response';
import type {
  NextStepResponse,
  OrderResponse,
  OrderSummaryResponse,
  PriceLineResponse,
  TimelineActorResponse,
  TimelineEntryResponse,
} from './order.response';

/** One quoted line (order or payment) as the API shows it. */
export function toPriceLineResponse(line: OrderPriceLine): PriceLineResponse {
  return {
    kind: line.kind,
    code: line.code,
    version: line.version,
    name: line.name,
    nameZh: line.nameZh,
    amount: toMoney(line.amountFen),
  };
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

function nextStepOf(order: OrderView): NextStepResponse {
  const { step, deadline } = ORDER_NEXT_STEP[order.status];
  const due = deadline === 'hold' ? order.holdUntil : deadline === 'documents' ? order.documentsDueAt : null;
  return { step, deadline: iso(due) };
}

// Stored as `kind:id` (see actorLabel); the id may itself contain colons.
function actorOf(label: string): TimelineActorResponse {
  const colon = label.indexOf(':');
  return colon < 0
    ? { kind: 'system', id: label }
    : { kind: label.slice(0, colon), id: label.slice(colon + 1) };
}

function toTimelineEntry(entry: OrderTimelineEntry): TimelineEntryResponse {
  return {
    type: entry.type,
    event: entry.event,
    from: entry.fromStatus,
    to: entry.toStatus,
    actor: actorOf(entry.actor),
    reason: entry.reason,
    at: entry.at.toISOString(),
  };
}

export function toOrderSummary(order: OrderView): OrderSummaryResponse {
  return {
    id: order.id,
    orderNo: order.orderNo,
    number: { digits: order.number, display: formatNumber(order.number) },
    status: order.status,
    nextStep: nextStepOf(order),
    grade: order.grade,
    total: order.totalFen === null ? null : toMoney(order.totalFen),
    holdUntil: iso(order.holdUntil),
    createdAt: order.createdAt.toISOString(),
  };
}

/** The full order; `maxExtensions` is HOLD_MAX_EXTENSIONS (extensions left only count while it holds). */
export function toOrderResponse(order: OrderDetail, maxExtensions: number): OrderResponse {
  const holding = ORDER_NEXT_STEP[order.status].deadline === 'hold';
  return {
    ...toOrderSummary(order),
    statusChangedAt: order.statusChangedAt.toISOString(),
    selectionFee: toMoney(order.selectionFeeFen),
    price:
      order.totalFen === null || order.pricedAt === null
        ? null
        : {
            lines: order.priceLines.map(toPriceLineResponse),
            total: toMoney(order.totalFen),
            pricedAt: order.pricedAt.toISOString(),
          },
    holdExtensionsLeft: holding ? Math.max(0, maxExtensions - order.holdExtensions) : 0,
    documentsDueAt: iso(order.documentsDueAt),
    closedReason: order.closedReason,
    signatures: order.signatures.map((s) => ({
      ...s,
      agreementSha256: s.agreementSha256.trim(),
      signedAt: s.signedAt.toISOString(),
    })),
    timeline: order.timeline.map(toTimelineEntry),
  };
}
