import {
  HANDLER_ID,
  LEGAL_REP_ID,
  OWNER_ID,
  SETTINGS,
  TODAY,
  validForm,
} from './dossier-fixtures.spec-helper';
import type { DossierForm } from './dossier-form';
import {
  customerVisibleFindings,
  multiNumberProofRequired,
  precheckDossier,
  sameName,
  worstSeverity,
  type PrecheckFacts,
} from './precheck';
import type { DocumentKind } from './verification-states';

const ALL_BASE: DocumentKind[] = [
  'business_licence',
  'legal_rep_id_front',
  'legal_rep_id_back',
  'undertaking',
];
const NO_FACTS: PrecheckFacts = {
  accountsWithSameUscc: [],
  accountsWithSameLegalRepId: [],
  handlerCompanies: null,
  companyNumbers: 0,
};
const handler = { name: '李雷', idNumber: HANDLER_ID, mobile: '13800138001', idExpiresOn: null };
const HANDLER_DOCS: DocumentKind[] = [
  ...ALL_BASE,
  'handler_id_front',
  'handler_id_back',
  'authorisation_letter',
];
const other = { customerId: '00000000-0000-4000-8000-000000000001', email: 'other@example.com' };

function run(
  form: Partial<DossierForm> = {},
  facts: Partial<PrecheckFacts> = {},
  kinds: DocumentKind[] = ALL_BASE,
) {
  return precheckDossier({
    form: validForm(form),
    documentKinds: kinds,
    today: TODAY,
    settings: SETTINGS,
    facts: { ...NO_FACTS, ...facts },
  });
}
const summary = (findings: ReturnType<typeof run>) => findings.map((f) => [f.code, f.severity, f.field]);

