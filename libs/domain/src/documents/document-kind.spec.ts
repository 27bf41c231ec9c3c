import { DOCUMENT_KINDS } from '../verification/verification-states';
import { isDocumentKind } from './document-kind';

describe('isDocumentKind', () => {
  it.each(DOCUMENT_KINDS)('accepts %s', (kind) => {
    expect(isDocumentKind(kind)).toBe(true);
  });

  it.each([
    undefined,
    null,
    1,
    '',
    'BUSINESS_LICENCE',
    'business_licence ',
    'passport',
    'toString',
    ['business_licence'],
  ])('refuses %j', (value) => {
    expect(isDocumentKind(value)).toBe(false);
  });
});
