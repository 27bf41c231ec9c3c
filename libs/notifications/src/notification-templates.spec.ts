import { ORDER_EVENTS } from '@haoma/domain';
import { ORDER_EVENT_TYPES } from '@haoma/db';
import {
  NOTIFICATION_TEMPLATES,
  notifyingOrderEvents,
  templatesForOrderEvent,
  type NotificationContext,
  type NotificationTemplateId,
} from './notification-templates';
import { formatBeijingTime, formatFen, notificationContext, renderNotification } from './render-notification';

const facts = {
  contactName: '张三',
  companyName: '深圳好码科技有限公司',
  orderNo: '1042',
  number: '4008123456',
  holdUntil: new Date('2026-05-01T06:30:00Z'),
  documentsDueAt: new Date('2026-05-16T15:59:00Z'),
  totalFen: 128_050,
  reason: '营业执照不清晰 / business licence unreadable',
};
const context: NotificationContext = notificationContext(facts);
const ids = Object.keys(NOTIFICATION_TEMPLATES) as NotificationTemplateId[];
const CJK = /[\u4e00-\u9fff]/;

describe('notification templates', () => {
  it.each(ids)('%s only uses placeholders the context has', (id) => {
    const template = NOTIFICATION_TEMPLATES[id];
    const texts = [template.subject.zh, template.subject.en, template.body.zh, template.body.en];
    const used = texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
    expect(used.filter((key) => !Object.hasOwn(context, String(key)))).toEqual([]);
  });

  it.each(ids)('%s renders one bilingual message with every placeholder filled', (id) => {
    const { subject, text } = renderNotification(id, context);
    expect(subject).not.toMatch(/[{}]/);
    expect(text).not.toMatch(/[{}]/);
    const [zh, en] = subject.split(' / ');
    expect(zh).toMatch(CJK);
    expect(en).toMatch(/^[\x20-\x7e¥—]+$/);
    expect(text).toContain('张三，您好');
    expect(text).toContain('Dear 张三,');
    // Chinese first, then English.
    expect(text.indexOf('您好')).toBeLessThan(text.indexOf('Dear'));
  });

  it('states the hold deadline in Beijing time and the number as shown', () => {
    const { subject, text } = renderNotification('order-held', context);
    expect(subject).toBe('号码 400-812-3456 已为您保留 / Number 400-812-3456 is held for you');
    expect(text).toContain('保留至 2026-05-01 14:30（北京时间）');
    expect(text).toContain('until 2026-05-01 14:30 (Beijing time)');
  });

  it('says the number is back on sale when a hold expires', () => {
    const { text } = renderNotification('hold-expired', context);
    expect(text).toContain('该号码已重新开放选购');
    expect(text).toContain('the number is back on sale');
  });

  it('asks for payment with the total after signing', () => {
    expect(renderNotification('order-signed', context).text).toContain(
      'Please pay ¥1,280.50 before 2026-05-01 14:30',
    );
  });

  it('gives a receipt: the amount paid and every price line', () => {
    const receipt = notificationContext({
      ...facts,
      amountFen: 128_050,
      lines: [
        { name: 'Basic plan', nameZh: '基础套餐', amountFen: 98_000 },
        { name: 'Selection fee', nameZh: '选号费', amountFen: 30_050 },
      ],
    });
    const { text } = renderNotification('payment-confirmed', receipt);
    expect(text).toContain('我们已收到订单 1042 的付款 ¥1,280.50');
    expect(text).toContain(
      'Receipt:\n  · 基础套餐 Basic plan: ¥980.00\n  · 选号费 Selection fee: ¥300.50\nTotal ¥1,280.50',
    );
  });

  it('states the refunded amount and why', () => {
    const refund = notificationContext({
      ...facts,
      amountFen: 108_050,
      reason: '号码已被选购 / number taken',
    });
    const { subject, text } = renderNotification('refund-created', refund);
    expect(subject).toBe('订单 1042 退款处理中 / Refund started for order 1042');
    expect(text).toContain(
      'We have started a refund of ¥1,080.50 for order 1042 (number 400-812-3456). Reason: 号码已被选购 / number taken.',
    );
  });

  it('shows unknown facts as a dash, never "null"', () => {
    const bare = notificationContext({
      contactName: 'Li',
      companyName: 'X',
      orderNo: 7,
      number: '4008123456',
      holdUntil: null,
      documentsDueAt: null,
      totalFen: null,
      reason: '  ',
    });
    expect(bare).toMatchObject({
      holdUntil: '—',
      documentsDueAt: '—',
      total: '—',
      reason: '—',
      orderNo: '7',
      amount: '—',
      lines: '—',
    });
    expect(renderNotification('payment-confirmed', bare).text).not.toMatch(/null|undefined/);
  });
});

