import * as assert from 'assert';
import { DocumentSymbol } from 'vscode-languageserver-types';
import { doc, EXAMPLE_TEXT as EXAMPLE } from '../support/fixtures';
import { analyze, documentSymbols, foldingRanges, selectionRanges } from '../../server/src/core';

const analysis = analyze(EXAMPLE);
const d = doc(EXAMPLE);
const lines = EXAMPLE.split('\n');
const lineOf = (needle: string): number => lines.findIndex((l) => l.includes(needle));

function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` — ${s.detail}` : ''}`, ...outline(s.children ?? [], depth + 1)]);
}

suite('document symbols', () => {
  test('event, people, rooms and tracks with sessions and slots, times in detail', () => {
    const got = outline(documentSymbols(analysis, d)!);
    assert.strictEqual(got[1], 'Linux Plumbers Conference 2021 — US/Pacific');
    assert.ok(got.includes('  jason-gunthorpe — Jason Gunthorpe'));
    assert.ok(got.includes('  joerg-roedel — Jörg Rödel, SUSE'));
    assert.ok(got.includes('  VFIO/IOMMU/PCI MC — vfio-iommu-pci'));
    assert.ok(got.includes('      session 1 — Tue 2021-09-21 07:00–11:00 PDT'));
    assert.ok(got.includes('      /dev/ioasid uAPI proposal — Tue 2021-09-21 07:10–07:35 PDT'));
    assert.ok(got.includes('      IOMMU core and the device-driver core — not scheduled'));
  });

  test('every selection range lies inside its range', () => {
    const check = (symbols: DocumentSymbol[]): void => {
      for (const s of symbols) {
        assert.ok(d.offsetAt(s.selectionRange.start) >= d.offsetAt(s.range.start) && d.offsetAt(s.selectionRange.end) <= d.offsetAt(s.range.end), s.name);
        check(s.children ?? []);
      }
    };
    check(documentSymbols(analysis, d)!);
  });

  test('no outline without an analysis', () => {
    assert.strictEqual(documentSymbols(undefined, d), null);
  });
});

suite('folding ranges', () => {
  test('maps, sequences and block scalars spanning lines fold from their key', () => {
    const ranges = foldingRanges(analysis, d)!;
    const has = (start: number, end: number): boolean => ranges.some((r) => r.startLine === start && r.endLine === end);
    assert.ok(has(lineOf('people:'), lineOf('name: Lorenzo Pieralisi')), 'people');
    assert.ok(has(lineOf('    description: |'), lineOf('sub-systems.')), 'the block scalar');
    assert.ok(has(lineOf('    key-attendees:'), lineOf('      - lorenzo-pieralisi')), 'a block sequence');
    assert.ok(has(lineOf('      - title: Closing discussion'), lineOf('speakers: [krzysztof-wilczynski]')), 'the last slot');
    assert.ok(ranges.every((r) => r.endLine > r.startLine));
    assert.ok(!ranges.some((r) => r.startLine === lineOf('    leads: [')), 'a one-line flow list does not fold');
  });
});

suite('selection ranges', () => {
  test('a speaker id grows to the list, the pair, the slot, the slots, the track', () => {
    const offset = EXAMPLE.indexOf('speakers: [jason-gunthorpe]') + 14;
    let r = selectionRanges(analysis, d, [d.positionAt(offset)])![0];
    const texts: string[] = [];
    for (let s: typeof r | undefined = r; s; s = s.parent) texts.push(d.getText(s.range));
    assert.deepStrictEqual(texts.slice(0, 3), ['jason-gunthorpe', '[jason-gunthorpe]', 'speakers: [jason-gunthorpe]']);
    assert.match(texts[3], /^title: \/dev\/ioasid uAPI proposal\n[\s\S]*speakers: \[jason-gunthorpe\]$/);
    assert.strictEqual(texts[texts.length - 1], EXAMPLE);
    r = selectionRanges(analysis, d, [d.positionAt(0)])![0];
    assert.ok(r.range);
  });
});
