import { funnelRows, FUNNEL_ORDER_STEPS } from './funnel';

const figures = {
  group: 'all',
  counts: { holds: 4, signed: 3, paid: 2, documents_submitted: 2, approved: 1, active: 0 },
  medianSeconds: { signed: 60.4, paid: 120, documents_submitted: null, approved: 30, active: null },
};

describe('funnelRows', () => {
  it('starts at the searches, each step converting from the one before', () => {
    expect(funnelRows(figures, 10)).toEqual([
      { group: 'all', step: 'searches', count: 10, conversionRate: null, medianSecondsFromPrevious: null },
      { group: 'all', step: 'holds', count: 4, conversionRate: 0.4, medianSecondsFromPrevious: null },
      { group: 'all', step: 'signed', count: 3, conversionRate: 0.75, medianSecondsFromPrevious: 60 },
      { group: 'all', step: 'paid', count: 2, conversionRate: 0.6667, medianSecondsFromPrevious: 120 },
      {
        group: 'all',
        step: 'documents_submitted',
        count: 2,
        conversionRate: 1,
        medianSecondsFromPrevious: null,
      },
      { group: 'all', step: 'approved', count: 1, conversionRate: 0.5, medianSecondsFromPrevious: 30 },
      { group: 'all', step: 'active', count: 0, conversionRate: 0, medianSecondsFromPrevious: null },
    ]);
  });

  it('has no searches (nor a rate for holds) for a carrier or grade group', () => {
    const rows = funnelRows({ ...figures, group: 'telecom' }, null);
    expect(rows.map((r) => r.step)).toEqual([...FUNNEL_ORDER_STEPS]);
    expect(rows[0]).toMatchObject({ group: 'telecom', step: 'holds', conversionRate: null });
  });

  it('has no rate after an empty step', () => {
    const rows = funnelRows(
      { ...figures, counts: { ...figures.counts, paid: 0, documents_submitted: 0 } },
      0,
    );
    expect(rows.find((r) => r.step === 'holds')?.conversionRate).toBeNull();
    expect(rows.find((r) => r.step === 'documents_submitted')?.conversionRate).toBeNull();
  });
});
