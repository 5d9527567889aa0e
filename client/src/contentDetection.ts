/**
 * A `*.yaml`/`*.yml` file whose first line (after comments and blank lines) is `programme: 1`
 * is a programme: VS Code's `firstLine` only applies when no extension claims the file name,
 * and `.yaml` is always claimed, so such a file is switched to the programme language when it
 * is opened. Only the first lines are looked at, with a regular expression: the client never
 * parses YAML.
 */
import * as vscode from 'vscode';

const YAML_FILE = /\.ya?ml$/i;
/** How many lines of leading comments are looked through. */
const MAX_LEADING_LINES = 200;

/** True when the text's first line that is not blank or a comment is `programme: 1`. */
export function startsAsProgramme(lines: (i: number) => string | undefined): boolean {
  for (let i = 0; i < MAX_LEADING_LINES; i++) {
    const line = lines(i);
    if (line === undefined) return false;
    const text = i === 0 ? line.replace(/^\uFEFF/, '') : line;
    if (/^\s*(#.*)?$/.test(text) || /^---\s*(#.*)?$/.test(text)) continue;
    return /^programme\s*:\s*["']?1["']?\s*(#.*)?$/.test(text);
  }
  return false;
}

function isProgrammeYaml(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'yaml' || !YAML_FILE.test(document.uri.path)) return false;
  return startsAsProgramme((i) => (i < document.lineCount ? document.lineAt(i).text : undefined));
}

async function detect(document: vscode.TextDocument): Promise<void> {
  if (!isProgrammeYaml(document)) return;
  try {
    await vscode.languages.setTextDocumentLanguage(document, 'programme');
  } catch {
    // The document was closed meanwhile: nothing to switch.
  }
}

/** Switches programme files opened as YAML (now and later) to the programme language. */
export function registerContentDetection(): vscode.Disposable {
  for (const document of vscode.workspace.textDocuments) void detect(document);
  return vscode.workspace.onDidOpenTextDocument((document) => void detect(document));
}
