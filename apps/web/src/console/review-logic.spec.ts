import { formRows, rejectionReasons, reviewCommandOf, stepIndex } from './review-logic';

describe('reviewCommandOf', () => {
  it.each([
    ['j', 'next'],
    ['k', 'previous'],
    ['a', 'approve'],
    ['r', 'reject'],
    ['x', undefined],
    ['J', undefined],
  ])('%s → %s', (key, command) =>
    expect(reviewCommandOf({ key, target: { tagName: 'BODY' } })).toBe(command),
  );

  it('leaves keys typed into fields and browser shortcuts alone', () => {
    expect(reviewCommandOf({ key: 'a', target: { tagName: 'input' } })).toBeUndefined();
    expect(reviewCommandOf({ key: 'a', target: { tagName: 'TEXTAREA' } })).toBeUndefined();
    expect(
      reviewCommandOf({ key: 'a', target: { tagName: 'DIV', isContentEditable: true } }),
    ).toBeUndefined();
    expect(reviewCommandOf({ key: 'r', ctrlKey: true })).toBeUndefined();
    expect(reviewCommandOf({ key: 'r', metaKey: true })).toBeUndefined();
  });
});

describe('stepIndex', () => {
  it.each([
    [0, 1, 3, 1],
    [2, 1, 3, 2],
    [0, -1, 3, 0],
    [-1, 1, 3, 0],
    [0, 1, 0, -1],
  ] as const)('%i %+i of %i → %i', (index, step, length, next) =>
    expect(stepIndex(index, step, length)).toBe(next),
  );
});

describe('rejectionReasons', () => {
  const docs = [
    { id: 'd1', kind: 'business_licence' },
    { id: 'd2', kind: 'legal_rep_id_front' },
    { id: 'd3', kind: 'undertaking' },
  ];

  it('gives one reason per document with a code, in document order, with trimmed own words', () => {
    expect(
      rejectionReasons(docs, {
        d3: { code: 'SEAL_MISSING', text: '  ' },
        d2: { text: 'words without a code are not a reason' },
        d1: { code: 'ILLEGIBLE', text: ' blurred ' },
      }),
    ).toEqual([
      { target: 'business_licence', documentId: 'd1', code: 'ILLEGIBLE', text: 'blurred' },
      { target: 'undertaking', documentId: 'd3', code: 'SEAL_MISSING' },
    ]);
    expect(rejectionReasons(docs, {})).toEqual([]);
  });
});

describe('formRows', () => {
  it('flattens the dossier form into dotted paths', () => {
    expect(
      formRows({
        company: { name: '深圳示例', uscc: '91440300X', licenceExpiresOn: null },
        destinations: [{ number: '0755-86001234' }],
        industry: { regulated: false },
        handler: null,
        tags: [],
      }),
    ).toEqual([
      { path: 'company.name', value: '深圳示例' },
      { path: 'company.uscc', value: '91440300X' },
      { path: 'company.licenceExpiresOn', value: '—' },
      { path: 'destinations.0.number', value: '0755-86001234' },
      { path: 'industry.regulated', value: 'false' },
      { path: 'handler', value: '—' },
      { path: 'tags', value: '—' },
    ]);
    expect(formRows(null)).toEqual([]);
  });
});
