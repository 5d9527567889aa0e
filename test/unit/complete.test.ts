import * as assert from 'assert';
import { CompletionItem } from 'vscode-languageserver-types';
import { cursorContext } from '../../server/src/core/features/cursorContext';
import { doc, programme, EXAMPLE_TEXT as EXAMPLE } from '../support/fixtures';
import { analyze, complete } from '../../server/src/core';

/** The cursor in these tests: the example itself contains `|` (block scalars). */
const CURSOR = '‸';

/** The example with `find` replaced by `replace` (which holds the cursor). */
function edit(find: string, replace: string, text = EXAMPLE): string {
  assert.ok(text.includes(find), `the text should contain ${JSON.stringify(find)}`);
  return text.replace(find, replace);
}

function items(input: string): CompletionItem[] {
  const offset = input.indexOf(CURSOR);
  assert.ok(offset >= 0, 'no cursor in the input');
  const text = input.slice(0, offset) + input.slice(offset + 1);
  const d = doc(text);
  return complete(analyze(text), d, d.positionAt(offset))?.items ?? [];
}

const labels = (input: string): string[] => items(input).map((i) => i.label);
const newText = (i: CompletionItem | undefined): string | undefined => (i?.textEdit as { newText: string } | undefined)?.newText;

suite('completion: person ids', () => {
  test('typing `gunth` in speakers offers jason-gunthorpe first, found by his surname', () => {
    const list = items(edit('speakers: [jason-gunthorpe]', `speakers: [gunth${CURSOR}]`));
    assert.strictEqual(list[0]?.label, 'jason-gunthorpe');
    assert.match(list[0].detail ?? '', /Jason Gunthorpe/);
    assert.match(list[0].filterText ?? '', /^gunth/, 'the filter text starts with what was typed, so a prefix filter keeps it');
    assert.match(list[0].filterText ?? '', /Jason Gunthorpe/);
  });

  test('an unfinished `speakers: [` offers every person', () => {
    const got = labels(edit('speakers: [jason-gunthorpe]', `speakers: [${CURSOR}`));
    assert.strictEqual(got.length, 9);
    assert.ok(got.includes('alex-williamson') && got.includes('lorenzo-pieralisi'));
  });

  test('`speakers: [jas` ranks ids starting with the word first', () => {
    assert.strictEqual(labels(edit('speakers: [jason-gunthorpe]', `speakers: [jas${CURSOR}`))[0], 'jason-gunthorpe');
  });

  test('ids already in the list are not offered again', () => {
    const got = labels(edit('speakers: [bjorn-helgaas, alex-williamson, joerg-roedel]', `speakers: [bjorn-helgaas, ${CURSOR}alex-williamson, joerg-roedel]`));
    assert.ok(!got.includes('bjorn-helgaas') && !got.includes('joerg-roedel'));
    assert.ok(got.includes('eric-auger'));
  });

  test('a key with no value yet inserts a flow list', () => {
    const list = items(edit('speakers: [jason-gunthorpe]', `speakers: ${CURSOR}`));
    assert.strictEqual(newText(list.find((i) => i.label === 'eric-auger')), '[eric-auger]');
  });

  test('a block list of key attendees completes person ids after `- `', () => {
    assert.strictEqual(labels(edit('      - jason-gunthorpe', `      - gunth${CURSOR}`))[0], 'jason-gunthorpe');
  });

  test('names with accents are found without them', () => {
    assert.strictEqual(labels(edit('speakers: [jason-gunthorpe]', `speakers: [rodel${CURSOR}]`))[0], 'joerg-roedel');
  });
});

