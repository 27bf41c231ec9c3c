import { parseDossierForm } from './dossier-form';
import {
  formInput,
  HANDLER_ID,
  LEGAL_REP_ID,
  OWNER_ID,
  residentId,
  SETTINGS,
  TODAY,
  validForm,
} from './dossier-fixtures.spec-helper';

const parse = (input: unknown) => parseDossierForm(input, TODAY, SETTINGS);
const errorsOf = (input: unknown) => {
  const result = parse(input);
  return 'errors' in result ? result.errors.map((e) => [e.field, e.code]) : [];
};
const handler = { name: '李雷', idNumber: HANDLER_ID, mobile: '138 0013 8001', idExpiresOn: null };

describe('parseDossierForm', () => {
  it('accepts a complete form and normalises it', () => {
    expect(parse(formInput())).toEqual({ form: validForm() });
    const typed = parse(
      formInput({
        company: {
          name: ' 厦门示例科技有限公司 ',
          uscc: '91350100m000100y43',
          licenceExpiresOn: '2040-12-31',
        },
        handler,
        destinations: [
          { number: '0592-1234567', ownerName: '厦门示例科技有限公司', ownerIdNumber: '91350100M000100Y43' },
        ],
      }),
    );
    expect(typed).toEqual({
      form: validForm({
        company: { name: '厦门示例科技有限公司', uscc: '91350100M000100Y43', licenceExpiresOn: '2040-12-31' },
        handler: { name: '李雷', idNumber: HANDLER_ID, mobile: '13800138001', idExpiresOn: null },
        destinations: [
          { number: '05921234567', ownerName: '厦门示例科技有限公司', ownerIdNumber: '91350100M000100Y43' },
        ],
      }),
    });
  });

  it('accepts a USCC that fails only its check character (the pre-check flags it)', () => {
    expect(
      parse(formInput({ company: { name: 'X', uscc: '91350100M000100Y4A', licenceExpiresOn: null } })),
    ).toHaveProperty('form');
  });

  it.each<[string, Record<string, unknown>, [string, string][]]>([
    [
      'a malformed USCC',
      { company: { name: 'X', uscc: '91350100M000100I43', licenceExpiresOn: null } },
      [['company.uscc', 'INVALID_USCC']],
    ],
    [
      'a USCC with letters in the area code',
      { company: { name: 'X', uscc: '913A0100M000100Y43', licenceExpiresOn: null } },
      [['company.uscc', 'INVALID_USCC']],
    ],
    ['no company', { company: undefined }, [['company', 'REQUIRED']]],
    [
      'an empty company name',
      { company: { name: ' ', uscc: '91350100M000100Y43', licenceExpiresOn: null } },
      [['company.name', 'REQUIRED']],
    ],
    [
      'an expired licence',
      { company: { name: 'X', uscc: '91350100M000100Y43', licenceExpiresOn: '2026-02-28' } },
      [['company.licenceExpiresOn', 'EXPIRED']],
    ],
    [
      'a licence date that is no date',
      { company: { name: 'X', uscc: '91350100M000100Y43', licenceExpiresOn: '2026-02-30' } },
      [['company.licenceExpiresOn', 'INVALID_DATE']],
    ],
    [
      'a legal rep ID with a wrong check digit',
      { legalRepresentative: { name: '王芳', idNumber: '110105194912310021', idExpiresOn: null } },
      [['legalRepresentative.idNumber', 'ID_CHECK_FAILED']],
    ],
    [
      'a legal rep ID born in the future',
      { legalRepresentative: { name: '王芳', idNumber: residentId('20300101'), idExpiresOn: null } },
      [['legalRepresentative.idNumber', 'ID_BIRTH_DATE_INVALID']],
    ],
    [
      'a malformed legal rep ID',
      { legalRepresentative: { name: '王芳', idNumber: '12345', idExpiresOn: null } },
      [['legalRepresentative.idNumber', 'INVALID_ID_NUMBER']],
    ],
    [
      'an expired legal rep ID',
      { legalRepresentative: { name: '王芳', idNumber: LEGAL_REP_ID, idExpiresOn: '2026-01-01' } },
      [['legalRepresentative.idExpiresOn', 'EXPIRED']],
    ],
    [
      'a legal rep ID valid under ID_MIN_VALIDITY',
      { legalRepresentative: { name: '王芳', idNumber: LEGAL_REP_ID, idExpiresOn: '2026-06-01' } },
      [['legalRepresentative.idExpiresOn', 'EXPIRES_TOO_SOON']],
    ],
    [
      'a handler without a mobile',
      { handler: { ...handler, mobile: undefined } },
      [['handler.mobile', 'REQUIRED']],
    ],
    [
      'a handler with a bad mobile',
      { handler: { ...handler, mobile: '12345' } },
      [['handler.mobile', 'INVALID_MOBILE']],
    ],
    [
      'a handler without an ID',
      { handler: { ...handler, idNumber: undefined } },
      [['handler.idNumber', 'REQUIRED']],
    ],
    [
      'a handler whose ID expires soon',
      { handler: { ...handler, idExpiresOn: '2026-04-01' } },
      [['handler.idExpiresOn', 'EXPIRES_TOO_SOON']],
    ],
    ['no destinations', { destinations: [] }, [['destinations', 'TOO_FEW']]],
    [
      'eleven destinations',
      {
        destinations: Array.from({ length: 11 }, (_, i) => ({
          number: `1380013800${i % 10}`,
          ownerName: '王芳',
          ownerIdNumber: LEGAL_REP_ID,
        })),
      },
      [['destinations', 'TOO_MANY']],
    ],
    [
      'a 400 number as destination',
      { destinations: [{ number: '4008208888', ownerName: '王芳', ownerIdNumber: LEGAL_REP_ID }] },
      [['destinations[0].number', 'INVALID_PHONE']],
    ],
    [
      'a destination twice',
      {
        destinations: [
          { number: '13800138000', ownerName: '王芳', ownerIdNumber: LEGAL_REP_ID },
          { number: '+86 138 0013 8000', ownerName: '王芳', ownerIdNumber: LEGAL_REP_ID },
        ],
      },
      [['destinations[1].number', 'DUPLICATE']],
    ],
    [
      'a destination owner with a bad ID',
      {
        destinations: [
          {
            number: '13800138000',
            ownerName: '赵六',
            ownerIdNumber: OWNER_ID.slice(0, 17) + (OWNER_ID.endsWith('1') ? '2' : '1'),
          },
        ],
      },
      [['destinations[0].ownerIdNumber', 'ID_CHECK_FAILED']],
    ],
    [
      'a regulated trade without a licence number',
      { industry: { regulated: true, licenceExpiresOn: null } },
      [['industry.licenceNumber', 'REQUIRED']],
    ],
    [
      'an expired industry licence',
      { industry: { regulated: true, licenceNumber: '教民123', licenceExpiresOn: '2025-01-01' } },
      [['industry.licenceExpiresOn', 'EXPIRED']],
    ],
    ['no answer on regulation', { industry: {} }, [['industry.regulated', 'REQUIRED']]],
    ['an unsigned undertaking', { undertakingSigned: false }, [['undertakingSigned', 'MUST_BE_SIGNED']]],
    ['no undertaking signer', { undertakingSignerName: '' }, [['undertakingSignerName', 'REQUIRED']]],
    [
      'a name with control characters',
      { undertakingSignerName: '王\u0000芳' },
      [['undertakingSignerName', 'INVALID_TEXT']],
    ],
    ['a name too long', { undertakingSignerName: '王'.repeat(101) }, [['undertakingSignerName', 'TOO_LONG']]],
  ])('refuses %s', (_, overrides, expected) => {
    expect(errorsOf(formInput(overrides))).toEqual(expected);
  });

  it('accepts an ID expiring exactly at the minimum validity, and an industry licence with its number', () => {
    const result = parse(
      formInput({
        legalRepresentative: { name: '王芳', idNumber: LEGAL_REP_ID, idExpiresOn: '2026-08-31' },
        industry: { regulated: true, licenceNumber: '教民123', licenceExpiresOn: null },
      }),
    );
    expect(result).toHaveProperty('form.industry', {
      regulated: true,
      licenceNumber: '教民123',
      licenceExpiresOn: null,
    });
  });

  it('reports every field at fault at once, and refuses a non-object', () => {
    expect(
      errorsOf(
        formInput({ company: { name: '', uscc: 'x', licenceExpiresOn: 'y' }, undertakingSigned: 'yes' }),
      ),
    ).toEqual([
      ['company.name', 'REQUIRED'],
      ['company.uscc', 'INVALID_USCC'],
      ['company.licenceExpiresOn', 'INVALID_DATE'],
      ['undertakingSigned', 'MUST_BE_SIGNED'],
    ]);
    expect(errorsOf('form')).toEqual([['form', 'INVALID_TYPE']]);
    expect(errorsOf([])).toEqual([['form', 'INVALID_TYPE']]);
  });
});
