import fc from 'fast-check';
import { CARRIER_CODES, GRADE_CODES, ORDER_STATUSES } from '@haoma/domain';
import {
  NO_FILTERS,
  filtersFromSearch,
  hasFilters,
  pipelineQuery,
  searchFromFilters,
  type PipelineFilters,
} from './pipeline-filters';

const STAFF_ID = '0b7c6f0e-6d0c-4a8e-9b5e-2f1d3c4b5a69';

describe('filtersFromSearch', () => {
  it.each<[string, PipelineFilters]>([
    ['', NO_FILTERS],
    ['status=awaiting_payment', { ...NO_FILTERS, status: ['awaiting_payment'] }],
    // Repeated parameters and commas both work; the order is the workflow's.
    [
      'status=under_review&status=selecting,awaiting_payment',
      { ...NO_FILTERS, status: ['selecting', 'awaiting_payment', 'under_review'] },
    ],
    ['status=nonsense,active', { ...NO_FILTERS, status: ['active'] }],
    ['assignee=me', { ...NO_FILTERS, assignee: 'me' }],
    ['assignee=none', { ...NO_FILTERS, assignee: 'none' }],
    [`assignee=${STAFF_ID}`, { ...NO_FILTERS, assignee: STAFF_ID }],
    ['assignee=robert', NO_FILTERS],
    ['carrier=unicom&grade=gold,diamond', { ...NO_FILTERS, carrier: ['unicom'], grade: ['gold', 'diamond'] }],
    ['overdue=true', { ...NO_FILTERS, overdue: true }],
    ['overdue=yes', NO_FILTERS],
    ['q=%20%208888%20', { ...NO_FILTERS, q: '8888' }],
    ['q=%20%20', NO_FILTERS],
  ])('%j', (search, filters) => expect(filtersFromSearch(search)).toEqual(filters));

  it('cuts a search to the 100 characters the API takes', () => {
    expect(filtersFromSearch(`q=${'8'.repeat(150)}`).q).toHaveLength(100);
  });
});

describe('searchFromFilters', () => {
  it('writes only what is set', () => {
    expect(searchFromFilters(NO_FILTERS).toString()).toBe('');
    expect(
      searchFromFilters({
        ...NO_FILTERS,
        status: ['active', 'ended'],
        assignee: 'me',
        overdue: true,
        q: ' acme ',
      }).toString(),
    ).toBe('status=active%2Cended&assignee=me&overdue=true&q=acme');
  });

  it('reads back what it writes', () => {
    const filters = fc.record({
      status: fc.subarray([...ORDER_STATUSES]),
      assignee: fc.option(fc.constantFrom('me', 'none', STAFF_ID), { nil: undefined }),
      carrier: fc.subarray([...CARRIER_CODES]),
      grade: fc.subarray([...GRADE_CODES]),
      overdue: fc.boolean(),
      q: fc.option(fc.stringMatching(/^[0-9a-z@.]{1,20}$/), { nil: undefined }),
    });
    fc.assert(
      fc.property(filters, (f) => {
        const clean: PipelineFilters = Object.fromEntries(
          Object.entries(f).filter(([, v]) => v !== undefined),
        ) as unknown as PipelineFilters;
        expect(filtersFromSearch(searchFromFilters(clean))).toEqual(clean);
      }),
    );
  });
});

describe('pipelineQuery', () => {
  it('gives the API only the set filters', () => {
    expect(pipelineQuery(NO_FILTERS)).toEqual({});
    expect(pipelineQuery({ ...NO_FILTERS, grade: ['gold'], overdue: true, q: 'x' })).toEqual({
      grade: ['gold'],
      overdue: 'true',
      q: 'x',
    });
  });

  it('knows when a filter is set', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, overdue: true })).toBe(true);
  });
});
