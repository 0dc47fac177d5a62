// Debian's Chromium driven by playwright-core; `npx playwright install` cannot download a browser here.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 780 };

/** playwright's launch() gives every browser a fresh, temporary user data dir. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

export type UserPage = Page & {
  /** Uncaught exceptions and console errors (CSP violations among them), except failed API calls. */
  errors: string[];
};

/** A page in its own context, so each user has their own cookies. */
export async function newUserPage(browser: Browser, baseURL: string, viewport = DESKTOP): Promise<UserPage> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'en-PH', timezoneId: 'Asia/Manila' });
  const page = Object.assign(await context.newPage(), { errors: [] as string[] });
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.on('console', (message) => {
    // A refused API call (401, 404) is logged by the browser itself; the page shows it as a message.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) page.errors.push(message.text());
  });
  return page;
}

const artifactsDir = fileURLToPath(new URL('../../artifacts', import.meta.url));

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

/**
 * Saves the page as it looks on a desktop and on a 360 px phone, and fails if the phone layout scrolls
 * sideways. Resizing keeps the page as it is: no reload, no lost state.
 */
export async function screenshotDesktopAndPhone(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  try {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) throw new Error(`${name} is ${overflow} px wider than a ${PHONE.width} px phone`);
    await saveScreenshot(page, `${name}-360`);
  } finally {
    await page.setViewportSize(DESKTOP);
  }
}
