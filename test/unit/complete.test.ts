import * as assert from 'assert';
import { CompletionItem } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/core/service/analysis';
import { complete } from '../../server/src/core/features/complete';
import { cursorContext } from '../../server/src/core/features/cursorContext';
import { doc, programme, EXAMPLE_TEXT as EXAMPLE } from '../support/fixtures';

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

  test('start offers the end of the previous slot, then the first free gap of the sessions', () => {
    const list = items(edit('      - title: IOMMU core and the device-driver core\n', `      - title: IOMMU core and the device-driver core\n        start: ${CURSOR}\n`));
    assert.deepStrictEqual(list.map((i) => i.label), ['2021-09-21 09:05', '2021-09-21 09:20']);
    assert.match(list[0].detail ?? '', /Write-combine/);
    assert.match(list[1].detail ?? '', /free gap/);
  });

  test('duration offers the usual lengths', () => {
    assert.deepStrictEqual(labels(edit('        duration: 15m', `        duration: ${CURSOR}`)), ['10m', '15m', '20m', '25m', '30m', '45m', '1h', '1h30m', '2h']);
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
    assert.strictEqual(newText(snippet), '- title: ${1:Title}\n        start: ${2:2021-09-21 09:20}\n        duration: ${3:25m}\n        speakers: [$4]$0');
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
    assert.deepStrictEqual(labels(big), []);
  });
});
