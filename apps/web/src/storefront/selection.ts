import type { Schemas } from '../api/client';

export type Plan = Schemas['PlanResponse'];
export type Feature = Schemas['FeatureResponse'];
export type Grade = Plan['allowedGrades'][number];

/** One line of a price breakdown, the way the API's PriceLineResponse has it. */
export interface EstimateLine {
  readonly kind: 'selection_fee' | 'plan' | 'feature';
  readonly code: string;
  readonly name: string;
  readonly nameZh: string;
  readonly fen: number;
}

/**
 * What the chosen plan and features would cost, in the API's order (selection fee, the plan's
 * first year, then each feature): shown before the number is held. Once held, the server's
 * price (PUT …/selection) replaces it; prices are never sent from the browser.
 */
export function estimate(
  selectionFeeFen: number,
  plan: Plan | undefined,
  features: readonly Feature[],
): { lines: EstimateLine[]; totalFen: number } {
  const lines: EstimateLine[] = [
    {
      kind: 'selection_fee',
      code: 'selection_fee',
      name: 'Selection fee',
      nameZh: '选号费',
      fen: selectionFeeFen,
    },
  ];
  if (plan)
    lines.push({
      kind: 'plan',
      code: plan.code,
      name: plan.name,
      nameZh: plan.nameZh,
      fen: plan.annualFee.fen,
    });
  for (const f of features)
    lines.push({ kind: 'feature', code: f.code, name: f.name, nameZh: f.nameZh, fen: f.annualFee.fen });
  return { lines, totalFen: lines.reduce((sum, l) => sum + l.fen, 0) };
}

/** The codes of the chosen features `feature` cannot go with (either side may declare it). */
export function conflictsWith(
  feature: Feature,
  chosen: readonly string[],
  all: readonly Feature[],
): string[] {
  return chosen.filter((code) => {
    if (code === feature.code) return false;
    const other = all.find((f) => f.code === code);
    return feature.excludes.includes(code) || (other?.excludes.includes(feature.code) ?? false);
  });
}

/** Toggles `code`, refusing (unchanged) when it conflicts with a chosen feature. */
export function toggleFeature(code: string, chosen: readonly string[], all: readonly Feature[]): string[] {
  if (chosen.includes(code)) return chosen.filter((c) => c !== code);
  const feature = all.find((f) => f.code === code);
  if (!feature || conflictsWith(feature, chosen, all).length) return [...chosen];
  return [...chosen, code];
}

/** Plans the grade may take, cheapest first (the API lists them so). */
export function plansForGrade(plans: readonly Plan[], grade: string): Plan[] {
  return plans.filter((p) => (p.allowedGrades as readonly string[]).includes(grade));
}