describe('templates per order event', () => {
  it.each([
    ['transition', 'sign', ['order-signed']],
    ['transition', 'hold_expired', ['hold-expired']],
    ['transition', 'cancel', ['order-cancelled']],
    ['transition', 'payment_confirmed', ['payment-confirmed']],
    ['transition', 'late_payment_confirmed', ['payment-confirmed']],
    ['transition', 'late_payment_refunded', ['late-payment-refunded']],
    ['transition', 'documents_deadline_passed', ['documents-overdue']],
    ['created', null, ['order-held']],
    ['hold_extended', null, ['hold-extended']],
    ['priced', null, []],
    ['transition', 'no_such_event', []],
    ['transition', null, []],
    ['no_such_type', null, []],
    ['transition', 'toString', []],
  ])('%s %s → %j', (type, event, expected) => {
    expect(templatesForOrderEvent(type, event)).toEqual(expected);
  });

  // A terminated line's customer hears from the service's timeline (service-terminated), not the order's.
  const SILENT_ORDER_EVENTS: readonly string[] = ['service_terminated'];

  it('gives every workflow event a message and names only existing templates', () => {
    for (const event of ORDER_EVENTS) {
      const templates = templatesForOrderEvent('transition', event);
      if (SILENT_ORDER_EVENTS.includes(event)) expect(templates).toEqual([]);
      else expect(templates.length).toBeGreaterThan(0);
      for (const t of templates) expect(ids).toContain(t);
    }
    for (const type of ORDER_EVENT_TYPES)
      for (const t of templatesForOrderEvent(type, null)) expect(ids).toContain(t);
  });

  it('lists the rows that notify, for the sweeper', () => {
    const { events, types } = notifyingOrderEvents();
    expect([...events].sort()).toEqual(ORDER_EVENTS.filter((e) => !SILENT_ORDER_EVENTS.includes(e)).sort());
    expect([...types].sort()).toEqual(['created', 'deadline_extended', 'hold_extended']);
  });
});

describe('formatting', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [128_050, '¥1,280.50'],
    [123_456_789, '¥1,234,567.89'],
    [-150, '-¥1.50'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it.each([
    ['2026-05-01T06:30:00Z', '2026-05-01 14:30'],
    ['2026-12-31T16:05:00Z', '2027-01-01 00:05'],
  ])('%s is %s in Beijing', (iso, text) => {
    expect(formatBeijingTime(new Date(iso))).toBe(text);
  });
});

describe('service and reminder templates', () => {
  it('names the deadline and the reason of a suspension', () => {
    const { subject, text } = renderNotification('service-suspended', {
      ...context,
      reason: '法定代表人身份证已过期 / the legal representative’s ID has expired',
    });
    expect(subject).toBe('号码 400-812-3456 已停机 / The line 400-812-3456 is suspended');
    expect(text).toContain('如未在 2026-05-16 23:59（北京时间）前完成实名认证');
    expect(text).toContain('the legal representative’s ID has expired');
  });

  it.each([
    'documents-reminder',
    'expiry-reminder',
    'reverification-reminder',
    'termination-reminder',
    'reverification-requested',
  ] as const)('%s states the deadline in Beijing time', (id) => {
    expect(renderNotification(id, context).text).toContain('2026-05-16 23:59');
  });
});