suite('completion: other values', () => {
  test('`America/Los_` offers America/Los_Angeles', () => {
    assert.strictEqual(labels(edit('timezone: US/Pacific', `timezone: America/Los_${CURSOR}`))[0], 'America/Los_Angeles');
  });

  test('track kinds come from the schema enum', () => {
    assert.deepStrictEqual(labels(edit('kind: microconference', `kind: ${CURSOR}`)), ['microconference', 'refereed', 'keynote', 'bof', 'workshop', 'other']);
  });

  test('topics of a slot are paths of its own track', () => {
    const got = labels(edit('topics: [vfio/iopf, vfio/sva]', `topics: [vfio/iopf, ${CURSOR}]`));
    assert.ok(got.includes('vfio/write-combine') && got.includes('iommu/ioasid'));
    assert.ok(!got.includes('vfio/iopf'), 'already listed');
  });

  test('room ids', () => {
    assert.deepStrictEqual(labels(edit('    room: mc2', `    room: ${CURSOR}`)), ['mc2']);
  });

  test('start offers the end of the previous slot when free, else the first free gap of the sessions', () => {
    // 09:05, after the previous slot, is taken by the closing discussion.
    const list = items(
      edit('      - title: IOMMU core and the device-driver core\n', `      - title: IOMMU core and the device-driver core\n        start: ${CURSOR}\n`),
    );
    assert.deepStrictEqual(
      list.map((i) => i.label),
      ['2021-09-21 09:20'],
    );
    assert.match(list[0].detail ?? '', /free gap/);
    const free = items(
      edit(
        '      - title: Closing discussion\n        kind: closing\n        start: 2021-09-21 09:05',
        `      - title: Closing discussion\n        kind: closing\n        start: ${CURSOR}`,
      ),
    );
    assert.strictEqual(free[0]?.label, '2021-09-21 09:05');
    assert.match(free[0].detail ?? '', /Write-combine/);
  });

  test('duration offers the usual lengths', () => {
    assert.deepStrictEqual(labels(edit('        duration: 15m', `        duration: ${CURSOR}`)), [
      '10m',
      '15m',
      '20m',
      '25m',
      '30m',
      '45m',
      '1h',
      '1h30m',
      '2h',
    ]);
    assert.deepStrictEqual(labels(edit('        duration: 15m', `        duration: 1${CURSOR}`)), ['10m', '15m', '1h', '1h30m']);
  });

  test('right after the colon, the value comes with its space', () => {
    assert.strictEqual(newText(items(edit('kind: microconference', `kind:${CURSOR}`))[0]), ' microconference');
  });
});

suite('completion: keys and snippets', () => {
  test('slot keys not yet present, with the schema description as documentation', () => {
    const list = items(edit('        speakers: [jason-gunthorpe]', `        ${CURSOR}`));
    const got = list.map((i) => i.label);
    assert.ok(got.includes('speakers') && got.includes('abstract'));
    for (const present of ['title', 'start', 'duration', 'topics']) assert.ok(!got.includes(present), `${present} is already there`);
    assert.ok(!got.includes('end'), 'a slot with a duration takes no end');
    const speakers = list.find((i) => i.label === 'speakers')!;
    assert.match((speakers.documentation as { value: string }).value, /Who speaks/);
  });

  test('a key whose value is a list of slots inserts the list, indented as is', () => {
    const list = items(edit('    sessions:\n', `    ${CURSOR}\n    sessions:\n`, EXAMPLE.replace('    slots:\n', '    old-slots:\n')));
    const slots = list.find((i) => i.label === 'slots')!;
    assert.strictEqual(newText(slots), 'slots:\n      - $0');
    assert.strictEqual(slots.insertTextMode, 1, 'asIs: the editor must not indent it again');
  });

  test('required keys come first', () => {
    const list = items(`programme: 1\nevent:\n  ${CURSOR}\n`);
    const sorted = [...list].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
    assert.deepStrictEqual(sorted.slice(0, 4).sort(), ['end', 'start', 'timezone', 'title']);
  });

  test('an empty file offers the top-level keys and a programme skeleton', () => {
    const got = labels(CURSOR);
    assert.ok(got.includes('programme') && got.includes('tracks') && got.includes('New programme'));
  });

  test('a new slot: snippet with tab stops, indented under `slots:`, starting where the track has room', () => {
    const list = items(edit('    slots:\n', `    slots:\n      ${CURSOR}\n`));
    const snippet = list.find((i) => i.label === 'New slot');
    assert.ok(snippet);
    assert.strictEqual(
      newText(snippet),
      '- title: ${1:Title}\n        start: ${2:2021-09-21 09:20}\n        duration: ${3:25m}\n        speakers: [${4|alex-williamson,benjamin-herrenschmidt,bjorn-helgaas,eric-auger,jason-gunthorpe,jean-philippe-brucker,joerg-roedel,krzysztof-wilczynski,lorenzo-pieralisi|}]$0',
    );
  });

  test('after `- ` in slots: slot keys and the slot snippet without its dash', () => {
    const list = items(edit('    slots:\n', `    slots:\n      - ${CURSOR}\n`));
    assert.ok(list.some((i) => i.label === 'title'));
    assert.match(newText(list.find((i) => i.label === 'New slot')) ?? '', /^title: \$\{1:Title\}\n {8}start:/);
  });

  test('snippets for a new person, track, topic and session', () => {
    assert.ok(labels(edit('people:\n', `people:\n  ${CURSOR}\n`)).includes('New person'));
    assert.ok(labels(edit('tracks:\n', `tracks:\n  ${CURSOR}\n`)).includes('New track'));
    assert.ok(labels(edit('      pci:\n', `      ${CURSOR}\n      pci:\n`)).includes('New topic'));
    assert.ok(labels(edit('    sessions:\n', `    sessions:\n      ${CURSOR}\n`)).includes('New session'));
  });

  test('a document with a syntax error above still completes from its text', () => {
    const text = programme({ slots: `      - title: Broken: [\n        start: 2021-09-21 07:00\n        duration: 10m\n        speakers: [ali${CURSOR}\n` });
    assert.ok(analyze(text.replace(CURSOR, '')).syntaxErrorAt !== undefined, 'the fixture has a syntax error');
    assert.strictEqual(labels(text)[0], 'alice');
  });

  test('nothing inside comments or block scalars', () => {
    assert.deepStrictEqual(labels(edit('# Linux Plumbers', `# Linux ${CURSOR}Plumbers`)), []);
    assert.deepStrictEqual(labels(edit('      IOMMUs that provide', `      IOMMUs ${CURSOR}that provide`)), []);
  });
});

