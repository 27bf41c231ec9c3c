// The staff console in a real browser (Debian's Chromium) against the API process serving the
// built web app: a salesperson finds an order on the board, adds a note (an unknown @mention
// is refused next to the field) and records a bank transfer for another order; a reviewer
// rejects one submission and approves another with the keyboard. State is built through the
// API as a customer would leave it; the worker runs the pre-check of each submission.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { residentIdCheckCharacter, usccCheckCharacter } from '@haoma/domain';
import {
  ensureWebAppBuilt,
  TEST_REDIS_URL,
  createTestDatabase,
  launchBrowser,
  openPage,
  runCli,
  screenshot,
  killWorker,
  startApiProcess,
  startWorker,
  type ApiProcess,
  type TestDatabase,
  type WorkerProcess,
} from '@haoma/testing';

const ROOT = join(__dirname, '..', '..', '..');
const PASSWORD = 'Staff pass 123';
const KINDS = ['business_licence', 'legal_rep_id_front', 'legal_rep_id_back', 'undertaking'];

let db: TestDatabase;
let api: ApiProcess;
let browser: Browser;
let worker: WorkerProcess;
const DOCUMENTS_DIR = join(ROOT, '.data', 'test-documents', randomBytes(4).toString('hex'));
let salesToken: string;
let staffEmails: { sales: string; reviewer: string; admin: string };
const spareNumbers: string[] = [];

interface Customer {
  id: string;
  headers: Record<string, string>;
}

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      ...headers,
      ...(body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

async function login(email: string): Promise<string> {
  const session = await call<{ accessToken: string }>(
    'POST',
    '/api/v1/staff/auth/login',
    {},
    { email, password: PASSWORD },
  );
  return session.accessToken;
}

async function customer(companyName: string): Promise<Customer> {
  const session = await call<{ account: { id: string }; accessToken: string }>(
    'POST',
    '/api/v1/auth/register',
    {},
    {
      companyName,
      contactName: '陈静',
      email: `c-${randomBytes(5).toString('hex')}@example.com`,
      mobile: '13800138000',
      password: 'correct horse 1',
    },
  );
  return { id: session.account.id, headers: { authorization: `Bearer ${session.accessToken}` } };
}

/** A standard number held, priced with the basic plan and signed: the order awaits payment. */
async function awaitingPayment(who: Customer): Promise<{ id: string; orderNo: string; totalFen: number }> {
  if (spareNumbers.length === 0) {
    const found = await call<{ items: { digits: string }[] }>(
      'GET',
      '/api/v1/numbers?grade=standard&limit=20',
      {},
    );
    spareNumbers.push(...found.items.map((n) => n.digits));
  }
  const number = spareNumbers.shift();
  if (!number) throw new Error('no standard number left');
  const order = await call<{ id: string }>('POST', '/api/v1/orders', who.headers, { number });
  await call('PUT', `/api/v1/orders/${order.id}/selection`, who.headers, {
    planCode: 'basic',
    featureCodes: [],
  });
  const agreements = await call<{ items: { kind: string; version: number }[] }>(
    'GET',
    '/api/v1/agreements',
    {},
  );
  await call('POST', `/api/v1/orders/${order.id}/signature`, who.headers, {
    signerName: '陈静',
    signerTitle: '经理',
    agreements: agreements.items.map((a) => ({ kind: a.kind, version: a.version })),
  });
  const detail = await call<{ orderNo: string; totalFen: number }>(
    'GET',
    `/api/v1/staff/orders/${order.id}`,
    {
      authorization: `Bearer ${salesToken}`,
    },
  );
  return { id: order.id, orderNo: detail.orderNo, totalFen: detail.totalFen };
}

/** A real 320×200 PNG of one colour, so the review screen has a picture to decode and show. */
function scanPng(rgb: readonly [number, number, number]): Uint8Array<ArrayBuffer> {
  const [width, height] = [320, 200];
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3] ?? 0)]);
  // A copy on its own ArrayBuffer: what Blob takes.
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

