import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
export const SCREENSHOTS = path.join(__dirname, 'screenshots');

/** Debian's chromium, installed by scripts/install-system-deps.sh --browser (npm test's pretest). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags a closed network makes chromium wait on its own services.
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Builds apps/web when its sources changed since the last build (a no-op otherwise). */
export function ensureWebBuilt(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'apps/web/scripts/build-web.mjs'), '--no-budget'], { cwd: ROOT, stdio: 'pipe', timeout: 300_000 });
}

export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no chromium at ${CHROMIUM}: run "bash scripts/install-system-deps.sh --browser" (npm test does) or set CHROMIUM_PATH`);
  }
  // launch() gives every run a fresh, throwaway profile (user-data-dir) of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 60_000 });
  return { browser, close: () => browser.close() };
}

export async function newPage(session: BrowserSession, viewport: { width: number; height: number }): Promise<Page> {
  const phone = viewport.width < 500;
  const context = await session.browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1, isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core (from npm, injected into the page) against WCAG 2.1 A/AA; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Scan the settled page: an element still fading in or out (a dialog closing after a confirmed bid)
  // has no real colours yet, and axe would judge its contrast mid-fade. Endless animations (spinners) are left.
  await page.waitForFunction(`document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)`);
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    // Runs in the page (the test's tsconfig has no DOM types, hence the shape spelt out here).
    const page = globalThis as unknown as { document: unknown; axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } };
    const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
