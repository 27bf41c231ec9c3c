import fc from 'fast-check';
import { GRADE_CODES } from '../numbers/grading';
import {
  cheapestPlanFor,
  conflictingFeatures,
  priceOrder,
  type PricingFeature,
  type PricingPlan,
} from './pricing';

const plan = (code: string, annualFeeFen: number, allowedGrades: string[], termMonths = 12): PricingPlan => ({
  id: `plan-${code}`,
  code,
  version: 2,
  name: code.charAt(0).toUpperCase() + code.slice(1),
  nameZh: `${code}套餐`,
  annualFeeFen,
  termMonths,
  allowedGrades,
});

const feature = (code: string, annualFeeFen: number, excludes: string[] = []): PricingFeature => ({
  id: `feature-${code}`,
  code,
  version: 1,
  name: code,
  nameZh: `${code}功能`,
  annualFeeFen,
  excludes,
});

const BASIC = plan('basic', 120_000, ['standard']);
const STANDARD = plan('standard', 240_000, ['standard', 'silver']);
const BUSINESS = plan('business', 600_000, ['standard', 'silver', 'gold'], 36);
const PLANS = [BUSINESS, BASIC, STANDARD];
const IVR = feature('ivr', 60_000, ['ringback']);
const RINGBACK = feature('ringback', 30_000, ['ivr']);
const RECORDING = feature('recording', 50_000);
const FREE = feature('call_analytics', 0);
const FEATURES = [IVR, RINGBACK, RECORDING, FREE];

function byCode<T extends { code: string }>(items: readonly T[], code: string): T {
  const found = items.find((x) => x.code === code);
  if (!found) throw new Error(`no ${code} in the test catalog`);
  return found;
}

describe('priceOrder', () => {
  it('quotes the selection fee, the first year of the plan and each feature, in fen', () => {
    const result = priceOrder({
      grade: 'gold',
      selectionFeeFen: 880_000,
      plan: BUSINESS,
      features: [RECORDING, FREE],
      availablePlans: PLANS,
    });
    expect(result).toEqual({
      ok: true,
      lines: [
        {
          kind: 'selection_fee',
          code: 'selection_fee',
          version: null,
          name: 'Number selection fee',
          nameZh: '选号费',
          amountFen: 880_000,
        },
        // 36-month term, but a plan is prepaid a year at a time: one annual fee now.
        {
          kind: 'plan',
          code: 'business',
          version: 2,
          name: 'Business',
          nameZh: 'business套餐',
          amountFen: 600_000,
        },
        {
          kind: 'feature',
          code: 'call_analytics',
          version: 1,
          name: 'call_analytics',
          nameZh: 'call_analytics功能',
          amountFen: 0,
        },
        {
          kind: 'feature',
          code: 'recording',
          version: 1,
          name: 'recording',
          nameZh: 'recording功能',
          amountFen: 50_000,
        },
      ],
      totalFen: 1_530_000,
    });
  });

  it.each([
    ['standard', 'basic', [], 120_000],
    ['standard', 'standard', ['ivr'], 300_000],
    ['silver', 'standard', ['ringback', 'recording'], 320_000],
    ['gold', 'business', ['ivr', 'recording', 'call_analytics'], 710_000],
  ] as const)('%s number on the %s plan with %j', (grade, code, codes, withoutFee) => {
    const p = byCode(PLANS, code);
    const result = priceOrder({
      grade,
      selectionFeeFen: 100,
      plan: p,
      features: codes.map((c) => byCode(FEATURES, c)),
    });
    expect(result.ok && result.totalFen).toBe(withoutFee + 100);
  });

  it.each([
    ['silver', 'basic', 'standard'],
    ['gold', 'standard', 'business'],
    ['diamond', 'business', null],
  ] as const)('refuses a %s number on %s, naming the cheapest allowed plan (%s)', (grade, code, cheapest) => {
    const p = byCode(PLANS, code);
    const result = priceOrder({ grade, selectionFeeFen: 0, plan: p, features: [], availablePlans: PLANS });
    expect(result).toEqual({
      ok: false,
      refusal: {
        code: 'PLAN_NOT_ALLOWED_FOR_GRADE',
        grade,
        planCode: p.code,
        cheapestAllowed: cheapest === null ? null : PLANS.find((x) => x.code === cheapest),
      },
    });
  });

  it('names no plan when the available plans are not given', () => {
    const result = priceOrder({ grade: 'gold', selectionFeeFen: 0, plan: BASIC, features: [] });
    expect(!result.ok && result.refusal).toMatchObject({ cheapestAllowed: null });
  });

  it.each([
    [
      [IVR, RINGBACK],
      ['ivr', 'ringback'],
    ],
    [
      [RINGBACK, IVR],
      ['ivr', 'ringback'],
    ],
    // Only one side declares the exclusion.
    [
      [feature('ivr', 1, []), RINGBACK],
      ['ivr', 'ringback'],
    ],
    [
      [IVR, feature('ringback', 1, [])],
      ['ivr', 'ringback'],
    ],
    [
      [RECORDING, RINGBACK, FREE, IVR],
      ['ivr', 'ringback'],
    ],
  ])('refuses features that exclude each other (%#)', (features, pair) => {
    const result = priceOrder({ grade: 'standard', selectionFeeFen: 0, plan: BASIC, features });
    expect(result).toEqual({ ok: false, refusal: { code: 'FEATURES_CONFLICT', features: pair } });
  });

  it('refuses a feature listed twice', () => {
    const result = priceOrder({
      grade: 'standard',
      selectionFeeFen: 0,
      plan: BASIC,
      features: [RECORDING, RECORDING],
    });
    expect(result).toEqual({ ok: false, refusal: { code: 'FEATURE_DUPLICATE', feature: 'recording' } });
  });

  it('checks the plan before the features', () => {
    const result = priceOrder({ grade: 'gold', selectionFeeFen: 0, plan: BASIC, features: [IVR, RINGBACK] });
    expect(!result.ok && result.refusal.code).toBe('PLAN_NOT_ALLOWED_FOR_GRADE');
  });

  it.each([
    [{ selectionFeeFen: -1 }],
    [{ selectionFeeFen: 1.5 }],
    [{ plan: plan('basic', -100, ['standard']) }],
    [{ features: [feature('x', Number.NaN)] }],
  ])('throws on an amount the catalog cannot hold (%#)', (override) => {
    expect(() =>
      priceOrder({ grade: 'standard', selectionFeeFen: 0, plan: BASIC, features: [], ...override }),
    ).toThrow(RangeError);
  });
});

