/** `programme check`: the same diagnostics as the editor, as text or JSON. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { loadConfig, readText } from '../io';
import { analyze, SEVERITY_NAME, toDiagnostics, sizeProblem } from '../../core';

export interface FileResult {
  file: string;
  text: string;
  diagnostics: Diagnostic[];
}

export function checkFile(file: string, configFile?: string): FileResult {
  const config = loadConfig(configFile, file);
  const text = readText(file);
  const doc = TextDocument.create(`file://${encodeURI(file)}`, 'programme', 1, text);
  const tooLarge = sizeProblem(text);
  const problems = tooLarge ? [tooLarge] : analyze(text).problems;
  return { file, text, diagnostics: toDiagnostics(problems, doc, config.severity) };
}

export function hasErrors(results: FileResult[]): boolean {
  return results.some((r) => r.diagnostics.some((d) => d.severity === 1));
}

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      lines.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY_NAME[d.severity!]} ${String(d.code)}: ${d.message}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(results.map((r) => ({
    file: r.file,
    diagnostics: r.diagnostics.map((d) => ({ code: d.code, severity: SEVERITY_NAME[d.severity!], message: d.message, range: d.range })),
  })), null, 2) + '\n';
}