let serial = 0;
/** An order paid by bank transfer (through the API) with a complete dossier submitted; not yet pre-checked. */
async function submission(companyName: string): Promise<string> {
  const who = await customer(companyName);
  const order = await awaitingPayment(who);
  await call(
    'POST',
    `/api/v1/staff/orders/${order.id}/bank-transfers`,
    { authorization: `Bearer ${salesToken}` },
    {
      amountFen: order.totalFen,
      payerName: companyName,
      reference: `SETUP-${randomBytes(4).toString('hex')}`,
      receivedOn: '2026-01-05',
    },
  );
  const documentIds: string[] = [];
  for (const kind of KINDS) {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([scanPng([240, 230, 200])], { type: 'image/png' }), `${kind}.png`);
    documentIds.push((await call<{ id: string }>('POST', '/api/v1/documents', who.headers, form)).id);
  }
  serial += 1;
  const digits = `${process.pid % 1000}`.padStart(3, '0') + `${serial}`.padStart(6, '0');
  const usccPrefix = `91440300${digits}`;
  const idPrefix = `${digits.slice(0, 6)}19850505${digits.slice(6)}`;
  const uscc = `${usccPrefix}${usccCheckCharacter(usccPrefix)}`;
  const dossier = await call<{ id: string }>('POST', '/api/v1/dossiers', who.headers, {
    form: {
      company: { name: companyName, uscc, licenceExpiresOn: null },
      legalRepresentative: {
        name: '陈静',
        idNumber: `${idPrefix}${residentIdCheckCharacter(idPrefix)}`,
        idExpiresOn: '2040-05-05',
      },
      handler: null,
      destinations: [{ number: '0755-86001234', ownerName: companyName, ownerIdNumber: uscc }],
      industry: { regulated: false },
      undertakingSigned: true,
      undertakingSignerName: '陈静',
    },
    documentIds,
  });
  const submitted = await call<{ id: string }>(
    'POST',
    `/api/v1/orders/${order.id}/submissions`,
    who.headers,
    {
      dossierId: dossier.id,
    },
  );
  return submitted.id;
}

async function signIn(page: Page, email: string, path: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { name: '员工登录' }).waitFor();
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(PASSWORD);
  // Ant Design spaces out a two-character Chinese label (登 录).
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
}

async function submissionStatus(reviewerToken: string, id: string): Promise<string> {
  const review = await call<{ status: string }>('GET', `/api/v1/staff/reviews/${id}`, {
    authorization: `Bearer ${reviewerToken}`,
  });
  return review.status;
}

/** Waits (polling the API) until the worker has pre-checked the submission. */
async function prechecked(reviewerToken: string, id: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await submissionStatus(reviewerToken, id)) === 'awaiting_review') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`submission ${id} was not pre-checked:\n${worker.output.join('')}`);
}

beforeAll(async () => {
  ensureWebAppBuilt();
  db = await createTestDatabase();
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
    API_HOST: '127.0.0.1',
    API_PORT: '0',
    // The API says where it listens at level log.
    LOG_LEVEL: 'log',
    RATE_LIMIT_PER_MINUTE: '0',
    LOGIN_RATE_LIMIT_PER_MINUTE: '0',
    AUTH_SECRET: 'test-secret-test-secret-test-secret-x',
    // Uploads and import files of this run only, removed afterwards.
    DOCUMENTS_DIR,
  };
  const suffix = randomBytes(4).toString('hex');
  staffEmails = {
    sales: `sales-${suffix}@haoma.test`,
    reviewer: `reviewer-${suffix}@haoma.test`,
    admin: `admin-${suffix}@haoma.test`,
  };
  const createStaff = (role: 'sales' | 'reviewer' | 'admin', name: string) =>
    runCli(env, [
      'staff',
      'create',
      '--email',
      staffEmails[role],
      '--name',
      name,
      '--role',
      role,
      '--password',
      PASSWORD,
    ]);
  await runCli(env, ['seed', '--demo-count', '100']);
  [api, browser, worker] = await Promise.all([
    startApiProcess(env),
    launchBrowser(),
    startWorker(env),
    createStaff('sales', '王销售'),
    createStaff('reviewer', '李审核'),
    createStaff('admin', '张管理'),
  ]);
  salesToken = await login(staffEmails.sales);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  if (worker) await killWorker(worker);
  await rm(DOCUMENTS_DIR, { recursive: true, force: true });
  await db?.drop();
});

