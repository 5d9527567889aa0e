/**
 * Fixtures that carry their expected problems inline, as YAML comments under the line at fault:
 *
 *         start: 2021-09-21 07:10
 *   #            ^^^^^^^^^^^^^^^^ room-conflict: holds room `mc1`
 *
 * The carets stand under the columns of the range; then the code; then, after `: `, a fragment
 * the message contains (optional). A range that ends on a later line gives its end (1-based)
 * after the code: `#   ^ code -> 12:20: fragment`, the carets then marking only its start.
 * Several expectation lines may stand under one line. A comment line changes no YAML data.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { analyze, Analysis } from '../../server/src/core';

const LINE = /^#( *)(\^+) +([a-z][a-z0-9-]*)(?: *-> *(\d+):(\d+))?(?:: +(.*))?$/;

export interface Expectation {
  code: string;
  /** 1-based `line:col-line:col`, the end exclusive, as a reader counts columns. */
  range: string;
  fragment?: string;
}

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** The expectations written in `text`'s comments. */
export function expectations(text: string): Expectation[] {
  const all = lines(text);
  const found: Expectation[] = [];
  let target = -1;
  all.forEach((line, i) => {
    const m = LINE.exec(line);
    if (!m) {
      target = i;
      return;
    }
    if (target < 0) throw new Error(`line ${i + 1}: an expectation with no line above it`);
    const col = 1 + m[1].length + 1;
    const end = m[4] ? `${m[4]}:${m[5]}` : `${target + 1}:${col + m[2].length}`;
    found.push({ code: m[3], range: `${target + 1}:${col}-${end}`, fragment: m[6]?.trim() || undefined });
  });
  return found;
}

/** `text` without its expectation lines (what a fix turning a `.bad` into its `.good` compares). */
export function withoutExpectations(text: string): string {
  return text
    .split(/(?<=\n)/)
    .filter((l) => !LINE.test(l.replace(/\r?\n$/, '')))
    .join('');
}

/** The 1-based `line:col-line:col` of offsets `start`..`end` in `text`. */
function rangeOf(text: string, start: number, end: number): string {
  const at = (offset: number): string => {
    const before = text.slice(0, offset);
    return `${before.split('\n').length}:${offset - (before.lastIndexOf('\n') + 1) + 1}`;
  };
  return `${at(start)}-${at(end)}`;
}

/**
 * Analyses the fixture at `file` through the core and asserts that the problems found are
 * exactly the ones its comments expect (code and range, the message containing the fragment):
 * no more, no fewer. A fixture without expectations must check clean. Returns the analysis.
 */
export function check(file: string): Analysis {
  const text = fs.readFileSync(file, 'utf8');
  const analysis = analyze(text);
  const key = (code: string, range: string): string => `${range} ${code}`;
  const found = analysis.problems.map((p) => ({ key: key(p.code, rangeOf(text, p.start, p.end)), message: p.message }));
  const expected = expectations(text);
  assert.deepStrictEqual(
    found.map((f) => f.key).sort(),
    expected.map((e) => key(e.code, e.range)).sort(),
    `${file}: problems found (${found.map((f) => `${f.key}: ${f.message}`).join('; ') || 'none'}) differ from those expected`,
  );
  for (const e of expected) {
    if (!e.fragment) continue;
    const messages = found.filter((f) => f.key === key(e.code, e.range)).map((f) => f.message);
    assert.ok(
      messages.some((m) => m.includes(e.fragment!)),
      `${file}: ${e.code} at ${e.range}: no message contains \`${e.fragment}\` (${messages.join('; ')})`,
    );
  }
  return analysis;
}
