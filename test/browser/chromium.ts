/** Launching Debian's Chromium for the browser tests, and watching a page for what nobody should see. */
import { Browser, chromium, Page } from 'playwright-core';

export const CHROMIUM = process.env.PROGRAMME_CHROMIUM || '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Dialogs, script errors and CSP refusals (logged as console errors), and requests off the disk. */
export interface Watch {
  dialogs: string[];
  errors: string[];
  requests: string[];
}

export function watch(page: Page): Watch {
  const w: Watch = { dialogs: [], errors: [], requests: [] };
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') w.errors.push(m.text());
  });
  page.on('pageerror', (e) => w.errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) w.requests.push(r.url());
  });
  return w;
}

export function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));
}

/** Before any script of `page` runs: a silent `acquireVsCodeApi`, as a webview page outside VS Code needs (nothing posted is kept). */
export async function stubVsCodeApi(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
      postMessage: () => undefined,
      getState: () => undefined,
      setState: () => undefined,
    });
  });
}
