import fc from 'fast-check';
import { missingDocumentKinds, requiredDocumentKinds } from './document-requirements';
import { HANDLER_ID, LEGAL_REP_ID, OWNER_ID, validForm } from './dossier-fixtures.spec-helper';
import { DOCUMENT_KINDS } from './verification-states';

const handler = { name: '李雷', idNumber: HANDLER_ID, mobile: '13800138001', idExpiresOn: null };
const BASE = ['business_licence', 'legal_rep_id_front', 'legal_rep_id_back', 'undertaking'];
const owner = (ownerIdNumber: string) => [{ number: '13800138000', ownerName: '某人', ownerIdNumber }];

describe('requiredDocumentKinds', () => {
  it.each<[string, Parameters<typeof validForm>[0], boolean, string[]]>([
    ['the legal rep applying, own mobile', {}, false, BASE],
    [
      'a handler',
      { handler },
      false,
      [
        'business_licence',
        'legal_rep_id_front',
        'legal_rep_id_back',
        'handler_id_front',
        'handler_id_back',
        'authorisation_letter',
        'undertaking',
      ],
    ],
    [
      'a regulated trade',
      { industry: { regulated: true, licenceNumber: 'L1', licenceExpiresOn: null } },
      false,
      [...BASE, 'industry_licence'],
    ],
    ['a company past its number allowance', {}, true, [...BASE, 'multi_number_proof']],
    ['a destination owned by the company', { destinations: owner('91350100M000100Y43') }, false, BASE],
    ['a destination owned by the legal rep', { destinations: owner(LEGAL_REP_ID) }, false, BASE],
    [
      'a destination owned by the handler',
      { handler, destinations: owner(HANDLER_ID) },
      false,
      [
        'business_licence',
        'legal_rep_id_front',
        'legal_rep_id_back',
        'handler_id_front',
        'handler_id_back',
        'authorisation_letter',
        'undertaking',
      ],
    ],
    [
      'a destination owned by someone else',
      { destinations: owner(OWNER_ID) },
      false,
      [...BASE, 'destination_owner_id'],
    ],
  ])('%s', (_, overrides, multi, expected) => {
    const required = requiredDocumentKinds(validForm(overrides), { multiNumberProofRequired: multi });
    expect([...required].sort()).toEqual([...expected].sort());
  });

  it('property: missing kinds are exactly the required ones not attached, in DOCUMENT_KINDS order', () => {
    fc.assert(
      fc.property(
        fc.subarray([...DOCUMENT_KINDS]),
        fc.boolean(),
        fc.boolean(),
        (attached, withHandler, multi) => {
          const form = validForm(withHandler ? { handler } : {});
          const missing = missingDocumentKinds(form, attached, { multiNumberProofRequired: multi });
          const required = requiredDocumentKinds(form, { multiNumberProofRequired: multi });
          expect(missing).toEqual(required.filter((k) => !attached.includes(k)));
          expect(missing).toEqual(DOCUMENT_KINDS.filter((k) => missing.includes(k)));
        },
      ),
    );
  });
});
