import { apiErrorText, apiFieldErrors, fieldErrorText } from './api-errors';

const dossierError = {
  statusCode: 400,
  code: 'DOSSIER_INVALID',
  message: 'Invalid dossier',
  fields: [
    {
      field: 'form.company.uscc',
      errors: ['A unified social credit code is 18 characters'],
      codes: ['INVALID_USCC'],
    },
    { field: 'form.company.uscc', errors: ['second'], codes: ['REQUIRED'] },
    { field: 'form.legalRepresentative.idNumber', errors: ['Server words'], codes: ['SOMETHING_NEW'] },
    { field: 'documentIds', errors: ['No such document'] },
  ],
};

describe('apiFieldErrors', () => {
  it('puts the first error of each field next to it, in the chosen language', () => {
    expect(apiFieldErrors(dossierError, 'zh-CN', 'form.')).toEqual({
      'company.uscc': '统一社会信用代码为 18 位数字和大写字母（不含 I O S V Z）',
      'legalRepresentative.idNumber': 'Server words',
      documentIds: 'No such document',
    });
    expect(apiFieldErrors(dossierError, 'en', 'form.')['company.uscc']).toBe(
      'A credit code is 18 digits and capitals (no I O S V Z)',
    );
  });

  it('has nothing for errors without fields or that are not the API envelope', () => {
    expect(apiFieldErrors({ statusCode: 409, code: 'EMAIL_TAKEN', message: 'x' }, 'en')).toEqual({});
    expect(apiFieldErrors(new Error('offline'), 'en')).toEqual({});
  });
});

describe('apiErrorText', () => {
  it.each([
    [{ statusCode: 409, code: 'EMAIL_TAKEN', message: 'taken' }, 'zh-CN', '该邮箱已注册，请直接登录'],
    [
      { statusCode: 409, code: 'EMAIL_TAKEN', message: 'taken' },
      'en',
      'This email is registered already: please log in',
    ],
    [{ statusCode: 409, code: 'BRAND_NEW', message: 'Server says no' }, 'en', 'Server says no'],
    [
      { statusCode: 409, code: 'BRAND_NEW', message: 'Server says no' },
      'zh-CN',
      '出错了，请稍后重试（BRAND_NEW）',
    ],
    [new TypeError('Failed to fetch'), 'en', 'Something went wrong; please try again'],
  ] as const)('%j in %s', (error, locale, text) => {
    expect(apiErrorText(error, locale)).toBe(text);
  });

  it('falls back to the given words for an unknown field code', () => {
    expect(fieldErrorText('en', undefined, 'raw')).toBe('raw');
    expect(fieldErrorText('en', 'REQUIRED', 'raw')).toBe('Please fill this in');
  });
});