describe('the staff console', () => {
  it('a salesperson finds an order on the board, adds a note and records a bank transfer', async () => {
    const noted = await awaitingPayment(await customer('杭州看板测试有限公司'));
    const paying = await awaitingPayment(await customer('成都转账测试有限公司'));

    const { context, page } = await openPage(browser, api.url, 'desktop');
    try {
      await signIn(page, staffEmails.sales, '/console');
      await page.getByRole('heading', { name: '销售看板' }).waitFor();
      await page.getByTestId('board-column-awaiting_payment').waitFor();
      await screenshot(page, 'console-board');

      // The search goes into the URL, so the filtered board can be shared or reloaded.
      await page.getByLabel('搜索').fill('杭州看板');
      await page.getByLabel('搜索').press('Enter');
      await page.waitForURL(/q=%E6%9D%AD%E5%B7%9E/);
      await page.reload();
      await page.getByRole('link', { name: noted.orderNo, exact: true }).click();
      await page.getByRole('heading', { name: `订单 ${noted.orderNo}` }).waitFor();

      // An unknown mention is refused next to the note field; a plain note is added.
      await page.getByLabel('添加备注').fill('请跟进 @nobody@haoma.test');
      await page.getByRole('button', { name: '添加备注' }).click();
      await page.getByText('找不到这些同事：@nobody@haoma.test').waitFor();
      await page.getByLabel('添加备注').fill('客户来电，明天付款');
      await page.getByRole('button', { name: '添加备注' }).click();
      await page.getByTestId('notes-list').getByText('客户来电，明天付款').waitFor();
      await page.getByTestId('activity-feed').getByText('客户来电，明天付款').first().waitFor();
      await screenshot(page, 'console-order-detail');

      // The other order: a wrong amount is refused next to the amount, the right one pays it.
      await page.goto(`/console/orders/${paying.id}`);
      await page.getByRole('heading', { name: `订单 ${paying.orderNo}` }).waitFor();
      await page.getByLabel('金额（元）').fill('1');
      await page.getByLabel('银行流水号').fill('ICBC20260105-0001');
      await page.getByRole('button', { name: '登记转账' }).click();
      await page.getByText(/金额须等于订单总额 ¥/).waitFor();
      await page.getByLabel('金额（元）').fill(String(paying.totalFen / 100));
      await page.getByRole('button', { name: '登记转账' }).click();
      await page.getByTestId('order-status').getByText('待提交资料').waitFor();
      const paid = await call<{ status: string }>('GET', `/api/v1/staff/orders/${paying.id}`, {
        authorization: `Bearer ${salesToken}`,
      });
      expect(paid.status).toBe('awaiting_documents');
      await screenshot(page, 'console-bank-transfer');

      // The reports count the transfer: the funnel's paid step and the period's revenue.
      await page.getByRole('menuitem', { name: '报表' }).click();
      await page.getByTestId('funnel-chart').getByText('付款').waitFor();
      await page
        .getByTestId('revenue-chart')
        .getByText(/净收入 ¥1,200\.00/)
        .waitFor();
      await screenshot(page, 'console-reports');
    } finally {
      await context.close();
    }
  }, 45_000);

  it('a reviewer rejects one submission with a reason and approves the next from the keyboard', async () => {
    const reviewerToken = await login(staffEmails.reviewer);
    const first = await submission('广州驳回测试有限公司');
    const second = await submission('深圳通过测试有限公司');
    await prechecked(reviewerToken, first);
    await prechecked(reviewerToken, second);

    const { context, page } = await openPage(browser, api.url, 'desktop');
    try {
      await signIn(page, staffEmails.reviewer, '/console/reviews');
      await page.waitForURL(new RegExp(`/console/reviews/${first}`));
      await page.getByRole('heading', { name: /广州驳回测试有限公司/ }).waitFor();
      // Fetched with the reviewer's token and shown from an object URL: the picture decodes.
      await page.waitForFunction(
        "document.querySelector('[data-testid=document-business_licence]')?.naturalWidth === 320",
      );
      // Each document is titled by what it is, in the reviewer's language.
      await page.locator('.ant-card-head-title', { hasText: '营业执照' }).first().waitFor();
      await screenshot(page, 'console-review');

      // Rejecting without a reason is refused; with one, it goes through.
      await page.keyboard.press('r');
      await page.getByText('驳回时请至少为一份材料选择原因').waitFor();
      await page.getByTestId('reason-business_licence').click();
      await page.getByTitle('不清晰').click();
      // Keys typed into a field are text: click outside the reason picker before the shortcut.
      await page.getByRole('heading', { name: /广州驳回测试有限公司/ }).click();
      await page.keyboard.press('r');
      await page.getByText('已驳回，客户需重新提交').waitFor();
      expect(await submissionStatus(reviewerToken, first)).toBe('rejected');

      await page.keyboard.press('j');
      await page.waitForURL(new RegExp(`/console/reviews/${second}`));
      await page.getByRole('heading', { name: /深圳通过测试有限公司/ }).waitFor();
      await page.keyboard.press('a');
      await page.getByText('已通过，已提交运营商').waitFor();
      expect(await submissionStatus(reviewerToken, second)).toBe('approved');
      await screenshot(page, 'console-review-approved');
    } finally {
      await context.close();
    }
  }, 45_000);

  it('an admin imports a CSV of numbers and follows it to the end, rejected lines listed', async () => {
    const { context, page } = await openPage(browser, api.url, 'desktop');
    try {
      await signIn(page, staffEmails.admin, '/console/inventory');
      await page.getByRole('heading', { name: '号码导入' }).waitFor();
      const csv = ['number', '4008912301', '4008912302', '4008912303', 'not-a-number', ''].join('\n');
      await page
        .getByLabel('CSV 文件')
        .setInputFiles({ name: 'numbers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: '上传并导入' }).click();
      // The worker imports it; the page polls until the import has finished.
      await page.getByTestId('import-status').getByText('已完成').waitFor();
      await page
        .getByTestId('import-counts')
        .getByText(/拒绝 1/)
        .waitFor();
      await page.getByRole('cell', { name: 'not-a-number' }).waitFor();
      await screenshot(page, 'console-inventory-import');

      // English on request, remembered across a reload.
      await page.getByText('English').click();
      await page.getByRole('heading', { name: 'Inventory import' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Inventory import' }).waitFor();
    } finally {
      await context.close();
    }
  }, 30_000);
});
