/**
 * `programme check --format sarif|github`: SARIF 2.1.0 (code scanning) and GitHub Actions
 * workflow commands (annotations on the pull request's lines).
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { Diagnostic } from 'vscode-languageserver-types';
import type { FileResult } from './commands/check';
import { CODES, Code, Severity, PROGRAMME_VERSION, severityName } from '../core';
import { terminalSafe } from './io';

const SARIF_LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** One SARIF run: the tool with every rule (code) and its default level, then the results. */
export function formatSarif(results: FileResult[]): string {
  const codes = Object.keys(CODES) as Code[];
  const rules: ReportingDescriptor[] = codes.map((code) => ({
    id: code,
    shortDescription: { text: `programme check \`${code}\`` },
    defaultConfiguration: { level: SARIF_LEVEL[CODES[code]] },
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'programme', version: PROGRAMME_VERSION, rules } },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) => r.diagnostics.map((d) => sarifResult(r.file, d, codes))),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function sarifResult(file: string, d: Diagnostic, codes: Code[]): Result {
  const code = String(d.code) as Code;
  const index = codes.indexOf(code);
  return {
    ruleId: code,
    ...(index >= 0 ? { ruleIndex: index } : {}),
    level: SARIF_LEVEL[severityName(d)],
    message: { text: messageText(d) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(file) },
          region: {
            startLine: d.range.start.line + 1,
            startColumn: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
          },
        },
      },
    ],
  };
}

function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** A relative path stays relative (code scanning resolves it against the repository). */
function fileUri(file: string): string {
  return file
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .split(/[\\/]/)
    .map(encodeURIComponent)
    .join('/');
}

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=CODE::MESSAGE`, one per diagnostic. */
export function formatGithub(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const props = [
        `file=${escapeProperty(r.file)}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(String(d.code))}`,
      ];
      lines.push(`::${GITHUB_COMMAND[severityName(d)]} ${props.join(',')}::${escapeData(messageText(d))}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/**
 * The workflow-command escaping of a message (as @actions/core does), and then the other
 * control characters shown as escapes: the Actions log would act on an ESC sequence.
 */
export function escapeData(text: string): string {
  return terminalSafe(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A property value also escapes `:` and `,`, which would end it. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const FORMATS = { sarif: formatSarif, github: formatGithub };
