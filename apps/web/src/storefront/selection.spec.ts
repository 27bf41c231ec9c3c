import fc from 'fast-check';
import { conflictsWith, estimate, plansForGrade, toggleFeature, type Feature, type Plan } from './selection';

const money = (fen: number) => ({ fen, display: `¥${fen / 100}` });
const feature = (code: string, fen: number, excludes: string[] = []): Feature => ({
  code,
  name: code,
  nameZh: code,
  description: '',
  excludes,
  id: code,
  version: 1,
  annualFee: money(fen),
});
const plan = (code: string, fen: number, allowedGrades: Plan['allowedGrades']): Plan => ({
  code,
  name: code,
  nameZh: code,
  id: code,
  version: 1,
  allowedGrades,
  annualFee: money(fen),
  includedMinutes: 0,
  monthlyMinimum: money(0),
  perMinuteRate: money(0),
  termMonths: 12,
});

// ringback declares the exclusion; ivr does not, and still may not go with it.
const IVR = feature('ivr', 60_000);
const RINGBACK = feature('ringback', 30_000, ['ivr']);
const RECORDING = feature('recording', 12_000);
const FEATURES = [IVR, RINGBACK, RECORDING];

describe('estimate', () => {
  it('lists the fee, the plan and each feature, and adds them up', () => {
    const { lines, totalFen } = estimate(120_000, plan('business', 360_000, ['gold']), [IVR, RECORDING]);
    expect(lines.map((l) => [l.kind, l.code, l.fen])).toEqual([
      ['selection_fee', 'selection_fee', 120_000],
      ['plan', 'business', 360_000],
      ['feature', 'ivr', 60_000],
      ['feature', 'recording', 12_000],
    ]);
    expect(totalFen).toBe(552_000);
    expect(estimate(500, undefined, []).totalFen).toBe(500);
  });
});

describe('features', () => {
  it('explains exclusions declared on either side', () => {
    expect(conflictsWith(IVR, ['ringback', 'recording'], FEATURES)).toEqual(['ringback']);
    expect(conflictsWith(RINGBACK, ['ivr'], FEATURES)).toEqual(['ivr']);
    expect(conflictsWith(RECORDING, ['ivr', 'ringback'], FEATURES)).toEqual([]);
  });

  it('never lets a toggle produce a conflicting choice', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('ivr', 'ringback', 'recording')), (clicks) => {
        let chosen: string[] = [];
        for (const c of clicks) chosen = toggleFeature(c, chosen, FEATURES);
        expect(new Set(chosen).size).toBe(chosen.length);
        expect(chosen.includes('ivr') && chosen.includes('ringback')).toBe(false);
      }),
    );
  });
});

describe('plansForGrade', () => {
  it('keeps the plans the grade may take', () => {
    const plans = [plan('standard', 1, ['standard', 'silver']), plan('vip', 2, ['gold', 'diamond'])];
    expect(plansForGrade(plans, 'gold').map((p) => p.code)).toEqual(['vip']);
    expect(plansForGrade(plans, 'silver').map((p) => p.code)).toEqual(['standard']);
  });
});
