/**
 * Contrast, measured in Chromium: every text of the rendered schedule (titles, chips, buttons,
 * times, labels) at WCAG AA, 4.5:1 against what is behind it, in the page `programme render`
 * writes (light, and dark through prefers-color-scheme) and in the webview under each of VS
 * Code's theme kinds (body class vscode-light / vscode-dark / vscode-high-contrast, with the
 * theme's colours as VS Code sets them, as --vscode-* variables on the html element).
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { analyze, buildSchedule } from '../../server/src/core';
import { programme } from '../support/fixtures';
import { launch, stubVsCodeApi } from './chromium';

const ROOT = path.join(__dirname, '../../..');
const EXAMPLE = path.join(ROOT, 'examples/lpc2021-vfio-iommu-pci.programme.yaml');

/** The example plus what else the page can show: a conflict (error chip and badge), a warning, a break, a discussion. */
const BUSY = programme({
  top: 'rooms:\n  hall:\n    title: Main hall\n',
  track: '    room: hall\n',
  slots: `      - title: Early
        start: 2021-09-21 07:00
        duration: 30m
        speakers: [alice]
      - title: Late
        start: 2021-09-21 07:20
        duration: 20m
      - title: Coffee
        kind: break
        start: 2021-09-21 08:00
        duration: 15m
      - title: Open floor
        kind: discussion
        start: 2021-09-21 08:15
        duration: 30m
        materials:
          - { title: Slides, url: "https://example.org/slides" }
`,
});

/** Colours of VS Code's default themes for the variables the preview reads. */
const THEMES: Record<string, Record<string, string>> = {
  'vscode-light': {
    'editor-background': '#ffffff',
    'editor-foreground': '#3b3b3b',
    descriptionForeground: '#3b3b3b',
    'panel-border': '#e5e5e5',
    'textLink-foreground': '#005fb8',
    focusBorder: '#005fb8',
    'editorError-foreground': '#e51400',
    'editorWarning-foreground': '#bf8803',
    'editorInfo-foreground': '#1a85ff',
    'dropdown-background': '#ffffff',
    'dropdown-foreground': '#3b3b3b',
    'dropdown-border': '#cecece',
    'button-background': '#005fb8',
    'button-foreground': '#ffffff',
  },
  'vscode-dark': {
    'editor-background': '#1f1f1f',
    'editor-foreground': '#cccccc',
    descriptionForeground: '#9d9d9d',
    'panel-border': '#2b2b2b',
    'textLink-foreground': '#4daafc',
    focusBorder: '#0078d4',
    'editorError-foreground': '#f85149',
    'editorWarning-foreground': '#cca700',
    'editorInfo-foreground': '#3794ff',
    'dropdown-background': '#313131',
    'dropdown-foreground': '#cccccc',
    'dropdown-border': '#3c3c3c',
    'button-background': '#0078d4',
    'button-foreground': '#ffffff',
  },
  'vscode-high-contrast': {
    'editor-background': '#000000',
    'editor-foreground': '#ffffff',
    descriptionForeground: '#ffffff',
    'panel-border': '#6fc3df',
    'textLink-foreground': '#21a6ff',
    focusBorder: '#f38518',
    'editorError-foreground': '#f48771',
    'editorWarning-foreground': '#ffd370',
    'editorInfo-foreground': '#3794ff',
    'dropdown-background': '#000000',
    'dropdown-foreground': '#ffffff',
    'dropdown-border': '#6fc3df',
    'button-background': '#000000',
    'button-foreground': '#ffffff',
    'button-border': '#6fc3df',
    contrastBorder: '#6fc3df',
    contrastActiveBorder: '#f38518',
  },
};

interface Finding {
  selector: string;
  text: string;
  ratio: number;
  color: string;
  background: string;
  /** Which page. */
  where?: string;
}

/**
 * Every element with text of its own, its colour and the colour behind it (its own background
 * or the nearest ancestor's, semi-transparent layers composited), and their contrast ratio.
 */