describe('cheapestPlanFor', () => {
  it('breaks equal prices by code', () => {
    expect(
      cheapestPlanFor('standard', [plan('zeta', 5, ['standard']), plan('alpha', 5, ['standard'])])?.code,
    ).toBe('alpha');
  });
});

// Properties over random catalogs: features with random fees and random exclusions.
const codeArb = fc.constantFrom('ivr', 'ringback', 'recording', 'survey', 'voicemail', 'blacklist', 'crm');
const featuresArb = fc
  .uniqueArray(codeArb, { maxLength: 7 })
  .chain((codes) =>
    fc.tuple(
      ...codes.map((code) =>
        fc.record({
          id: fc.constant(`f-${code}`),
          code: fc.constant(code),
          version: fc.integer({ min: 1, max: 9 }),
          name: fc.constant(code),
          nameZh: fc.constant(code),
          annualFeeFen: fc.integer({ min: 0, max: 10_000_000 }),
          excludes: fc.subarray(codes.filter((c) => c !== code)),
        }),
      ),
    ),
  )
  .map((features): PricingFeature[] => features);
const planArb = fc.record({
  id: fc.constant('p'),
  code: fc.constantFrom('basic', 'standard', 'business'),
  version: fc.integer({ min: 1, max: 9 }),
  name: fc.constant('Plan'),
  nameZh: fc.constant('套餐'),
  annualFeeFen: fc.integer({ min: 0, max: 100_000_000 }),
  termMonths: fc.constantFrom(12, 24, 36),
  allowedGrades: fc.subarray([...GRADE_CODES], { minLength: 1 }),
});
const inputArb = fc.record({
  grade: fc.constantFrom(...GRADE_CODES),
  selectionFeeFen: fc.integer({ min: 0, max: 100_000_000 }),
  plan: planArb,
  features: featuresArb,
});

describe('priceOrder properties', () => {
  it('totals the sum of its lines, never negative, one line per feature plus two', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = priceOrder(input);
        if (!result.ok) return;
        expect(result.totalFen).toBe(result.lines.reduce((s, l) => s + l.amountFen, 0));
        expect(result.totalFen).toBeGreaterThanOrEqual(0);
        expect(result.lines.every((l) => Number.isSafeInteger(l.amountFen) && l.amountFen >= 0)).toBe(true);
        expect(result.lines).toHaveLength(input.features.length + 2);
        expect(result.lines[1]).toMatchObject({ kind: 'plan', amountFen: input.plan.annualFeeFen });
      }),
    );
  });

  it('does not depend on the order the features are listed in', () => {
    fc.assert(
      fc.property(inputArb, fc.func(fc.integer()), (input, key) => {
        const shuffled = [...input.features].sort((a, b) => key(a.code) - key(b.code));
        expect(priceOrder({ ...input, features: shuffled })).toEqual(priceOrder(input));
      }),
    );
  });

  it('refuses exactly when the plan disallows the grade or two features exclude each other', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = priceOrder(input);
        const allowed = input.plan.allowedGrades.includes(input.grade);
        const clash = input.features.some((a) =>
          input.features.some((b) => a !== b && (a.excludes.includes(b.code) || b.excludes.includes(a.code))),
        );
        expect(result.ok).toBe(allowed && !clash);
        if (!result.ok && allowed) expect(result.refusal.code).toBe('FEATURES_CONFLICT');
      }),
    );
  });

  it('finds conflicts symmetrically: whichever side declares the exclusion, the same pair', () => {
    fc.assert(
      fc.property(featuresArb, (features) => {
        // Move every exclusion to the other side of its pair.
        const flipped = features.map((f) => ({
          ...f,
          excludes: features.filter((g) => g.excludes.includes(f.code)).map((g) => g.code),
        }));
        expect(conflictingFeatures(flipped)).toEqual(conflictingFeatures(features));
        expect(conflictingFeatures([...features].reverse())).toEqual(conflictingFeatures(features));
      }),
    );
  });
});
