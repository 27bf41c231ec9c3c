import fc from 'fast-check';
import { residentIdCheckCharacter, usccCheckCharacter } from '@haoma/domain';
import {
  checkDossier,
  documentKindsFor,
  dossierValuesOf,
  emptyDossierValues,
  shopToday,
  toDossierInput,
  type DossierValues,
} from './dossier-values';

const TODAY = '2026-03-01';
const id = (first17: string) => `${first17}${residentIdCheckCharacter(first17)}`;
const LEGAL_REP_ID = id('11010519800101011');
const HANDLER_ID = id('11010519900202022');
const USCC = '91350100M000100Y43';

function valid(): DossierValues {
  const v = emptyDossierValues();
  v.companyName = '厦门示例科技有限公司';
  v.uscc = USCC;
  v.legalRep = { name: '王芳', idNumber: LEGAL_REP_ID, idExpiresOn: '2035-01-01', longTerm: false };
  v.destinations = [{ number: '13800138000', ownerName: '王芳', ownerIdNumber: LEGAL_REP_ID }];
  v.undertakingSigned = true;
  v.undertakingSignerName = '王芳';
  return v;
}

describe('checkDossier', () => {
  it('passes a complete form and reads it as the server does', () => {
    const { form, errors, warnings } = checkDossier(valid(), TODAY, 'zh-CN');
    expect(errors).toEqual({});
    expect(warnings).toEqual({});
    expect(form?.company).toEqual({ name: '厦门示例科技有限公司', uscc: USCC, licenceExpiresOn: null });
    expect(form?.handler).toBeNull();
  });

  it('says what is wrong next to each field, in the chosen language', () => {
    const v = valid();
    v.uscc = '91350100M000100Y4'; // one character short
    v.legalRep.idNumber = LEGAL_REP_ID.slice(0, 17) + (LEGAL_REP_ID.endsWith('1') ? '2' : '1');
    v.legalRep.idExpiresOn = '2026-04-01'; // valid for less than half a year
    v.destinations = [];
    v.undertakingSigned = false;
    const zh = checkDossier(v, TODAY, 'zh-CN').errors;
    expect(zh).toEqual({
      'company.uscc': '统一社会信用代码为 18 位数字和大写字母（不含 I O S V Z）',
      'legalRepresentative.idNumber': '身份证号码校验位不正确，请核对',
      'legalRepresentative.idExpiresOn': '有效期太短，至少还需半年',
      destinations: '至少填写一个',
      undertakingSigned: '必须签署',
    });
    expect(checkDossier(v, TODAY, 'en').errors['legalRepresentative.idNumber']).toBe(
      'The check digit of this ID number is wrong: please check it',
    );
    expect(checkDossier(v, TODAY, 'en').form).toBeUndefined();
  });

  it('checks the handler only when there is one', () => {
    const v = valid();
    v.handler = { name: '', idNumber: 'nonsense', idExpiresOn: '', longTerm: false, mobile: '12' };
    expect(checkDossier(v, TODAY, 'en').errors).toEqual({});
    v.hasHandler = true;
    expect(Object.keys(checkDossier(v, TODAY, 'en').errors).sort()).toEqual([
      'handler.idExpiresOn',
      'handler.idNumber',
      'handler.mobile',
      'handler.name',
    ]);
    v.handler = {
      name: '李雷',
      idNumber: HANDLER_ID,
      idExpiresOn: '',
      longTerm: true,
      mobile: '139 0013 9000',
    };
    expect(checkDossier(v, TODAY, 'en').form?.handler).toEqual({
      name: '李雷',
      idNumber: HANDLER_ID,
      idExpiresOn: null,
      mobile: '13900139000',
    });
  });

  it('warns, without refusing, about a credit code failing only its check character', () => {
    const v = valid();
    const right = usccCheckCharacter(USCC.slice(0, 17));
    v.uscc = USCC.slice(0, 17) + (right === '3' ? '4' : '3');
    const result = checkDossier(v, TODAY, 'en');
    expect(result.errors).toEqual({});
    expect(result.warnings['company.uscc']).toMatch(/check character/);
  });

  it('gives a saved form back as the same values', () => {
    const v = valid();
    v.hasHandler = true;
    v.handler = {
      name: '李雷',
      idNumber: HANDLER_ID,
      idExpiresOn: '2031-05-06',
      longTerm: false,
      mobile: '13900139000',
    };
    v.regulated = true;
    v.industryLicenceNumber = '教民123';
    v.industryLicenceExpiresOn = '2030-01-01';
    const form = checkDossier(v, TODAY, 'en').form;
    if (!form) throw new Error('the form should pass');
    expect(toDossierInput(dossierValuesOf(form))).toEqual(toDossierInput(v));
  });
});

describe('documentKindsFor', () => {
  it('asks for the handler and industry documents when the form says so', () => {
    const v = valid();
    expect(documentKindsFor(checkDossier(v, TODAY, 'en').form, v)).toEqual([
      'business_licence',
      'legal_rep_id_front',
      'legal_rep_id_back',
      'undertaking',
    ]);
    v.hasHandler = true;
    v.regulated = true;
    expect(documentKindsFor(undefined, v)).toEqual([
      'business_licence',
      'legal_rep_id_front',
      'legal_rep_id_back',
      'handler_id_front',
      'handler_id_back',
      'authorisation_letter',
      'undertaking',
      'industry_licence',
    ]);
  });
});

describe('shopToday', () => {
  it('is the calendar day in Shanghai', () => {
    expect(shopToday(Date.parse('2026-02-28T15:59:59Z'))).toBe('2026-02-28');
    expect(shopToday(Date.parse('2026-02-28T16:00:00Z'))).toBe('2026-03-01');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), (ms) => {
        expect(shopToday(ms)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });
});
