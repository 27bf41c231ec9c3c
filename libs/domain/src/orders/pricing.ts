/**
 * The price of an order: the number's one-off selection fee, the plan's first year and one
 * line per feature add-on, in integer fen. Pure: the catalog rows are passed in.
 */

/** A plan version as pricing needs it (the current catalog row the order is priced from). */
export interface PricingPlan {
  readonly id: string;
  readonly code: string;
  readonly version: number;
  readonly name: string;
  readonly nameZh: string;
  readonly annualFeeFen: number;
  /** The commitment in months; plans are prepaid a year at a time whatever the term. */
  readonly termMonths: number;
  /** Number grades the plan may be sold with. */
  readonly allowedGrades: readonly string[];
}

/** A feature add-on version as pricing needs it. */
export interface PricingFeature {
  readonly id: string;
  readonly code: string;
  readonly version: number;
  readonly name: string;
  readonly nameZh: string;
  readonly annualFeeFen: number;
  /** Codes of features it cannot be combined with (either side may declare it). */
  readonly excludes: readonly string[];
}

/** One line of a quote, with the catalog version it came from (null for the selection fee). */
export interface PriceLine {
  kind: 'selection_fee' | 'plan' | 'feature';
  code: string;
  version: number | null;
  name: string;
  nameZh: string;
  amountFen: number;
}

export interface PricingInput {
  /** The number's grade and one-off selection fee, as the order copied them at hold time. */
  readonly grade: string;
  readonly selectionFeeFen: number;
  readonly plan: PricingPlan;
  readonly features: readonly PricingFeature[];
  /**
   * The plans on sale now, to name the cheapest one allowed for the grade when `plan` is
   * not; may be omitted (the refusal then names none).
   */
  readonly availablePlans?: readonly PricingPlan[];
}

export const PRICING_ERROR_CODES = [
  'PLAN_NOT_ALLOWED_FOR_GRADE',
  'FEATURES_CONFLICT',
  'FEATURE_DUPLICATE',
] as const;
export type PricingErrorCode = (typeof PRICING_ERROR_CODES)[number];

export type PricingRefusal =
  | {
      readonly code: 'PLAN_NOT_ALLOWED_FOR_GRADE';
      readonly grade: string;
      readonly planCode: string;
      /** The cheapest plan on sale that the grade allows, if any (ties broken by code). */
      readonly cheapestAllowed: PricingPlan | null;
    }
  | { readonly code: 'FEATURES_CONFLICT'; readonly features: readonly [string, string] }
  | { readonly code: 'FEATURE_DUPLICATE'; readonly feature: string };

export type PricingResult =
  | { readonly ok: true; readonly lines: PriceLine[]; readonly totalFen: number }
  | { readonly ok: false; readonly refusal: PricingRefusal };

/** Selection fee line's code and names: it is not a catalog item, so it has no version. */
export const SELECTION_FEE_LINE = {
  code: 'selection_fee',
  name: 'Number selection fee',
  nameZh: '选号费',
} as const;

function assertFen(amount: number, what: string): void {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError(`${what} must be a non-negative integer amount of fen, got ${amount}`);
}

/** Whether `plan` may be sold with a number of `grade`. */
export function planAllowsGrade(plan: Pick<PricingPlan, 'allowedGrades'>, grade: string): boolean {
  return plan.allowedGrades.includes(grade);
}

/** The cheapest of `plans` that allows `grade` (ties broken by code), or null. */
export function cheapestPlanFor(grade: string, plans: readonly PricingPlan[]): PricingPlan | null {
  let best: PricingPlan | null = null;
  for (const plan of plans) {
    if (!planAllowsGrade(plan, grade)) continue;
    if (
      best === null ||
      plan.annualFeeFen < best.annualFeeFen ||
      (plan.annualFeeFen === best.annualFeeFen && plan.code < best.code)
    )
      best = plan;
  }
  return best;
}

/**
 * The first pair of `features` that exclude each other, whichever of the two declares the
 * exclusion, as [earlier code, later code] in code order; undefined when they combine.
 */
export function conflictingFeatures(
  features: readonly Pick<PricingFeature, 'code' | 'excludes'>[],
): readonly [string, string] | undefined {
  const sorted = [...features].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const [i, a] of sorted.entries()) {
    for (const b of sorted.slice(i + 1)) {
      if (a.excludes.includes(b.code) || b.excludes.includes(a.code)) return [a.code, b.code];
    }
  }
  return undefined;
}

/**
 * Prices an order. Plans are annual and prepaid: the plan line is the first year's annual
 * fee, and `termMonths` is only the commitment (later years are billed at renewal), so a
 * 36-month plan costs its annual fee now, not three times it. Feature add-ons are annual
 * too. Lines come as selection fee, plan, then features in code order, so the quote does not
 * depend on the order features were listed in; the total is the sum of the lines.
 *
 * Refuses a plan the number's grade does not allow (naming the cheapest allowed one), two
 * features that exclude each other, and a feature listed twice. Throws a RangeError for a
 * negative or fractional amount, which the catalog's CHECKs make impossible.
 */
export function priceOrder(input: PricingInput): PricingResult {
  assertFen(input.selectionFeeFen, 'selection fee');
  assertFen(input.plan.annualFeeFen, `annual fee of plan ${input.plan.code}`);
  for (const feature of input.features) assertFen(feature.annualFeeFen, `annual fee of ${feature.code}`);

  if (!planAllowsGrade(input.plan, input.grade)) {
    return {
      ok: false,
      refusal: {
        code: 'PLAN_NOT_ALLOWED_FOR_GRADE',
        grade: input.grade,
        planCode: input.plan.code,
        cheapestAllowed: cheapestPlanFor(input.grade, input.availablePlans ?? []),
      },
    };
  }
  const seen = new Set<string>();
  for (const feature of input.features) {
    if (seen.has(feature.code))
      return { ok: false, refusal: { code: 'FEATURE_DUPLICATE', feature: feature.code } };
    seen.add(feature.code);
  }
  const conflict = conflictingFeatures(input.features);
  if (conflict) return { ok: false, refusal: { code: 'FEATURES_CONFLICT', features: conflict } };

  const lines: PriceLine[] = [
    { kind: 'selection_fee', ...SELECTION_FEE_LINE, version: null, amountFen: input.selectionFeeFen },
    {
      kind: 'plan',
      code: input.plan.code,
      version: input.plan.version,
      name: input.plan.name,
      nameZh: input.plan.nameZh,
      amountFen: input.plan.annualFeeFen,
    },
    ...[...input.features]
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .map((feature): PriceLine => ({
        kind: 'feature',
        code: feature.code,
        version: feature.version,
        name: feature.name,
        nameZh: feature.nameZh,
        amountFen: feature.annualFeeFen,
      })),
  ];
  const totalFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
  if (!Number.isSafeInteger(totalFen)) throw new RangeError(`total ${totalFen} fen is out of range`);
  return { ok: true, lines, totalFen };
}
