import type { EntityManager } from 'typeorm';
import { priceOrder, type PriceLine, type PricingFeature, type PricingPlan } from '@haoma/domain';
import { actorLabel } from './order-actor';
import { OrderError } from './order-errors';
import { holdAlive, lockOwnOrder } from './own-order';

export interface SelectionCommand {
  orderId: string;
  customerId: string;
  planCode: string;
  featureCodes: readonly string[];
  now?: Date;
}

export interface SelectionResult {
  lines: PriceLine[];
  totalFen: number;
}

interface PlanRow {
  id: string;
  code: string;
  version: number;
  name: string;
  name_zh: string;
  annual_fee_fen: number;
  term_months: number;
  allowed_grades: string[];
}

interface FeatureRow {
  id: string;
  code: string;
  version: number;
  name: string;
  name_zh: string;
  annual_fee_fen: number;
  excludes: string[];
}

const toPlan = (row: PlanRow): PricingPlan => ({
  id: row.id,
  code: row.code,
  version: row.version,
  name: row.name,
  nameZh: row.name_zh,
  annualFeeFen: row.annual_fee_fen,
  termMonths: row.term_months,
  allowedGrades: row.allowed_grades,
});

const toFeature = (row: FeatureRow): PricingFeature => ({
  id: row.id,
  code: row.code,
  version: row.version,
  name: row.name,
  nameZh: row.name_zh,
  annualFeeFen: row.annual_fee_fen,
  excludes: row.excludes,
});

/**
 * Chooses the plan and features of one of the customer's orders while it is selecting and
 * its hold runs: prices them from the current catalog versions (the client sends codes,
 * never prices), stores the quote with the versions it came from, and adds a `priced`
 * timeline row. Choosing again replaces the previous choice.
 */
export async function chooseSelection(
  manager: EntityManager,
  command: SelectionCommand,
): Promise<SelectionResult> {
  const now = command.now ?? new Date();
  const order = await lockOwnOrder(manager, command.orderId, command.customerId);
  if (order.status !== 'selecting')
    throw new OrderError(
      'ORDER_NOT_EDITABLE',
      `The plan of an order that is ${order.status} cannot change.`,
      {
        status: order.status,
      },
    );
  if (!holdAlive(order, now))
    throw new OrderError('ORDER_HOLD_EXPIRED', 'The hold on this number has run out.');

  const plans = (
    (await manager.query(
      `SELECT id, code, version, name, name_zh, annual_fee_fen, term_months, allowed_grades
       FROM plans WHERE retired_at IS NULL`,
    )) as PlanRow[]
  ).map(toPlan);
  const plan = plans.find((p) => p.code === command.planCode);
  if (!plan)
    throw new OrderError('PLAN_NOT_FOUND', `There is no plan "${command.planCode}" on sale.`, {
      planCode: command.planCode,
    });
  const features = (
    (await manager.query(
      `SELECT id, code, version, name, name_zh, annual_fee_fen, excludes
       FROM features WHERE retired_at IS NULL AND code = ANY ($1)`,
      [[...new Set(command.featureCodes)]],
    )) as FeatureRow[]
  ).map(toFeature);
  const byCode = new Map(features.map((f) => [f.code, f]));
  const missing = [...new Set(command.featureCodes)].filter((code) => !byCode.has(code));
  if (missing.length)
    throw new OrderError('FEATURE_NOT_FOUND', `No feature ${missing.join(', ')} is on sale.`, {
      featureCodes: missing,
    });
  const chosen = command.featureCodes.flatMap((code) => byCode.get(code) ?? []);

  const quote = priceOrder({
    grade: order.grade,
    selectionFeeFen: order.selection_fee_fen,
    plan,
    features: chosen,
    availablePlans: plans,
  });
  if (!quote.ok) {
    const refusal = quote.refusal;
    switch (refusal.code) {
      case 'PLAN_NOT_ALLOWED_FOR_GRADE':
        throw new OrderError(
          'PLAN_NOT_ALLOWED_FOR_GRADE',
          `A ${refusal.grade} number needs a dearer plan than ${refusal.planCode}` +
            (refusal.cheapestAllowed ? `; the cheapest that fits is ${refusal.cheapestAllowed.code}.` : '.'),
          {
            grade: refusal.grade,
            planCode: refusal.planCode,
            cheapestPlanCode: refusal.cheapestAllowed?.code ?? null,
          },
        );
      case 'FEATURES_CONFLICT':
        throw new OrderError(
          'FEATURES_CONFLICT',
          `${refusal.features[0]} and ${refusal.features[1]} cannot be ordered together.`,
          { featureCodes: [...refusal.features] },
        );
      case 'FEATURE_DUPLICATE':
        throw new OrderError('FEATURES_CONFLICT', `${refusal.feature} is listed more than once.`, {
          featureCodes: [refusal.feature],
        });
    }
  }

  await manager.query(
    `UPDATE orders SET plan_id = $2, feature_ids = $3, price_lines = $4, total_fen = $5, priced_at = $6,
                       updated_at = $6
      WHERE id = $1`,
    [order.id, plan.id, chosen.map((f) => f.id), JSON.stringify(quote.lines), quote.totalFen, now],
  );
  await manager.query(
    `INSERT INTO order_events (order_id, type, actor, reason, data, created_at)
     VALUES ($1, 'priced', $2, $3, $4, $5)`,
    [
      order.id,
      actorLabel({ kind: 'customer', id: command.customerId }),
      `plan ${plan.code} v${plan.version}` +
        (chosen.length ? ` with ${chosen.map((f) => f.code).join(', ')}` : ' without features'),
      JSON.stringify({
        plan: { id: plan.id, code: plan.code, version: plan.version },
        features: chosen.map((f) => ({ id: f.id, code: f.code, version: f.version })),
        totalFen: quote.totalFen,
      }),
      now,
    ],
  );
  return { lines: quote.lines, totalFen: quote.totalFen };
}
