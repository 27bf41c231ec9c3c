import { processorCoverage } from './processor-coverage';

describe('processorCoverage', () => {
  it.each([
    [['a', 'b'], ['a', 'b'], [], []],
    [['a', 'b'], ['b'], ['a'], []],
    [['a'], ['a', 'c'], [], ['c']],
    [['a'], [], ['a'], []],
  ])('declared %j, processed %j → missing %j, unknown %j', (declared, processed, missing, unknown) => {
    expect(processorCoverage(declared, processed)).toEqual({ missing, unknown });
  });
});
