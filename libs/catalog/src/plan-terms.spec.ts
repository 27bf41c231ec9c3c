import { DEFAULT_GRADING_RULES, type GradingRules } from '@haoma/domain';
import { PLAN_SEEDS } from './catalog.data';
import { allowedGrades, includedMinutes, monthlyMinimumFen } from './plan-terms';

const ORDER = PLAN_SEEDS.map((p) => p.code);

describe('plan terms', () => {
  it.each([
    [120_000, 36, 3_333],
    [240_000, 30, 8_000],
    [3_000_000, 15, 200_000],
  ])('fee %i fen at %i fen/min includes %i minutes', (fee, rate, minutes) => {
    expect(includedMinutes(fee, rate)).toBe(minutes);
  });

  it.each([
    [120_000, 10_000],
    [100_001, 8_334],
    [0, 0],
  ])('fee %i fen has a monthly minimum of %i fen', (fee, minimum) => {
    expect(monthlyMinimumFen(fee)).toBe(minimum);
  });

  it('the seeded plans are sorted cheapest first with distinct codes', () => {
    const fees = PLAN_SEEDS.map((p) => p.annualFeeFen);
    expect(fees).toEqual([...fees].sort((a, b) => a - b));
    expect(new Set(ORDER).size).toBe(ORDER.length);
  });
});

describe('allowedGrades with the default rules', () => {
  it.each([
    ['basic', ['standard']],
    ['standard', ['standard', 'silver']],
    ['business', ['standard', 'silver', 'gold']],
    ['premium', ['standard', 'silver', 'gold', 'platinum', 'diamond']],
    ['enterprise', ['standard', 'silver', 'gold', 'platinum', 'diamond']],
  ])('%s allows %j', (plan, grades) => {
    expect(allowedGrades(plan, ORDER, DEFAULT_GRADING_RULES)).toEqual(grades);
  });

  it('every grade is allowed on at least the dearest plan', () => {
    const dearest = ORDER[ORDER.length - 1] ?? '';
    expect(allowedGrades(dearest, ORDER, DEFAULT_GRADING_RULES)).toHaveLength(
      DEFAULT_GRADING_RULES.grades.length,
    );
  });

  it('refuses unknown plans on either side', () => {
    expect(() => allowedGrades('gold-plan', ORDER, DEFAULT_GRADING_RULES)).toThrow(
      /unknown plan "gold-plan"/,
    );
    const broken: GradingRules = {
      ...DEFAULT_GRADING_RULES,
      grades: DEFAULT_GRADING_RULES.grades.map((g) => (g.code === 'gold' ? { ...g, minPlanCode: 'vip' } : g)),
    };
    expect(() => allowedGrades('basic', ORDER, broken)).toThrow(/grade "gold" requires unknown plan "vip"/);
  });
});
