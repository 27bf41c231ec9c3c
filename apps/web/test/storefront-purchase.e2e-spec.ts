// The storefront's purchase path in a real browser (Debian's Chromium), against the API
// process serving the built web app and the worker beside it (it applies the sandbox payment,
// pre-checks the dossier and has the sandbox carrier activate the number): a business
// registers, finds a number by pattern, holds it, picks a plan, signs, pays in the sandbox,
// fills the dossier and uploads its documents, is rejected, fixes, is approved (the reviewer
// acts through the API) and sees the number live. Then the first steps on a 375 px phone.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { residentIdCheckCharacter, usccCheckCharacter } from '@haoma/domain';
import {
  ensureWebAppBuilt,
  TEST_REDIS_URL,
  createTestDatabase,
  killWorker,
  launchBrowser,
  openPage,
  runCli,
  samplePng,
  screenshot,
  startApiProcess,
  startWorker,
  type ApiProcess,
  type TestDatabase,
  type WorkerProcess,
} from '@haoma/testing';

const PASSWORD = 'Staff pass 123';

let db: TestDatabase;
let api: ApiProcess;
let worker: WorkerProcess;
let browser: Browser;
let dir: string;
let reviewerToken: string;

beforeAll(async () => {
  ensureWebAppBuilt();
  dir = await mkdtemp(join(tmpdir(), 'haoma-storefront-'));
  db = await createTestDatabase();
  // One environment for the API and the worker: the same database, queues and documents.
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
    DOCUMENTS_DIR: join(dir, 'documents'),
    MAIL_DIR: join(dir, 'mail'),
    API_HOST: '127.0.0.1',
    API_PORT: '0',
    LOG_LEVEL: 'log',
    RATE_LIMIT_PER_MINUTE: '0',
    LOGIN_RATE_LIMIT_PER_MINUTE: '0',
    AUTH_SECRET: 'test-secret-test-secret-test-secret-x',
    CARRIER_SANDBOX_DELAY: '0s',
    CARRIER_SANDBOX_REJECT_RATE: '0',
    CARRIER_SANDBOX_FAILURE_RATE: '0',
    CARRIER_SANDBOX_TIMEOUT_RATE: '0',
    CARRIER_POLL_INTERVAL: '200ms',
  };
  await runCli(env, ['seed', '--demo-count', '300']);
  // Each assigned as it comes up, so that afterAll stops whatever did start.
  await Promise.all([
    startApiProcess(env).then((p) => (api = p)),
    startWorker(env).then((w) => (worker = w)),
    launchBrowser().then((b) => (browser = b)),
  ]);
  const email = `reviewer-${randomBytes(4).toString('hex')}@haoma.test`;
  // Made the way an operator would: the web project reaches no feature library.
  await runCli(env, [
    'staff',
    'create',
    '--email',
    email,
    '--name',
    '审核员',
    '--role',
    'reviewer',
    '--password',
    PASSWORD,
  ]);
  reviewerToken = (
    await call<{ accessToken: string }>('POST', '/api/v1/staff/auth/login', undefined, {
      email,
      password: PASSWORD,
    })
  ).accessToken;
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (worker) await killWorker(worker);
  await api?.stop();
  await db?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function call<T>(method: string, path: string, token: string | undefined, body?: unknown): Promise<T> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** Polls `check` until it passes (the worker's steps take a moment). */
async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function register(page: Page, company: string, from: 'url' | 'login-page' = 'url'): Promise<void> {
  if (from === 'url') await page.goto('/register');
  else await page.getByRole('link', { name: '还没有账户？立即注册' }).click();
  await page.getByLabel('公司名称').fill(company);
  await page.getByLabel('联系人').fill('陈静');
  await page.getByLabel('邮箱').fill(`c-${randomBytes(5).toString('hex')}@example.com`);
  await page.getByLabel('手机号码').fill('13800138000');
  // The server's password rule answers next to the field, in Chinese.
  await page.getByLabel('密码').fill('aaaaaaaaaaaa');
  await page.getByRole('button', { name: '注册并登录' }).click();
  await page.getByText('密码太简单，请混合字母、数字或符号').waitFor();
  await page.getByLabel('密码').fill('correct horse 1');
  await page.getByRole('button', { name: '注册并登录' }).click();
  await page.waitForURL((url) => url.pathname !== '/register');
}

/** A number with an AABB tail, found through the search page's shared URL. */
async function findByPattern(page: Page): Promise<string> {
  await page.goto('/?pattern=tail:AABB');
  const card = page.locator('[data-testid=number-card]').first();
  await card.waitFor();
  const digits = (await card.getAttribute('data-digits')) ?? '';
  expect(digits).toMatch(/(\d)\1(\d)\2$/);
  return digits;
}

/** Number page: the grade explained, the cheapest allowed plan chosen, the estimate, the hold. */
async function holdWithPlan(page: Page, digits: string): Promise<string> {
  await page.goto(`/numbers/${digits}`);
  await page.getByTestId('grade-explanation').waitFor();
  await page.locator('.plan-picker .ant-radio-wrapper:not(.ant-radio-wrapper-disabled)').first().click();
  await page.getByText(/^套餐首年：/).waitFor();
  await screenshot(
    page,
    `storefront-purchase-number-${page.viewportSize()?.width === 375 ? 'phone' : 'desktop'}`,
  );
  await page.getByRole('button', { name: '预留这个号码' }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

const orderStatus = (page: Page) => page.getByTestId('order-page').getAttribute('data-status');
const waitForStatus = (page: Page, status: string, timeout = 20_000) =>
  page.locator(`[data-testid=order-page][data-status=${status}]`).waitFor({ timeout });

function ids(serial: string) {
  const uscc17 = `91440300${serial}`;
  const id17 = `${serial.slice(0, 6)}19850505${serial.slice(6)}`;
  return {
    uscc: `${uscc17}${usccCheckCharacter(uscc17)}`,
    idNumber: `${id17}${residentIdCheckCharacter(id17)}`,
  };
}

async function upload(page: Page, kind: string): Promise<void> {
  // A file on disk: Jest's module realm hands Playwright a Buffer it does not recognise.
  const path = join(dir, `${kind}-${randomBytes(3).toString('hex')}.png`);
  await writeFile(path, samplePng());
  await page.locator(`#upload-${kind}`).setInputFiles(path);
  await page
    .getByTestId(`upload-${kind}`)
    .getByText(/^✓ 已上传/)
    .waitFor();
}

describe('the storefront purchase path', () => {
  it('takes a business from search to a live number on a desktop', async () => {
    const { context, page } = await openPage(browser, api.url, 'desktop');
    try {
      await register(page, '深圳好码测试有限公司');
      const digits = await findByPattern(page);
      await screenshot(page, 'storefront-purchase-search');
      const orderId = await holdWithPlan(page, digits);
      await screenshot(page, 'storefront-purchase-order');

      // The order: the server's price, the hold counting down, one extension taken.
      await page.getByTestId('price-total').waitFor();
      expect(await page.getByTestId('price-lines').getByText('选号费').count()).toBe(1);
      await page
        .getByTestId('hold-countdown')
        .getByText(/^\d{2}:\d{2}$|^\d+:\d{2}:\d{2}$/)
        .waitFor();
      const left = await page.getByText(/^还可延长 \d+ 次$/).textContent();
      await page.getByRole('button', { name: '延长预留' }).click();
      await page.waitForFunction(
        (before) => ![...document.querySelectorAll('span')].some((s) => s.textContent === before),
        left,
      );

      // Sign: every agreement shown in full and ticked, the signer named.
      const boxes = page.getByLabel(/^我已阅读并同意/);
      expect(await boxes.count()).toBe(2);
      for (const box of await boxes.all()) await box.check();
      await page.getByLabel('签署人姓名').fill('陈静');
      await page.getByLabel('签署人职务').fill('总经理');
      await screenshot(page, 'storefront-purchase-sign');
      await page.getByRole('button', { name: '确认签署' }).click();
      await waitForStatus(page, 'awaiting_payment');

      // Pay in the sandbox, then back to the order.
      await page.getByRole('button', { name: /^去付款 ¥/ }).click();
      await page.waitForURL(/\/sandbox\/checkout\//);
      await page.getByRole('button', { name: '支付 Pay' }).click();
      await page.getByText('付款已提交').waitFor();
      await page.goto(`/orders/${orderId}?checkout=success`);
      await waitForStatus(page, 'awaiting_documents');

      // The dossier: a wrong check digit is caught in the browser, next to the field.
      const { uscc, idNumber } = ids(`${process.pid % 1000}`.padStart(3, '0') + '000001');
      await page.getByLabel('公司名称（与营业执照一致）').fill('深圳好码测试有限公司');
      await page.getByLabel('统一社会信用代码').fill(uscc);
      const wrong = `${idNumber.slice(0, 17)}${idNumber.endsWith('1') ? '2' : '1'}`;
      await page.getByLabel('居民身份证号码').fill(wrong);
      await page.getByLabel('居民身份证号码').blur();
      await page.getByText('身份证号码校验位不正确，请核对').waitFor();
      await page.getByLabel('居民身份证号码').fill(idNumber);
      await page.getByLabel('姓名', { exact: true }).fill('陈静');
      await page.getByLabel('身份证有效期至').fill('2040-05-05');
      await page.getByLabel('转接号码').fill('0755-86001234');
      await page.getByLabel('号码登记人').fill('深圳好码测试有限公司');
      await page.getByLabel('登记人身份证号或公司信用代码').fill(uscc);
      await page.getByLabel('法定代表人已签署《号码使用承诺书》').check();
      await page.getByLabel('承诺书签署人').fill('陈静');
      expect(await page.getByText('身份证号码校验位不正确，请核对').count()).toBe(0);
      for (const kind of ['business_licence', 'legal_rep_id_front', 'legal_rep_id_back', 'undertaking'])
        await upload(page, kind);
      await screenshot(page, 'storefront-purchase-documents');
      await page.getByRole('button', { name: '提交审核' }).click();
      await page.getByTestId('docs-submitted').waitFor();
      expect(await orderStatus(page)).toBe('under_review');

      // The reviewer refuses the licence (through the API); the page shows why.
      const token = await page.evaluate(
        () =>
          (JSON.parse(localStorage.getItem('haoma.session.customer') ?? '{}') as { accessToken: string })
            .accessToken,
      );
      const ready = () =>
        eventually(async () => {
          const { items } = await call<{ items: { id: string; status: string }[] }>(
            'GET',
            `/api/v1/orders/${orderId}/submissions`,
            token,
          );
          const last = items.at(-1);
          return last?.status === 'awaiting_review' ? last.id : undefined;
        });
      await call('POST', `/api/v1/staff/reviews/${await ready()}/reject`, reviewerToken, {
        reasons: [{ code: 'SEAL_MISSING', target: 'business_licence' }],
      });
      await page.getByTestId('rejection').waitFor();
      await screenshot(page, 'storefront-purchase-rejected');

      // Fixed: a new licence, the rest carried over, submitted again; approved; live.
      await upload(page, 'business_licence');
      await page.getByRole('button', { name: '修改后重新提交' }).click();
      await page.getByTestId('docs-submitted').waitFor();
      await call('POST', `/api/v1/staff/reviews/${await ready()}/approve`, reviewerToken, {});
      await waitForStatus(page, 'active', 30_000);
      await page.getByText('已开通').first().waitFor();
      await screenshot(page, 'storefront-purchase-active');

      await page.getByRole('link', { name: '我的订单' }).click();
      await page.getByTestId('order-row').first().waitFor();
      await page.getByRole('link', { name: '我的号码' }).click();
      await page.getByTestId('service-row').getByText(digits.slice(-4)).waitFor();
      await screenshot(page, 'storefront-purchase-services');
    } finally {
      await context.close();
    }
  }, 80_000);

  it('holds a number on a 375 px phone, with nothing wider than the screen', async () => {
    const { context, page } = await openPage(browser, api.url, 'phone');
    const fits = async () =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    try {
      // A signed-out visitor is sent to log in and brought back.
      await page.goto('/orders');
      await page.waitForURL(/\/login\?next=%2Forders$/);
      await register(page, '广州好码测试有限公司', 'login-page');
      await page.waitForURL(/\/orders$/);
      const digits = await findByPattern(page);
      await page.goto(`/numbers/${digits}`);
      await page.getByTestId('grade-explanation').waitFor();
      await fits();
      await holdWithPlan(page, digits);
      await page.getByTestId('hold-countdown').waitFor();
      await page.getByLabel('签署人姓名').waitFor();
      await fits();
      await screenshot(page, 'storefront-purchase-order-phone');
    } finally {
      await context.close();
    }
  }, 40_000);
});
