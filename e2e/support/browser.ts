// Headless Chromium driven by playwright-core: by default the build that comes with `npm install` in
// @sparticuz/chromium (Linux x86-64), so the tests need no browser on the machine; CHROMIUM_PATH
// overrides it with any Chromium or Chrome binary.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import sparticuz from '@sparticuz/chromium';
import { type Browser, chromium, type LaunchOptions, type Page } from 'playwright-core';
import { repoRoot, userCacheDir } from '../../scripts/lib/paths';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Flags of @sparticuz/chromium (tuned for AWS Lambda) that the tests leave out:
// --single-process puts every page in the browser's own process, a mode Chromium does not support: one
//   renderer crash would end all the users' contexts a test has open; --no-zygote stays, it is harmless.
// --disable-web-security, --allow-running-insecure-content, --disable-site-isolation-trials: the tests
//   must meet the same-origin policy and isolation that buyers' browsers enforce.
// --disable-features= and --enable-features=: Chromium keeps only the last of each, so they would replace
//   playwright's own lists (paint holding off, HTTPS upgrades off, its screenshot path on).
// --headless='shell': playwright's `headless: true` passes --headless.
const LEFT_OUT = [
  '--single-process',
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--disable-features=',
  '--enable-features=',
  '--headless',
];

/** The time zone every test page runs in, so dates on the page can be computed in the test. */
export const BROWSER_TIME_ZONE = 'Asia/Manila';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 780 };

/**
 * playwright's launch() gives every browser a fresh, temporary user data dir. A browser that cannot
 * start rejects with how to fix it; tests await it through newUserPage, so they fail rather than skip.
 */
export async function launchBrowser(): Promise<Browser> {
  const customPath = process.env.CHROMIUM_PATH;
  try {
    const options: LaunchOptions = customPath ? { executablePath: customPath, args: CHROMIUM_FLAGS } : await bundledChromium();
    return await chromium.launch({ ...options, headless: true });
  } catch (error) {
    const which = customPath
      ? `The browser at CHROMIUM_PATH (${customPath}) could not start.`
      : `The Chromium of @sparticuz/chromium could not start (it is for Linux x86-64; run \`npm install\` if it is missing, or delete ${chromiumCacheDir()} to unpack it again).`;
    throw new Error(
      `${which} Set CHROMIUM_PATH to a Chromium or Chrome binary, e.g. \`CHROMIUM_PATH=/usr/bin/chromium npm test\`.\n${String(error)}`,
      { cause: error },
    );
  }
}

const sparticuzDir = dirname(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')));

function chromiumCacheDir(): string {
  const { version } = JSON.parse(readFileSync(join(sparticuzDir, 'package.json'), 'utf8')) as { version: string };
  return join(userCacheDir, 'chromium', version);
}

async function bundledChromium(): Promise<LaunchOptions> {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(`There is no ${process.platform}-${process.arch} build in @sparticuz/chromium.`);
  const dir = chromiumCacheDir();
  const executablePath = join(dir, 'chromium');
  if (!existsSync(executablePath)) {
    unpacking ??= unpackChromium(dir);
    await unpacking;
  }
  // Rendering stays without a GPU (--disable-gpu): this swaps sparticuz's SwiftShader flags for --disable-webgl.
  sparticuz.setGraphicsMode = false;
  const args = [...new Set([...sparticuz.args.filter((arg) => !LEFT_OUT.some((flag) => arg.startsWith(flag))), ...CHROMIUM_FLAGS])];
  const env: Record<string, string> = { ...(process.env as Record<string, string>), FONTCONFIG_FILE: join(dir, 'fonts.conf') };
  // NSS and expat come with the system on most machines; a fresh image may lack them, and then the
  // copies sparticuz ships for Amazon Linux (glibc 2.34 or newer) stand in.
  if (lacksLibraries(executablePath))
    env.LD_LIBRARY_PATH = [join(dir, 'al2023/lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return { executablePath, args, env };
}

/** Once per process, however many browsers a test file launches at the same time. */
let unpacking: Promise<void> | undefined;

/**
 * sparticuz unpacks into os.tmpdir() (chromium, fonts, SwiftShader; the Amazon Linux libraries on
 * request). A child process with its own TMPDIR unpacks into a private folder that is then renamed into
 * place whole, so test files and runs in parallel never see a half-written binary.
 */
async function unpackChromium(dir: string): Promise<void> {
  mkdirSync(dirname(dir), { recursive: true });
  const staging = mkdtempSync(`${dir}.unpacking-`);
  try {
    const unpack =
      "const { default: chromium, inflate } = await import('@sparticuz/chromium'); await chromium.executablePath(); await inflate(process.argv[1]);";
    await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', unpack, join(sparticuzDir, 'bin/al2023.tar.br')], {
      cwd: repoRoot,
      env: { ...process.env, TMPDIR: staging },
    });
    // The system's fonts, and the Open Sans that sparticuz ships for machines that have none.
    const fontsConf = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${xmlText(join(dir, 'fonts/fonts'))}</dir>
  <cachedir>${xmlText(join(dir, 'fonts-cache'))}</cachedir>
</fontconfig>
`;
    writeFileSync(join(staging, 'fonts.conf'), fontsConf);
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another process may have finished first; the rename then fails because `dir` exists.
    if (!existsSync(join(dir, 'chromium'))) throw error;
  }
}

function lacksLibraries(executablePath: string): boolean {
  try {
    return execFileSync('ldd', [executablePath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes('not found');
  } catch {
    return false;
  }
}

const xmlText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export type UserPage = Page & {
  /** Uncaught exceptions and console errors (CSP violations among them), except failed API calls. */
  errors: string[];
};

/**
 * A page in its own context, so each user has their own cookies. Takes the browser as launchBrowser's
 * promise too: a browser that could not start then fails the test that wanted a page.
 */
export async function newUserPage(browser: Browser | Promise<Browser>, baseURL: string, viewport = DESKTOP): Promise<UserPage> {
  const context = await (await browser).newContext({ baseURL, viewport, locale: 'en-PH', timezoneId: BROWSER_TIME_ZONE });
  const page = Object.assign(await context.newPage(), { errors: [] as string[] });
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.on('console', (message) => {
    // A refused API call (401, 404) is logged by the browser itself; the page shows it as a message.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) page.errors.push(message.text());
  });
  return page;
}

const artifactsDir = join(repoRoot, 'artifacts');

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
