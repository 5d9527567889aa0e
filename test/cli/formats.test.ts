import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, sarifErrors } from '../support/exchange';
import { escapeData, escapeProperty } from '../../server/src/cli/formats';
import { CODES } from '../../server/src/core';
import { runCli, type CliResult } from '../support/cli';

const FIVE = path.join(ROOT, 'test/fixtures/foundation/five-mistakes.programme.yaml');
const EXAMPLE = 'examples/lpc2021-vfio-iommu-pci.programme.yaml';

const run = (args: string[]): CliResult => runCli(args);

suite('programme check --format sarif|github', () => {
  test('SARIF validates against the SARIF 2.1.0 schema; rules carry every code with its default level', () => {
    const r = run(['check', '--format', 'sarif', FIVE, EXAMPLE]);
    assert.strictEqual(r.status, 1);
    const log = JSON.parse(r.stdout);
    assert.deepStrictEqual(sarifErrors(log), []);
    assert.strictEqual(log.runs.length, 1);
    const rules = log.runs[0].tool.driver.rules as { id: string; defaultConfiguration: { level: string } }[];
    assert.deepStrictEqual(
      rules.map((x) => x.id),
      Object.keys(CODES),
    );
    assert.strictEqual(rules.find((x) => x.id === 'speaker-conflict')!.defaultConfiguration.level, 'warning');
    const first = log.runs[0].results[0];
    assert.strictEqual(first.ruleId, 'schema');
    assert.strictEqual(first.level, 'error');
    assert.deepStrictEqual(first.locations[0].physicalLocation.region, { startLine: 10, startColumn: 5, endLine: 10, endColumn: 15 });
  });

  test('SARIF of a clean file: valid, no error result, exit 0', () => {
    const r = run(['check', '--format', 'sarif', EXAMPLE]);
    assert.strictEqual(r.status, 0);
    const log = JSON.parse(r.stdout);
    assert.deepStrictEqual(sarifErrors(log), []);
    assert.ok(!log.runs[0].results.some((x: { level: string }) => x.level === 'error'));
  });

  test('github: one workflow command per diagnostic, 1-based positions, code as title', () => {
    const r = run(['check', '--format', 'github', FIVE]);
    assert.strictEqual(r.status, 1);
    const first = r.stdout.split('\n')[0];
    assert.strictEqual(
      first,
      `::error file=${FIVE},line=10,col=5,endLine=10,endColumn=15,title=schema::unknown key \`affiliaton\` in person; did you mean \`affiliation\`?`,
    );
  });

  test('github: %, CR, LF escaped in messages; also , and : in properties', () => {
    assert.strictEqual(escapeData('100% a\r\nb'), '100%25 a%0D%0Ab');
    assert.strictEqual(escapeProperty('C:\\a,b%'), 'C%3A\\a%2Cb%25');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'p,r:o-')), 'x.programme.yaml');
    fs.writeFileSync(file, 'programme: 1\nevent: {title: T, start: 2021-01-01, end: 2021-01-01, timezone: Mars/Base}\ntracks: {}\n');
    const r = run(['check', '--format', 'github', file]);
    const line = r.stdout.split('\n').find((l) => l.includes('invalid-timezone'))!;
    assert.ok(line.startsWith(`::error file=${file.replace(/,/g, '%2C').replace(/:/g, '%3A')},line=2,`), line);
  });
});
