/**
 * `programme render FILE [-o OUT]`: the schedule as one self-contained HTML page, drawn by the
 * same renderer as the editor's preview (dist/webview.js and dist/webview.css, inlined). The
 * page needs no network: the view model travels in a JSON script element and a strict CSP
 * allows only the inlined script and style, by hash.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Command } from 'commander';
import type { ScheduleView } from '../../protocol';
import { loadConfig, readText, UsageError, STDIN, checkOutput, writeOutput } from '../io';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildSchedule, createProgrammeService } from '../../core';

export function renderCommand(): Command {
  return new Command('render')
    .description('write the schedule as a self-contained HTML page (to stdout without -o)')
    .argument('<FILE>', 'programme file, or - for standard input')
    .option('-o, --output <file>', 'write the page here (atomically) instead of stdout')
    .option('--follow-symlink', 'if the -o file is a symbolic link, write to the file it points to', false)
    .option('--config <file>', 'severity settings (default: .programme.json beside the file)')
    .action((file: string, values: RenderOptions) => {
      process.exitCode = runRender(file, values);
    });
}

interface RenderOptions {
  output?: string;
  config?: string;
  followSymlink?: boolean;
}

function runRender(file: string, values: RenderOptions): number {
  const write = { inputs: [file, ...(values.config ? [values.config] : [])], followSymlink: values.followSymlink };
  if (values.output !== undefined) checkOutput(values.output, write);
  const config = loadConfig(values.config, file);
  const text = readText(file);
  const options = { uri: file === STDIN ? 'untitled:stdin' : pathToFileURL(path.resolve(file)).href, severity: config.severity };
  const checked = createProgrammeService().get(TextDocument.create(options.uri, 'programme', 1, text));
  const view = buildSchedule(checked.analysis, options, checked.tooLarge?.message);
  const html = renderPage(view, loadAssets());
  if (values.output !== undefined) writeOutput(values.output, html, write);
  else process.stdout.write(html);
  return 0;
}

export interface Assets {
  script: string;
  style: string;
}

/** The bundled renderer, built beside this CLI bundle in dist/. */
function loadAssets(): Assets {
  const read = (name: string): string => {
    const file = path.join(__dirname, name);
    try {
      return fs.readFileSync(file, 'utf8').replace(/\n\/[/*]# sourceMappingURL=\S+(?: \*\/)?\s*$/, '\n');
    } catch {
      throw new UsageError(`render: ${name} is missing beside the CLI: run \`npm run build\` first`);
    }
  };
  return { script: read('webview.js'), style: read('webview.css') };
}

/** `<`-free JSON, safe inside a script element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Inline script text cannot contain `</script` or `<!--` (the HTML parser would end or
 * re-mode the element); in JavaScript strings and regular expressions `\x3C` means `<`.
 */
function inlineScript(js: string): string {
  return js.replace(/<(\/script|!--|script)/gi, '\\x3C$1');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sha256(s: string): string {
  return `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
}

export function renderPage(view: ScheduleView, assets: Assets): string {
  const script = inlineScript(assets.script);
  const style = assets.style.replace(/<\/style/gi, '<\\/style');
  const csp = `default-src 'none'; script-src ${sha256(script)}; style-src ${sha256(style)}; img-src https: data:; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="programme render">
<title>${escapeHtml(view.event.title || 'Schedule')}</title>
<style>${style}</style>
</head>
<body class="standalone">
<div id="app"></div>
<script type="application/json" id="programme-data">${scriptJson(view)}</script>
<script>${script}</script>
</body>
</html>
`;
}
