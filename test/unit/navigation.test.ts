import * as assert from 'assert';
import { EXAMPLE_TEXT as EXAMPLE } from '../support/fixtures';
import { analyze, Analysis, referencesOf, symbolAt, prepareRename, rename } from '../../server/src/core';

const analysis = analyze(EXAMPLE);

/** Offset `delta` characters into the `nth` occurrence of `needle`. */
function at(needle: string, delta = 1, nth = 0, text = EXAMPLE): number {
  let i = -1;
  for (let n = 0; n <= nth; n++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `${JSON.stringify(needle)} #${n} not found`);
  }
  return i + delta;
}

function applied(a: Analysis, offset: number, newName: string): string {
  const result = rename(a, offset, newName);
  assert.ok(result && 'edits' in result, `rename refused: ${JSON.stringify(result)}`);
  let text = a.text;
  for (const e of [...result.edits].sort((x, y) => y.span.start - x.span.start)) text = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
  return text;
}

const slice = (s: { start: number; end: number }): string => EXAMPLE.slice(s.start, s.end);

suite('navigation: definition and references', () => {
  test('a speaker reference goes to the person key', () => {
    const s = symbolAt(analysis, at('speakers: [jason-gunthorpe]', 14))!;
    assert.strictEqual(s.kind, 'person');
    assert.strictEqual(s.declaration?.start, at('  jason-gunthorpe:', 2));
  });

  test('the references of a person: leads, key attendees and speakers, in order', () => {
    const s = symbolAt(analysis, at('  joerg-roedel:', 3))!;
    const refs = referencesOf(analysis, s)!;
    assert.strictEqual(refs.length, 4);
    assert.ok(refs.every((r) => slice(r) === 'joerg-roedel'));
    assert.ok(refs[0].start === at('joerg-roedel]', 0, 0), 'the leads list first');
  });

  test('a topic path names the segment under the cursor', () => {
    const onParent = symbolAt(analysis, at('[vfio/iopf', 2))!;
    assert.deepStrictEqual([onParent.kind, onParent.id, onParent.track], ['topic', 'vfio', 'vfio-iommu-pci']);
    const onChild = symbolAt(analysis, at('[vfio/iopf', 7))!;
    assert.strictEqual(onChild.id, 'vfio/iopf');
    assert.strictEqual(slice(onChild.declaration!), 'iopf');
    assert.strictEqual(onChild.declaration!.start, at('iopf: I/O Page Fault', 0));
  });

  test('the references of topic `vfio` are the `vfio` segment of every path under it', () => {
    const s = symbolAt(analysis, at('      vfio:', 6))!;
    const refs = referencesOf(analysis, s)!;
    assert.strictEqual(refs.length, 5);
    assert.ok(refs.every((r) => slice(r) === 'vfio'));
  });

  test('a room reference goes to the room', () => {
    const s = symbolAt(analysis, at('room: mc2', 7))!;
    assert.deepStrictEqual([s.kind, slice(s.declaration!)], ['room', 'mc2']);
    assert.strictEqual(s.declaration!.start, at('  mc2:', 2));
  });

  test('no symbol on titles, times or keys of fields', () => {
    assert.strictEqual(symbolAt(analysis, at('title: Break', 9)), undefined);
    assert.strictEqual(symbolAt(analysis, at('start: 2021-09-21 07:10', 9)), undefined);
    assert.strictEqual(symbolAt(analysis, at('speakers: [jason', 2)), undefined);
  });
});

suite('rename', () => {
  test('renaming jason-gunthorpe to jgg changes the people key and every reference, and nothing else', () => {
    const expected = EXAMPLE.replace('  jason-gunthorpe:\n', '  jgg:\n')
      .replace('      - jason-gunthorpe\n', '      - jgg\n')
      .replace('speakers: [jason-gunthorpe]', 'speakers: [jgg]');
    assert.strictEqual(applied(analysis, at('speakers: [jason-gunthorpe]', 14), 'jgg'), expected);
  });

  test('renaming topic iopf under vfio changes `vfio/iopf` of that track only', () => {
    const text =
      EXAMPLE +
      '  other:\n    title: Other\n    topics:\n      vfio:\n        title: V\n        topics:\n          iopf: X\n    slots:\n      - title: T\n        duration: 10m\n        topics: [vfio/iopf]\n';
    const a = analyze(text);
    const expected = text
      .replace('iopf: I/O Page Fault', 'page-faults: I/O Page Fault')
      .replace('topics: [vfio/iopf, vfio/sva]', 'topics: [vfio/page-faults, vfio/sva]');
    assert.strictEqual(applied(a, at('[vfio/iopf', 7, 0, text), 'page-faults'), expected);
  });

  test('prepareRename gives the id under the cursor (a topic segment alone)', () => {
    const p = prepareRename(analysis, at('[vfio/iopf', 7));
    assert.ok(p && 'span' in p);
    assert.strictEqual(p.placeholder, 'iopf');
    assert.strictEqual(slice(p.span), 'iopf');
    assert.strictEqual(prepareRename(analysis, at('title: Break', 9)), null);
  });

  test('refuses an id that exists or is not a valid id', () => {
    const offset = at('speakers: [jason-gunthorpe]', 14);
    assert.match((rename(analysis, offset, 'eric-auger') as { error: string }).error, /already exists/);
    assert.match((rename(analysis, offset, 'Jason G') as { error: string }).error, /not a valid id/);
    assert.match((rename(analysis, at('[vfio/iopf', 7), 'sva') as { error: string }).error, /topic `sva` already exists/);
  });

  test('renames a room and a track', () => {
    assert.strictEqual(applied(analysis, at('room: mc2', 7), 'hall-b'), EXAMPLE.replace('  mc2:', '  hall-b:').replace('room: mc2', 'room: hall-b'));
    assert.strictEqual(applied(analysis, at('  vfio-iommu-pci:', 3), 'vfio'), EXAMPLE.replace('  vfio-iommu-pci:', '  vfio:'));
  });
});
