// The storefront search in a real browser (Debian's Chromium), against the API process
// serving the built web app on a seeded test database: a desktop and a phone-sized run.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import {
  ensureWebAppBuilt,
  TEST_REDIS_URL,
  createTestDatabase,
  launchBrowser,
  openPage,
  runCli,
  screenshot,
  startApiProcess,
  type ApiProcess,
  type TestDatabase,
} from '@haoma/testing';

let db: TestDatabase;
let api: ApiProcess;
let browser: Browser;

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
    LOG_LEVEL: 'log',
    RATE_LIMIT_PER_MINUTE: '0',
    LOGIN_RATE_LIMIT_PER_MINUTE: '0',
    AUTH_SECRET: 'test-secret-test-secret-test-secret-x',
  };
  // The demo inventory of `npm start`, smaller: 300 numbers per block, the same shuffle.
  await runCli(env, ['seed', '--demo-count', '300']);
  [api, browser] = await Promise.all([startApiProcess(env), launchBrowser()]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await db?.drop();
});

describe('the web app served by the API', () => {
  it('serves files with the right cache, the app for its routes, and JSON 404s for the API', async () => {
    const index = await fetch(`${api.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await fetch(`${api.url}${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const deep = await fetch(`${api.url}/orders/123?tab=documents`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    expect(await deep.text()).toBe(html);

    for (const path of ['/api/v1/nothing-here', '/assets/missing.js', '/docs/nothing']) {
      const missing = await fetch(`${api.url}${path}`);
      expect([path, missing.status]).toEqual([path, 404]);
      expect(missing.headers.get('content-type')).toMatch(/application\/json/);
    }
  });
});

// The cards shown, and for each the digits it marks.
async function cards(page: Page): Promise<{ digits: string; marked: string }[]> {
  return page.locator('[data-testid=number-card]').evaluateAll((elements) =>
    elements.map((e) => ({
      digits: e.getAttribute('data-digits') ?? '',
      marked: [...e.querySelectorAll('mark')].map((m) => m.textContent ?? '').join(''),
    })),
  );
}

const isTailAabb = (digits: string) => {
  const [a, a2, b, b2] = digits.slice(-4);
  return a === a2 && b === b2 && a !== b;
};

describe('storefront search', () => {
  it('finds numbers by pattern on a desktop, as you pick, with the matching digits marked', async () => {
    const { context, page } = await openPage(browser, api.url, 'desktop');
    try {
      await page.goto('/');
      await page.getByRole('heading', { name: '选择您的 400 号码' }).waitFor();
      await page.locator('[data-testid=number-card]').first().waitFor();

      // Keyboard only: the pattern picker, then its position.
      await page.getByLabel('号码规律').focus();
      await page.keyboard.type('AABB');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.search === '?pattern=any%3AAABB');
      // Enter opens the list. The results re-render as the search runs, which can take the
      // focus away from the select on a loaded machine: focus it again before each try.
      // The position picker is disabled until the pattern is in the form's state.
      await page.waitForFunction(() => {
        const label = [...document.querySelectorAll('label')].find((l) => l.textContent === '规律位置');
        const input = label?.htmlFor ? document.getElementById(label.htmlFor) : null;
        const select = input?.closest('.ant-select');
        return select !== null && select !== undefined && !select.classList.contains('ant-select-disabled');
      });
      const tail = page.locator('.ant-select-item-option[title="结尾"]');
      for (let attempt = 1; ; attempt += 1) {
        await page.getByLabel('规律位置').focus();
        await page.keyboard.press('Enter');
        const shown = await tail.waitFor({ state: 'visible', timeout: 5_000 }).then(
          () => true,
          () => false,
        );
        if (shown) break;
        if (attempt === 5) throw new Error('the position list did not open');
      }
      await tail.click();

      // The search is in the URL (replaced, not pushed, while editing).
      await page.waitForFunction(() => location.search === '?pattern=tail%3AAABB');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid=number-card]')].every((card) =>
          /^(\d)\1(\d)\2$/.test(card.getAttribute('data-digits')?.slice(-4) ?? ''),
        ),
      );
      const found = await cards(page);
      expect(found.length).toBeGreaterThan(0);
      for (const { digits, marked } of found) {
        expect(isTailAabb(digits)).toBe(true);
        expect(marked.replace(/\D/g, '')).toBe(digits.slice(-4));
      }
      await screenshot(page, 'storefront-search-desktop');

      // English, remembered across a reload; the search stays in the URL.
      await page.getByText('English').click();
      await page.getByRole('heading', { name: 'Choose your 400 number' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Choose your 400 number' }).waitFor();
      await page.locator('[data-testid=number-card]').first().waitFor();
      expect((await cards(page)).map((c) => c.digits)).toEqual(found.map((c) => c.digits));
    } finally {
      await context.close();
    }
  });

  it('works on a 375 px phone, from a shared search URL, and offers suggestions when nothing matches', async () => {
    const { context, page } = await openPage(browser, api.url, 'phone');
    try {
      await page.goto('/?pattern=tail:AABB&sort=grade_desc');
      await page.locator('[data-testid=number-card] mark').first().waitFor();
      const found = await cards(page);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((c) => isTailAabb(c.digits))).toBe(true);
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await screenshot(page, 'storefront-search-phone');

      await page.getByLabel('结尾数字').fill('0000000');
      await page.getByTestId('no-results').waitFor();
      await screenshot(page, 'storefront-search-no-results-phone');
    } finally {
      await context.close();
    }
  });
});
