import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXAMPLE, codeOf, describeDiagnostics, freshCopy, openAndWaitForDiagnostics, replaceText, waitForDiagnostics, workspaceFile } from './helpers';

suite('Language and diagnostics', () => {
  test('the example opens as language `programme` with no errors or warnings', async () => {
    const { document, diagnostics } = await openAndWaitForDiagnostics(workspaceFile(EXAMPLE));
    assert.equal(document.languageId, 'programme', `${EXAMPLE} opened with language "${document.languageId}"`);
    const serious = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning);
    assert.equal(serious.length, 0, `expected no errors or warnings in ${EXAMPLE}, got:\n${describeDiagnostics(serious)}`);
  });

  test('a misspelt key gets a `schema` diagnostic on its line', async () => {
    const uri = await freshCopy('misspelt-key');
    const { document } = await openAndWaitForDiagnostics(uri);
    const broken = 'speakrs: [jason-gunthorpe]';
    const changed = await replaceText(document, 'speakers: [jason-gunthorpe]', broken);
    const line = changed.start.line;
    const diagnostics = await waitForDiagnostics(
      uri,
      (all) => all.some((d) => codeOf(d) === 'schema' && d.range.start.line === line),
      `a diagnostic with code "schema" on line ${line + 1} (\`${broken}\`)`,
    );
    const found = diagnostics.find((d) => codeOf(d) === 'schema' && d.range.start.line === line)!;
    assert.ok(
      found.severity === vscode.DiagnosticSeverity.Error || found.severity === vscode.DiagnosticSeverity.Warning,
      `the schema diagnostic should be an error or a warning:\n${describeDiagnostics([found])}`,
    );
  });
});
