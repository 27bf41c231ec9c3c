import { createHash } from 'node:crypto';
import type { SandboxPaymentView } from '@haoma/payments';
import { toMoney } from '../catalog/money.response';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.3rem}table{width:100%;border-collapse:collapse;margin:1rem 0}
td{padding:.35rem 0;border-bottom:1px solid #ddd}td.amount{text-align:right}
tr.total td{font-weight:bold;border-bottom:none}.note{background:#fff6d6;padding:.6rem;border-radius:.3rem}
form{display:inline-block;margin:.3rem .4rem 0 0}button{font-size:1rem;padding:.5rem 1rem;cursor:pointer}
button.pay{background:#1a7f37;color:#fff;border:0;border-radius:.3rem}.status{color:#555}`;

/** The page allows nothing but its own inline style and forms posting back to itself. */
export const SANDBOX_PAGE_CSP = [
  `default-src 'none'`,
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  `form-action 'self'`,
  `base-uri 'none'`,
  `frame-ancestors 'none'`,
].join('; ');

const RESULT_TEXT: Record<string, string> = {
  pay: '付款已提交，订单稍后更新。 Payment sent; the order updates in a moment.',
  fail: '已模拟付款失败。 A failed payment was simulated.',
  abandon: '已放弃付款，会话已过期。 Checkout abandoned; the session expired.',
};

/** The sandbox checkout page: zh-CN and English, the lines and the total, Pay / Fail / Abandon. */
export function renderSandboxPage(
  payment: SandboxPaymentView,
  result: string | undefined,
  now: Date,
): string {
  const open = payment.status === 'open' && (!payment.expiresAt || payment.expiresAt > now);
  const lines = payment.lines
    .map(
      (l) =>
        `<tr><td>${esc(l.nameZh)} · ${esc(l.name)}</td><td class="amount">${toMoney(l.amountFen).display}</td></tr>`,
    )
    .join('');
  const action = (outcome: string, label: string, cls = '') =>
    `<form method="post" action="/sandbox/checkout/${payment.id}/${outcome}"><button type="submit" class="${cls}">${label}</button></form>`;
  const note = result && RESULT_TEXT[result] ? `<p class="note">${RESULT_TEXT[result]}</p>` : '';
  // Like Stripe's success and cancel URLs: back to the order in the web app.
  const back = `/orders/${encodeURIComponent(payment.orderId)}?checkout=${result === 'pay' ? 'success' : 'cancelled'}`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>沙盒收银台 Sandbox checkout</title><style>${STYLE}</style></head>
<body>
<h1>沙盒收银台 · Sandbox checkout</h1>
<p>测试环境，不会真实扣款。 Test mode: no money moves.</p>
<p>订单 Order #${esc(payment.orderNo)} · 号码 Number ${esc(payment.number)}</p>
${note}
<table>${lines}<tr class="total"><td>合计 Total (CNY)</td><td class="amount">${toMoney(payment.amountFen).display}</td></tr></table>
<p class="status">状态 Status: ${esc(payment.status)}${payment.expiresAt ? ` · 有效期至 Expires ${payment.expiresAt.toISOString()}` : ''}</p>
${
  open
    ? action('pay', '支付 Pay', 'pay') + action('fail', '付款失败 Fail') + action('abandon', '放弃 Abandon')
    : '<p>此付款会话已不可用。 This checkout session can no longer be paid.</p>'
}
<p><a href="${back}">返回订单 · Back to the order</a></p>
</body></html>`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
