import { formErrorsOf } from './form-errors';

const TRANSFER_FIELDS = ['amountFen', 'payerName', 'reference', 'receivedOn'];
const TRANSFER_CODES = { PAYMENT_AMOUNT_MISMATCH: 'amountFen', BANK_TRANSFER_DUPLICATE: 'reference' };

describe('formErrorsOf', () => {
  it('puts validation errors next to their fields', () => {
    const body = {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid request',
      fields: [
        { field: 'reference', errors: ['reference must be letters, digits, and . _ / -'] },
        { field: 'receivedOn', errors: ['receivedOn must be a date (YYYY-MM-DD)'] },
      ],
    };
    expect(formErrorsOf(body, 'en', TRANSFER_FIELDS)).toEqual({
      fields: {
        reference: 'reference must be letters, digits, and . _ / -',
        receivedOn: 'receivedOn must be a date (YYYY-MM-DD)',
      },
    });
    expect(formErrorsOf(body, 'zh-CN', TRANSFER_FIELDS).fields).toEqual({
      reference: '格式不正确',
      receivedOn: '格式不正确',
    });
  });

  it('keeps an error for a field the form lacks at the form', () => {
    const body = {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'x',
      fields: [{ field: 'other', errors: ['bad'] }],
    };
    expect(formErrorsOf(body, 'en', TRANSFER_FIELDS)).toEqual({ fields: {}, form: 'other: bad' });
  });

  it('puts a code that concerns one field next to it, with its details', () => {
    expect(
      formErrorsOf(
        { statusCode: 400, code: 'PAYMENT_AMOUNT_MISMATCH', message: 'x', expectedFen: 128_000 },
        'zh-CN',
        TRANSFER_FIELDS,
        TRANSFER_CODES,
      ),
    ).toEqual({ fields: { amountFen: '金额须等于订单总额 ¥1,280.00' } });
    expect(
      formErrorsOf(
        { statusCode: 400, code: 'MENTION_UNKNOWN', message: 'x', mentions: ['nobody@haoma.cn', 'x'] },
        'en',
        ['body'],
        { MENTION_UNKNOWN: 'body' },
      ),
    ).toEqual({ fields: { body: 'No such colleague: @nobody@haoma.cn, @x' } });
  });

  it('shows other codes above the form, unknown ones with the API message', () => {
    expect(
      formErrorsOf(
        { statusCode: 409, code: 'ORDER_NOT_PAYABLE', message: 'x' },
        'en',
        TRANSFER_FIELDS,
        TRANSFER_CODES,
      ),
    ).toEqual({ fields: {}, form: 'The order cannot be paid in its status' });
    expect(formErrorsOf({ statusCode: 418, code: 'TEAPOT', message: 'I am a teapot' }, 'en', [])).toEqual({
      fields: {},
      form: 'Failed: I am a teapot',
    });
    expect(formErrorsOf(new TypeError('Failed to fetch'), 'en', []).form).toBe(
      'Failed: TypeError: Failed to fetch',
    );
  });
});
