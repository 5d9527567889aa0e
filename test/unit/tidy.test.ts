import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CODES } from '../../server/src/core';

const ROOT = path.resolve(__dirname, '../../..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');

suite('tidy: what users read matches what the code does', () => {
  test('every `programme.*` setting is documented in the README', () => {
    const settings = Object.keys(JSON.parse(read('package.json')).contributes.configuration.properties as object);
    const readme = read('README.md');
    assert.ok(settings.length > 0);
    for (const s of settings) assert.ok(readme.includes(`\`${s}\``), `README does not document ${s}`);
  });

  test('every diagnostic code is in the README table and in docs/FORMAT.md, and nothing else is', () => {
    const codes = Object.keys(CODES).sort();
    const tableCodes = (text: string): string[] => [...text.matchAll(/^\| `([a-z-]+)` \| (error|warning|information|hint) \|/gm)].map((m) => m[1]).sort();
    assert.deepStrictEqual(tableCodes(read('README.md')), codes);
    assert.deepStrictEqual(tableCodes(read('docs/FORMAT.md')), codes);
  });

  test('the default severities in the README are those of the code', () => {
    for (const m of read('README.md').matchAll(/^\| `([a-z-]+)` \| (error|warning|information|hint) \|/gm)) {
      assert.strictEqual(CODES[m[1] as keyof typeof CODES], m[2], m[1]);
    }
  });
});
