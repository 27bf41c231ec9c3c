import {
  isRejectionReasonCode,
  REJECTION_REASON_CODES,
  REJECTION_REASONS,
  rejectionReasonText,
} from './rejection-reasons';

describe('rejection reasons', () => {
  it.each(REJECTION_REASON_CODES)('%s has an actionable text in both languages', (code) => {
    expect(REJECTION_REASONS[code].zh).toMatch(/请/);
    expect(REJECTION_REASONS[code].en.length).toBeGreaterThan(20);
  });

  it('includes the codes reviewers need', () => {
    expect(REJECTION_REASON_CODES).toEqual(
      expect.arrayContaining([
        'ILLEGIBLE',
        'EXPIRED',
        'NAME_MISMATCH',
        'SEAL_MISSING',
        'WRONG_DOCUMENT',
        'INCOMPLETE',
        'ALTERED',
        'BORROWED_CREDENTIALS',
        'OTHER',
      ]),
    );
  });

  it.each([
    ['ILLEGIBLE', true],
    ['OTHER', true],
    ['toString', false],
    ['illegible', false],
    ['', false],
  ])('isRejectionReasonCode(%j) = %s', (code, known) => {
    expect(isRejectionReasonCode(code)).toBe(known);
  });

  it('prefers the reviewer’s own text, else the default', () => {
    expect(rejectionReasonText('SEAL_MISSING', 'en')).toBe(REJECTION_REASONS.SEAL_MISSING.en);
    expect(rejectionReasonText('SEAL_MISSING', 'zh', '  ')).toBe(REJECTION_REASONS.SEAL_MISSING.zh);
    expect(rejectionReasonText('OTHER', 'en', ' Stamp page 2 ')).toBe('Stamp page 2');
  });
});
