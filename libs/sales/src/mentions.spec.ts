import fc from 'fast-check';
import { parseMentions } from './mentions';

describe('parseMentions', () => {
  it.each([
    ['', [], []],
    ['no mentions here', [], []],
    ['@li.wei@haoma.cn please call', ['li.wei@haoma.cn'], []],
    ['cc @A@Haoma.CN and @b@haoma.cn.', ['a@haoma.cn', 'b@haoma.cn'], []],
    ['(@a@haoma.cn) twice @a@haoma.cn', ['a@haoma.cn'], []],
    ['请@a@haoma.cn处理', ['a@haoma.cn'], []],
    ['write to bob@example.com', [], []],
    ['hi @bob, are you there', [], ['bob']],
    ['@bob@ and @x@y', [], ['bob@', 'x@y']],
    ['email me@ 3pm, or @ noon', [], []],
    ['@a@haoma.cn-', ['a@haoma.cn'], []],
  ])('%j → %j / %j', (body, emails, invalid) => {
    expect(parseMentions(body)).toEqual({ emails, invalid });
  });

  it('finds every email written as a mention, whatever text surrounds it', () => {
    const local = fc.stringMatching(/^[a-z][a-z0-9._]{0,10}[a-z0-9]$/);
    const domain = fc.stringMatching(/^[a-z][a-z0-9]{0,8}\.(cn|com|test)$/);
    const filler = fc.string({ maxLength: 20 }).map((s) => s.replace(/[@A-Za-z0-9._%+-]/g, ' '));
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, local, domain), { minLength: 1, maxLength: 5 }), (parts) => {
        const body = parts.map(([f, l, d]) => `${f} @${l}@${d}`).join(' ');
        const expected = [...new Set(parts.map(([, l, d]) => `${l}@${d}`))];
        expect(parseMentions(body)).toEqual({ emails: expected, invalid: [] });
      }),
    );
  });
});
