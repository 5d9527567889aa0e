/**
 * Characters that exports cannot carry or that deceive a reader: `control-character` and
 * `bidi-override` at their exact place (raw, or as a double-quoted escape); and exports that
 * readers always accept, whatever Unicode the text fields hold (a seeded property).
 */
import * as assert from 'assert';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { analyze, DocumentState, exportModel } from '../../server/src/core';
import { XSD } from '../support/exchange';
import { check, programme } from '../support/fixtures';
import { validateXml } from '../support/xmllint';

/** The programme with the opening slot's title line replaced by `title`. */
function withTitle(title: string): string {
  return programme().replace('      - title: Opening\n', `      - title: ${title}\n`);
}

/** [code, the text the problem covers] of each problem. */
function found(text: string): [string, string][] {
  return check(text).problems.map((p) => [p.code, text.slice(p.start, p.end)]);
}

suite('control and bidi characters in the file', () => {
  test('a raw NUL in a plain title: one `control-character` error on that character, naming U+0000', () => {
    const text = withTitle('Bad\u0000Title');
    const a = check(text);
    assert.deepStrictEqual(found(text), [['control-character', '\u0000']]);
    assert.strictEqual(a.problems[0].message, 'control character U+0000 in text: calendar and schedule.xml readers reject it; remove it');
  });

  test('escapes in a double-quoted title: a run of them is one problem, on the escapes', () => {
    assert.deepStrictEqual(found(withTitle('"Ding\\a\\x01 dong\\e[2J"')), [
      ['control-character', '\\a\\x01'],
      ['control-character', '\\e'],
    ]);
    assert.deepStrictEqual(found(withTitle('"half \\uD800 pair"')), [['control-character', '\\uD800']]);
    assert.deepStrictEqual(found(withTitle('"DEL \\x7f and \\uFFFE"')), [
      ['control-character', '\\x7f'],
      ['control-character', '\\uFFFE'],
    ]);
  });

  test('tabs, line breaks, emoji (raw or escaped) and C1 controls are text, not problems', () => {
    assert.deepStrictEqual(found(withTitle('"tab\\there \\U0001F600 \\uD83D\\uDE00 😀 \\x85"')), []);
    assert.deepStrictEqual(found(withTitle('"a\\nb\\r\\nc"')), []);
    assert.deepStrictEqual(found(withTitle('|\n          a\tb')), []);
  });

  test('a right-to-left override and isolates: `bidi-override` warnings, each at its character', () => {
    const text = withTitle('Invoice \u202Efdp.exe');
    const a = check(text);
    assert.deepStrictEqual(found(text), [['bidi-override', '\u202E']]);
    assert.strictEqual(a.problems[0].severity ?? 'warning', 'warning');
    assert.strictEqual(a.problems[0].message, 'right-to-left override U+202E: the text after it displays in another order than it is written; remove it');
    assert.deepStrictEqual(found(withTitle('"\\u2066abc\\u2069"')), [
      ['bidi-override', '\\u2066'],
      ['bidi-override', '\\u2069'],
    ]);
  });

  test('in a key, in a person name and in a split file after an edit: the same problems', () => {
    const text = programme({ people: '  carol:\n    name: "Carol\\x1b]0;owned\\x07"\n' });
    assert.deepStrictEqual(found(text), [
      ['unused-person', 'carol'],
      ['control-character', '\\x1b'],
      ['control-character', '\\x07'],
    ]);
    const key = programme().replace('  title: Test Conf\n', '  title: Test Conf\n  "ti\\x00tle": x\n');
    assert.deepStrictEqual(
      found(key).map(([c]) => c),
      ['schema', 'control-character'],
    );
    // Typed into a parsed file (only the edited leaf is parsed again): as a fresh open.
    const parser = new DocumentState();
    analyze(programme(), parser);
    const edited = analyze(withTitle('"Bell\\a"'), parser).problems;
    assert.deepStrictEqual(edited, analyze(withTitle('"Bell\\a"')).problems);
    assert.deepStrictEqual(
      edited.map((p) => p.code),
      ['control-character'],
    );
  });
});

/** What iCalendar cannot carry (RFC 5545 CONTROL but tab and line breaks; U+FFFE, U+FFFF; lone surrogates), as the export writes it: U+FFFD. */
function icalSafe(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );
}

/** Characters that readers reject or that often break writers, mixed with ordinary ones. */
const hostileChar = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '\u0000',
      '\u0001',
      '\u0007',
      '\u0008',
      '\u000B',
      '\u000C',
      '\u001B',
      '\u001F',
      '\u007F',
      '\u0085',
      '\uFFFE',
      '\uFFFF',
      '\uD800',
      '\uDFFF',
      '\u202E',
      '\u2066',
      '\t',
      '\n',
      '\r',
      '\r\n',
      '\\',
      '"',
      ',',
      ';',
      ':',
      '<',
      '&',
      ']]>',
      '😀',
      'é',
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 3 }) },
);
const hostileText = fc.array(hostileChar, { minLength: 1, maxLength: 12 }).map((parts) => parts.join('').slice(0, 60));

/** A YAML double-quoted string for any JS string (JSON's escapes are YAML's). */
function q(s: string): string {
  return JSON.stringify(s);
}

function fuzzedProgramme(t: string[]): string {
  return `programme: 1
event:
  title: ${q(t[0])}
  start: 2021-09-20
  end: 2021-09-24
  timezone: Europe/Berlin
  venue: ${q(t[1])}
rooms:
  r1:
    title: ${q(t[2])}
people:
  alice:
    name: ${q(t[3])}
    affiliation: ${q(t[4])}
tracks:
  main:
    title: ${q(t[5])}
    description: ${q(t[6])}
    room: r1
    leads: [alice]
    slots:
      - title: ${q(t[7])}
        start: 2021-09-21 10:00
        duration: 30m
        speakers: [alice]
        abstract: ${q(t[8])}
        materials:
          - { title: ${q(t[9])}, url: "https://example.org/x" }
`;
}

suite('exports of random Unicode in every text field', () => {
  test('schedule.xml passes xmllint against the XSD, and the .ics parses in ical.js with the text kept', function () {
    this.timeout(300_000);
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 10, maxLength: 10 }), (t) => {
        const a = analyze(fuzzedProgramme(t));
        const xml = exportModel(a.model, 'schedule-xml');
        const r = validateXml(xml, XSD);
        assert.ok(r.valid, `${r.errors}\n${xml}`);
        const text = exportModel(a.model, 'ics', { stamp: '2021-01-01T00:00:00Z' });
        const cal = new ICAL.Component(ICAL.parse(text));
        const events = cal.getAllSubcomponents('vevent');
        assert.strictEqual(events.length, 1);
        const event = new ICAL.Event(events[0]);
        // Nothing but the characters iCalendar cannot carry is changed (line breaks become LF).
        const title = a.model.slots[0].title ?? '';
        assert.strictEqual(event.summary, icalSafe(title).replace(/\r\n|\r/g, '\n'));
        assert.strictEqual(event.location, icalSafe(a.model.rooms.get('r1')?.title ?? '').replace(/\r\n|\r/g, '\n'));
      }),
      { seed: 20211020, numRuns: 60, endOnFailure: true },
    );
  });
});