function measure(page: Page): Promise<Finding[]> {
  return page.evaluate(() => {
    type RGBA = [number, number, number, number];
    const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    // The canvas turns any CSS colour (rgb(), color(srgb ...), color-mix results) into bytes.
    const parse = (css: string): RGBA => {
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = '#000';
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const over = (top: RGBA, below: RGBA): RGBA => [0, 1, 2].map((i) => top[i] * top[3] + below[i] * (1 - top[3])).concat(1) as RGBA;
    const backdrop = (el: Element | null): RGBA => {
      if (!el) return [255, 255, 255, 1];
      const bg = parse(getComputedStyle(el).backgroundColor);
      if (bg[3] >= 1) return bg;
      return over(bg, backdrop(el.parentElement));
    };
    const lum = ([r, g, b]: RGBA): number => {
      const c = [r, g, b].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const name = (el: Element): string => `${el.tagName.toLowerCase()}${el.classList.length ? '.' + Array.from(el.classList).join('.') : ''}`;
    const out: { selector: string; text: string; ratio: number; color: string; background: string }[] = [];
    for (const el of Array.from(document.querySelectorAll('#app *'))) {
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      const style = getComputedStyle(el);
      if (!own || style.visibility === 'hidden' || style.display === 'none' || ((el as HTMLElement).offsetParent === null && style.position !== 'fixed'))
        continue;
      const bg = backdrop(el);
      const fg = over(parse(style.color), bg);
      const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      out.push({
        selector: name(el),
        text: own.slice(0, 40),
        ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
        color: `rgb(${fg.slice(0, 3).map(Math.round).join(',')})`,
        background: `rgb(${bg.slice(0, 3).map(Math.round).join(',')})`,
      });
    }
    return out;
  });
}

function assertReadable(findings: Finding[], where: string, mustInclude: string[]): void {
  for (const selector of mustInclude) {
    assert.ok(
      findings.some((f) => f.selector.startsWith(selector)),
      `${where}: nothing measured for ${selector}`,
    );
  }
  const low = findings.filter((f) => f.ratio < 4.5);
  assert.deepStrictEqual(
    low.map((f) => `${f.where}: ${f.selector} "${f.text}" ${f.ratio}:1 (${f.color} on ${f.background})`),
    [],
    `${where}: text below 4.5:1`,
  );
}

const MEASURED = ['h1', 'span.slot-title', 'span.count-chip', 'li.chip', 'button', 'span.badge'];

let browser: Browser;
let dir: string;

function render(name: string, text?: string): string {
  const input = text === undefined ? EXAMPLE : path.join(dir, `${name}.programme.yaml`);
  if (text !== undefined) fs.writeFileSync(input, text);
  const out = path.join(dir, `${name}.html`);
  execFileSync(process.execPath, [path.join(ROOT, 'bin/programme.js'), 'render', input, '-o', out], { stdio: 'pipe' });
  return out;
}

/** The grid view, then the agenda view. */
async function both(page: Page, where: string): Promise<Finding[]> {
  const grid = await measure(page);
  await page.click('.mode button:text("Agenda")');
  const agenda = await measure(page);
  return [...grid, ...agenda].map((f) => ({ ...f, where }));
}

suite('contrast of every text (WCAG AA, 4.5:1)', function () {
  this.timeout(60_000);

  suiteSetup(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'programme-contrast-'));
    browser = await launch();
  });

  suiteTeardown(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`programme render's page, prefers-color-scheme: ${colorScheme}`, async () => {
      const findings: Finding[] = [];
      for (const [name, text] of [
        ['example', undefined],
        ['busy', BUSY],
      ] as const) {
        const page = await browser.newPage({ colorScheme, viewport: { width: 1280, height: 900 } });
        await page.goto(pathToFileURL(render(`${name}-${colorScheme}`, text)).href);
        await page.waitForSelector('header.top h1');
        findings.push(...(await both(page, name)));
        await page.close();
      }
      assertReadable(findings, colorScheme, MEASURED);
    });
  }

  for (const [kind, colours] of Object.entries(THEMES)) {
    test(`the webview in a ${kind.replace('vscode-', '')} theme`, async () => {
      const findings: Finding[] = [];
      for (const [name, text] of [
        ['example', fs.readFileSync(EXAMPLE, 'utf8')],
        ['busy', BUSY],
      ] as const) {
        const view = buildSchedule(analyze(text), { uri: 'file:///p.programme.yaml', version: 1 });
        const dist = pathToFileURL(path.join(ROOT, 'dist')).href;
        const vars = Object.entries(colours)
          .map(([k, v]) => `--vscode-${k}: ${v};`)
          .join(' ');
        const state = JSON.stringify({ uri: 'file:///p.programme.yaml', view }).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
        const file = path.join(dir, `${name}-${kind}.html`);
        fs.writeFileSync(
          file,
          `<!DOCTYPE html><html style="${vars}"><head><meta charset="utf-8"><link rel="stylesheet" href="${dist}/webview.css"></head>
<body class="${kind}"><div id="app" data-state="${state}"></div><script src="${dist}/webview.js"></script></body></html>`,
        );
        // The webview's colour scheme is the theme's, whatever the machine's is.
        const page = await browser.newPage({ colorScheme: kind === 'vscode-light' ? 'light' : 'dark', viewport: { width: 1280, height: 900 } });
        await stubVsCodeApi(page);
        await page.goto(pathToFileURL(file).href);
        await page.waitForSelector('header.top h1');
        findings.push(...(await both(page, name)));
        // The chosen view is told apart from the other by more than its text colour.
        const looks = await page.$$eval('.mode button', (bs) =>
          bs.map((b) => {
            const s = getComputedStyle(b);
            return [s.backgroundColor, s.borderTopColor, s.borderTopWidth, s.textDecorationLine].join(' ');
          }),
        );
        assert.notStrictEqual(looks[0], looks[1], `${kind}: the selected view button looks like the other (${looks[0]})`);
        await page.close();
      }
      assertReadable(findings, kind, MEASURED);
    });
  }
});
