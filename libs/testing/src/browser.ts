// Browser tests drive Debian's Chromium through playwright-core: no browser is ever
// downloaded (`npx playwright install` cannot work here); scripts/test.sh installs the
// chromium package when /usr/bin/chromium is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Where screenshots go: kept with the other test results as CI artifacts. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', '.data', 'test-results', 'screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium; close it in afterAll. */
export async function launchBrowser(): Promise<Browser> {
  // Loaded on first use: the many suites that import @haoma/testing do not pay for it.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Screen sizes the shop is tested at: a laptop, and the smallest phone it supports. */
export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 740 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/**
 * A fresh browser context (own cookies and localStorage) at `viewport`, talking to `baseURL`,
 * with touch and a phone's pixel ratio for the phone size.
 */
export async function openPage(
  browser: Browser,
  baseURL: string,
  viewport: ViewportName,
  options: { locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const phone = viewport === 'phone';
  const context = await browser.newContext({
    baseURL,
    viewport: VIEWPORTS[viewport],
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  // Fail a missing element well within the test's own timeout, with Playwright's message.
  page.setDefaultTimeout(10_000);
  return { context, page };
}

/** Saves a full-page screenshot as `<name>.png` under SCREENSHOT_DIR; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Builds the web app into dist/apps/web unless it is there: `npm test` builds first, a lone
 * run of a browser suite builds it here.
 */
export function ensureWebAppBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'apps', 'web', 'index.html'))) return;
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}
