/**
 * The inline expectations of the check fixtures: how they are read, and that check() fails on a
 * fixture whose comments do not match what the core reports (so the fixture tests can fail).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { check, expectations, withoutExpectations } from '../support/expectations';

const BAD = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/checks/unknown-room.bad.programme.yaml'), 'utf8');
const MARK = '#         ^^^ unknown-room: unknown room `mc4`\n';

function checkText(text: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'expectations-'));
  try {
    const file = path.join(dir, 'fixture.programme.yaml');
    fs.writeFileSync(file, text);
    check(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

suite('inline expectations', () => {
  test('carets give the columns on the line above, the code follows, then a message fragment', () => {
    const text = 'a:\n  b: cc\n#    ^^ one-code: frag: with colon\n#  ^ other -> 4:3\nd: 1\n';
    assert.deepStrictEqual(expectations(text), [
      { code: 'one-code', range: '2:6-2:8', fragment: 'frag: with colon' },
      { code: 'other', range: '2:4-4:3', fragment: undefined },
    ]);
    assert.strictEqual(withoutExpectations(text.replace(/\n/g, '\r\n')), 'a:\r\n  b: cc\r\nd: 1\r\n');
    assert.deepStrictEqual(expectations('# a plain comment\nx: 1 # ^^ not one\n'), []);
  });

  test('the unknown-room fixture states its problem inline, and check() holds it to it', () => {
    assert.ok(BAD.includes(MARK), 'the fixture carries the expectation this test changes');
    checkText(BAD);
  });

  test('check() fails on a wrong column, a wrong code, a wrong fragment, a missing or an extra expectation', () => {
    const wrong = [
      BAD.replace(MARK, MARK.replace('#         ^^^', '#        ^^^')),
      BAD.replace(MARK, MARK.replace('^^^', '^^')),
      BAD.replace(MARK, MARK.replace('unknown-room:', 'unknown-topic:')),
      BAD.replace(MARK, MARK.replace('`mc4`', '`mc5`')),
      BAD.replace(MARK, ''),
      BAD.replace(MARK, MARK + MARK.replace('unknown-room', 'unused-person')),
    ];
    wrong.forEach((text, i) => assert.throws(() => checkText(text), assert.AssertionError, `case ${i}`));
  });
});
