import { checkName, checkRegistration, checkStaffMember, normaliseName } from './registration';

const valid = {
  companyName: '  上海号码  科技有限公司 ',
  contactName: 'Li  Wei',
  email: ' Li.Wei@Example.com ',
  mobile: '+86 138 0013 8000',
  password: 'correct horse 1',
};

describe('checkRegistration', () => {
  it('normalises an acceptable form', () => {
    expect(checkRegistration(valid)).toEqual({
      ok: true,
      value: {
        companyName: '上海号码 科技有限公司',
        contactName: 'Li Wei',
        email: 'li.wei@example.com',
        mobile: '13800138000',
        password: 'correct horse 1',
      },
    });
  });

  it('reports every field at fault at once, with codes', () => {
    const result = checkRegistration({
      companyName: ' ',
      contactName: 'x'.repeat(101),
      email: 'not-an-email',
      mobile: '12345',
      password: 'short',
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toEqual([
      ['companyName', 'REQUIRED'],
      ['contactName', 'TOO_LONG'],
      ['email', 'INVALID_EMAIL'],
      ['mobile', 'INVALID_MOBILE'],
      ['password', 'PASSWORD_TOO_SHORT'],
    ]);
  });

  it.each<[keyof typeof valid, string, string]>([
    ['companyName', 'x'.repeat(201), 'TOO_LONG'],
    ['companyName', 'Acme\u0000Ltd', 'INVALID_TEXT'],
    ['contactName', '\t\n', 'REQUIRED'],
    ['email', '', 'REQUIRED'],
    ['mobile', '', 'REQUIRED'],
    ['password', '1234567890', 'PASSWORD_TOO_SIMPLE'],
  ])('%s %j → %s', (field, value, code) => {
    const result = checkRegistration({ ...valid, [field]: value });
    expect(result.ok ? [] : result.errors).toEqual([expect.objectContaining({ field, code })]);
  });
});

describe('names', () => {
  it.each([
    ['  Acme   Ltd ', 'Acme Ltd'],
    ['号码\u3000科技', '号码 科技'],
    ['Ａｃｍｅ', 'Acme'],
  ])('normaliseName(%j) → %j', (raw, name) => {
    expect(normaliseName(raw)).toBe(name);
  });

  it('counts code points against the limit', () => {
    expect(checkName('contactName', '😀'.repeat(100), 100)).toBeUndefined();
    expect(checkName('contactName', '😀'.repeat(101), 100)?.code).toBe('TOO_LONG');
  });
});

describe('checkStaffMember', () => {
  it('normalises email and name', () => {
    expect(
      checkStaffMember({ email: 'Ops@Haoma.CN', name: ' Wang  Fang ', password: 'Sup3r secret' }),
    ).toEqual({
      ok: true,
      value: { email: 'ops@haoma.cn', name: 'Wang Fang', password: 'Sup3r secret' },
    });
  });

  it('reports each field at fault', () => {
    const result = checkStaffMember({ email: 'ops', name: '', password: 'aaaaaaaaaaaa' });
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual([
      'INVALID_EMAIL',
      'REQUIRED',
      'PASSWORD_TOO_SIMPLE',
    ]);
  });
});