suite('completion: cursor context from the text', () => {
  test('the path of a half-typed key under a slot', () => {
    const text = 'tracks:\n  main:\n    slots:\n      - title: A\n        spe';
    assert.deepStrictEqual(cursorContext(text, text.length)?.path, ['tracks', 'main', 'slots', -1]);
  });

  test('a sequence written at the same indentation as its key', () => {
    const text = 'tracks:\n  main:\n    leads:\n    - al';
    const ctx = cursorContext(text, text.length);
    assert.deepStrictEqual([ctx?.mode, ctx?.path], ['item', ['tracks', 'main', 'leads', -1]]);
  });

  test('a text that starts with an empty line: the path above an indented key, and completion answers', () => {
    // The empty first line was once read as ending before itself, and the walk up never ended.
    const text = '\n  tracks:\n    main:\n      ti';
    assert.deepStrictEqual(cursorContext(text, text.length)?.path, ['tracks', 'main']);
    assert.ok(Array.isArray(items(`\n  tracks:\n    main:\n      ti${CURSOR}`)));
  });
});

suite('completion: what triggers it', () => {
  test('a space opens the list after `key:`, not while indenting', () => {
    const at = (input: string, trigger?: string) => {
      const offset = input.indexOf(CURSOR);
      const text = input.slice(0, offset) + input.slice(offset + 1);
      const d = doc(text);
      return complete(analyze(text), d, d.positionAt(offset), trigger)?.items.map((i) => i.label) ?? [];
    };
    assert.deepStrictEqual(at(edit('        speakers: [jason-gunthorpe]', `        ${CURSOR}`), ' '), []);
    assert.ok(at(edit('speakers: [jason-gunthorpe]', `speakers: ${CURSOR}`), ' ').includes('jason-gunthorpe'));
  });

  test('top-level keys present far from the cursor are not offered again', () => {
    const many = Array.from({ length: 400 }, (_, i) => `  extra-${i}:\n    name: Extra ${i}\n`).join('');
    const big = EXAMPLE.replace('rooms:', `${CURSOR}\nrooms:`).replace('\ntracks:', `\n${many}tracks:`);
    // Only `blocks`, the one top-level key the example does not have.
    assert.deepStrictEqual(labels(big), ['blocks']);
  });
});

/** A two-day 2025 event, sessions on both days; `slots` and `sessions` are the track's lists. */
function twoDays(
  slots: string,
  sessions = '      - { start: 2025-06-02 09:00, end: 2025-06-02 12:00 }\n      - { start: 2025-06-03 09:00, end: 2025-06-03 12:00 }\n',
): string {
  return `programme: 1
event:
  title: Meetup
  start: 2025-06-02
  end: 2025-06-03
  timezone: Europe/Berlin
people:
  alice:
    name: Alice Example
  bob:
    name: Bob Example
tracks:
  main:
    title: Main
    sessions:
${sessions}    slots:
${slots}`;
}