describe('precheckDossier', () => {
  it('finds nothing in a clean dossier', () => {
    expect(run()).toEqual([]);
  });

  it.each<[string, Partial<DossierForm>, Partial<PrecheckFacts>, DocumentKind[], [string, string, string][]]>(
    [
      [
        'a USCC failing its check character',
        { company: { name: 'X', uscc: '91350100M000100Y4A', licenceExpiresOn: null } },
        {},
        ALL_BASE,
        [['USCC_CHECK_FAILED', 'warning', 'company.uscc']],
      ],
      [
        'a malformed USCC',
        { company: { name: 'X', uscc: '91350100M0001', licenceExpiresOn: null } },
        {},
        ALL_BASE,
        [['USCC_INVALID', 'error', 'company.uscc']],
      ],
      [
        'an expired business licence',
        { company: { name: 'X', uscc: '91350100M000100Y43', licenceExpiresOn: '2026-02-28' } },
        {},
        ALL_BASE,
        [['LICENCE_EXPIRED', 'error', 'company.licenceExpiresOn']],
      ],
      [
        'a licence expiring today (still valid)',
        { company: { name: 'X', uscc: '91350100M000100Y43', licenceExpiresOn: TODAY } },
        {},
        ALL_BASE,
        [],
      ],
      [
        'an expired industry licence',
        { industry: { regulated: true, licenceNumber: 'L', licenceExpiresOn: '2026-01-01' } },
        {},
        [...ALL_BASE, 'industry_licence'],
        [['INDUSTRY_LICENCE_EXPIRED', 'error', 'industry.licenceExpiresOn']],
      ],
      [
        'an expired legal rep ID',
        { legalRepresentative: { name: '王芳', idNumber: LEGAL_REP_ID, idExpiresOn: '2026-02-01' } },
        {},
        ALL_BASE,
        [['ID_EXPIRED', 'error', 'legalRepresentative.idExpiresOn']],
      ],
      [
        'a legal rep ID expiring within ID_MIN_VALIDITY',
        { legalRepresentative: { name: '王芳', idNumber: LEGAL_REP_ID, idExpiresOn: '2026-05-01' } },
        {},
        ALL_BASE,
        [['ID_EXPIRES_SOON', 'error', 'legalRepresentative.idExpiresOn']],
      ],
      [
        'a handler ID expiring soon',
        { handler: { ...handler, idExpiresOn: '2026-04-01' } },
        {},
        HANDLER_DOCS,
        [['ID_EXPIRES_SOON', 'error', 'handler.idExpiresOn']],
      ],
      [
        'a resident ID failing its check',
        {
          legalRepresentative: { name: '王芳', idNumber: '110105194912310021', idExpiresOn: null },
          destinations: [{ number: '13800138000', ownerName: 'X', ownerIdNumber: '91350100M000100Y43' }],
        },
        {},
        ALL_BASE,
        [['ID_INVALID', 'error', 'legalRepresentative.idNumber']],
      ],
      [
        'an undertaking signed by another name',
        { undertakingSignerName: '王方' },
        {},
        ALL_BASE,
        [['LEGAL_REP_NAME_MISMATCH', 'warning', 'undertakingSignerName']],
      ],
      [
        'a destination of the legal rep under another name',
        { destinations: [{ number: '13800138000', ownerName: '王小芳', ownerIdNumber: LEGAL_REP_ID }] },
        {},
        ALL_BASE,
        [['LEGAL_REP_NAME_MISMATCH', 'warning', 'destinations[0].ownerName']],
      ],
      [
        'a handler with the legal rep ID under another name',
        { handler: { ...handler, idNumber: LEGAL_REP_ID } },
        {},
        HANDLER_DOCS,
        [['LEGAL_REP_NAME_MISMATCH', 'warning', 'handler.name']],
      ],
      [
        'the USCC used by another account',
        {},
        { accountsWithSameUscc: [other] },
        ALL_BASE,
        [['BORROWED_USCC', 'warning', 'company.uscc']],
      ],
      [
        'the legal rep ID used by another account',
        {},
        { accountsWithSameLegalRepId: [other] },
        ALL_BASE,
        [['BORROWED_LEGAL_REP_ID', 'warning', 'legalRepresentative.idNumber']],
      ],
      [
        'a handler applying for 3 companies',
        { handler },
        { handlerCompanies: { count: 3, accounts: [other] } },
        HANDLER_DOCS,
        [['HANDLER_MANY_COMPANIES', 'warning', 'handler.idNumber']],
      ],
      [
        'a handler applying for 2 companies',
        { handler },
        { handlerCompanies: { count: 2, accounts: [other] } },
        HANDLER_DOCS,
        [],
      ],
      [
        'a company at its number allowance without proof',
        {},
        { companyNumbers: 3 },
        ALL_BASE,
        [['MULTI_NUMBER_PROOF_REQUIRED', 'error', 'documents.multi_number_proof']],
      ],
      [
        'a company at its allowance with proof',
        {},
        { companyNumbers: 3 },
        [...ALL_BASE, 'multi_number_proof'],
        [['MULTI_NUMBER_PROOF_REQUIRED', 'info', 'documents.multi_number_proof']],
      ],
      ['a company under its allowance', {}, { companyNumbers: 2 }, ALL_BASE, []],
      [
        'a missing undertaking',
        {},
        {},
        ['business_licence', 'legal_rep_id_front', 'legal_rep_id_back'],
        [['DOCUMENTS_MISSING', 'error', 'documents']],
      ],
      [
        'a destination of a third person without their ID',
        { destinations: [{ number: '13800138000', ownerName: '赵六', ownerIdNumber: OWNER_ID }] },
        {},
        ALL_BASE,
        [['DOCUMENTS_MISSING', 'error', 'documents']],
      ],
    ],
  )('%s', (_, form, facts, kinds, expected) => {
    expect(summary(run(form, facts, kinds))).toEqual(expected);
  });

  it('names the other accounts for the reviewer and hides them from the customer', () => {
    const findings = run(
      { handler },
      {
        accountsWithSameUscc: [other],
        accountsWithSameLegalRepId: [other],
        handlerCompanies: { count: 4, accounts: [other] },
      },
      HANDLER_DOCS,
    );
    expect(findings.map((f) => f.details)).toEqual([
      { accounts: [other] },
      { accounts: [other] },
      { companies: 4, accounts: [other] },
    ]);
    expect(customerVisibleFindings(findings)).toEqual([]);
  });

  it('shows the customer errors only, without details', () => {
    const findings = run({ undertakingSignerName: '王方' }, { accountsWithSameUscc: [other] }, [
      'business_licence',
    ]);
    expect(customerVisibleFindings(findings)).toEqual([
      {
        code: 'DOCUMENTS_MISSING',
        severity: 'error',
        field: 'documents',
        message: expect.stringContaining('legal_rep_id_front'),
      },
    ]);
    expect(worstSeverity(findings)).toBe('error');
  });
});

describe('helpers', () => {
  it.each([
    [[], null],
    [[{ severity: 'info' }], 'info'],
    [[{ severity: 'info' }, { severity: 'warning' }], 'warning'],
    [[{ severity: 'error' }, { severity: 'warning' }], 'error'],
  ] as const)('worstSeverity(%j) = %s', (findings, worst) => {
    expect(worstSeverity(findings)).toBe(worst);
  });

  it.each([
    [0, 3, false],
    [2, 3, false],
    [3, 3, true],
    [0, 1, false],
    [1, 1, true],
  ])('multiNumberProofRequired(%i held, max %i) = %s', (held, max, required) => {
    expect(multiNumberProofRequired(held, max)).toBe(required);
  });

  it.each([
    ['王芳', '王 芳', true],
    ['阿不都·热合曼', '阿不都热合曼', true],
    ['ＷＡＮＧ', 'wang', true],
    ['王芳', '王方', false],
  ])('sameName(%s, %s) = %s', (a, b, same) => {
    expect(sameName(a, b)).toBe(same);
  });
});