suite('completion: times on every day, never taken', () => {
  test('a slot start is offered on each day of the event that has room', () => {
    const list = items(
      twoDays(
        `      - title: Opening\n        start: 2025-06-02 09:00\n        duration: 3h\n      - title: Next\n        start: ${CURSOR}\n        duration: 30m\n`,
      ),
    );
    assert.deepStrictEqual(
      list.map((i) => i.label),
      ['2025-06-03 09:00'],
    );
    const two = items(
      twoDays(
        `      - title: Opening\n        start: 2025-06-02 09:00\n        duration: 1h\n      - title: Next\n        start: ${CURSOR}\n        duration: 30m\n`,
      ),
    );
    assert.deepStrictEqual(
      two.map((i) => i.label),
      ['2025-06-02 10:00', '2025-06-03 09:00'],
    );
    assert.match(two[1].detail ?? '', /Tue 2025-06-03/);
  });

  test('no offered start overlaps another slot in the same place', () => {
    const slots = `      - title: A\n        start: 2025-06-02 09:00\n        duration: 1h\n      - title: B\n        start: 2025-06-02 10:10\n        duration: 1h\n      - title: C\n        start: ${CURSOR}\n        duration: 20m\n      - title: D\n        start: 2025-06-03 09:00\n        duration: 30m\n`;
    const got = items(twoDays(slots)).map((i) => i.label);
    // 10:00 (after A) leaves 10 minutes before B: too short for 20 minutes.
    assert.deepStrictEqual(got, ['2025-06-02 11:10', '2025-06-03 09:30']);
  });

  test('a track without sessions gets the working hours of every day', () => {
    const text = twoDays(`      - title: A\n        start: ${CURSOR}\n        duration: 1h\n`, '').replace('    sessions:\n', '');
    assert.deepStrictEqual(
      items(text).map((i) => i.label),
      ['2025-06-02 09:00', '2025-06-03 09:00'],
    );
  });

  test('a session start is offered on every day, after the sessions already there', () => {
    const got = labels(
      twoDays('      - title: A\n        duration: 1h\n', `      - { start: 2025-06-02 09:00, end: 2025-06-02 12:00 }\n      - start: ${CURSOR}\n`),
    );
    assert.deepStrictEqual(got, ['2025-06-02 12:00', '2025-06-03 09:00']);
  });

  test('end offers the start plus the usual lengths, for slots and sessions', () => {
    const slot = labels(twoDays(`      - title: A\n        start: 2025-06-02 09:00\n        end: ${CURSOR}\n`));
    assert.deepStrictEqual(slot.slice(0, 3), ['2025-06-02 09:10', '2025-06-02 09:15', '2025-06-02 09:20']);
    const session = labels(twoDays('      - title: A\n        duration: 1h\n', `      - start: 2025-06-02 09:00\n        end: ${CURSOR}\n`));
    assert.deepStrictEqual(session.slice(0, 2), ['2025-06-02 10:00', '2025-06-02 11:00']);
  });
});

suite('completion: snippets from the file', () => {
  const snippet = (input: string, label: string): string => newText(items(input).find((i) => i.label === label)) ?? '';

  test('new slot, session and track in a 2025 file get 2025 times, the next free one', () => {
    const slots = '      - title: Opening\n        start: 2025-06-02 09:00\n        duration: 1h\n';
    const slot = snippet(twoDays(`${slots}      ${CURSOR}\n`), 'New slot');
    assert.match(slot, /start: \$\{2:2025-06-02 10:00\}/);
    const session = snippet(twoDays(slots, `      - { start: 2025-06-02 09:00, end: 2025-06-02 12:00 }\n      ${CURSOR}\n`), 'New session');
    assert.match(session, /start: \$\{1:2025-06-02 12:00\}/);
    const track = snippet(twoDays(slots).replace('tracks:\n', `tracks:\n  ${CURSOR}\n`), 'New track');
    assert.match(track, /start: \$\{5:2025-06-02 09:00\}/);
    for (const text of [slot, session, track]) assert.doesNotMatch(text, /2021/);
  });

  test('snippets offer the people of the file where they name people', () => {
    const slot = snippet(twoDays(`      ${CURSOR}\n`), 'New slot');
    assert.match(slot, /speakers: \[\$\{4\|alice,bob\|\}\]/);
    const track = snippet(twoDays('').replace('tracks:\n', `tracks:\n  ${CURSOR}\n`), 'New track');
    assert.match(track, /leads: \[\$\{4\|alice,bob\|\}\]/);
    assert.match((items(twoDays(`      ${CURSOR}\n`)).find((i) => i.label === 'New slot')?.documentation as { value: string }).value, /Europe\/Berlin/);
  });

  test('a new programme in an empty file has no dates of another year hard-coded', () => {
    const text = snippet(CURSOR, 'New programme');
    const year = new Date().getUTCFullYear();
    assert.match(text, new RegExp(`start: \\$\\{2:(${year}|${year + 1})-`));
  });
});
