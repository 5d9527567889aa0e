import * as assert from 'assert';
import { doc, EXAMPLE_TEXT as EXAMPLE } from '../support/fixtures';
import { analyze, hover } from '../../server/src/core';

function hoverText(needle: string, delta: number, text = EXAMPLE): string | undefined {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not found`);
  const h = hover(analyze(text), doc(text), offset + delta);
  return h ? (h.contents as { value: string }).value : undefined;
}

suite('hover', () => {
  test('a speaker id shows the person and the slots they speak in, with times', () => {
    const text = hoverText('speakers: [jason-gunthorpe]', 14)!;
    assert.match(text, /\*\*Jason Gunthorpe\*\*/);
    assert.match(text, /Tue 2021-09-21 07:10–07:35 PDT \(UTC−7\): \/dev\/ioasid uAPI proposal/);
  });

  test('a person key shows honorific, affiliation and the tracks they lead', () => {
    const text = hoverText('  krzysztof-wilczynski:', 4)!;
    assert.match(text, /\*\*Mr Krzysztof Wilczyński\*\*/);
    assert.match(text, /Leads:\n- Tue 2021-09-21 07:00–11:00 PDT \(UTC−7\): VFIO\/IOMMU\/PCI MC/);
    assert.match(hoverText('  joerg-roedel:', 4)!, /SUSE/);
  });

  test('a person lists everything they are needed for, with times: speaking, leading, key-attending', () => {
    const text = hoverText('  alex-williamson:', 4)!;
    const sections = text.split('\n\n').map((s) => s.split('\n')[0]);
    assert.deepStrictEqual(
      sections.filter((s) => s.endsWith(':')),
      ['Speaks in:', 'Leads:', 'Key attendee of:'],
    );
    assert.match(text, /Speaks in:\n(- .+: .+ \(VFIO\/IOMMU\/PCI MC\)\n?)+/);
    assert.match(text, /Key attendee of:\n- Tue 2021-09-21 07:00–11:00 PDT \(UTC−7\): VFIO\/IOMMU\/PCI MC$/);
    // A track without sessions runs during its slots, back-to-back ones joined.
    const bof =
      EXAMPLE +
      `  bof:
    title: Birds of a feather
    key-attendees: [alex-williamson]
    slots:
      - title: One
        start: 2021-09-22 09:00
        duration: 30m
      - title: Two
        start: 2021-09-22 09:30
        duration: 30m
`;
    assert.match(
      hoverText('  alex-williamson:', 4, bof)!,
      /Key attendee of:\n- Tue 2021-09-21 07:00–11:00 PDT \(UTC−7\): VFIO\/IOMMU\/PCI MC\n- Wed 2021-09-22 09:00–10:00 PDT \(UTC−7\): Birds of a feather$/,
    );
  });

  test('zones are named as people know them, and an offset is never written twice', () => {
    const inZone = (zone: string, date = '2021-09-21'): string => {
      const text = EXAMPLE.replace('timezone: US/Pacific', `timezone: ${zone}`).replace(/2021-09-21 /g, `${date} `);
      return hoverText(`start: ${date} 07:10`, 10, text)!;
    };
    assert.match(inZone('Europe/Berlin'), /Tue 2021-09-21 07:10–07:35 CEST \(UTC\+2\) \(event, Europe\/Berlin\)/);
    assert.match(inZone('Europe/London'), /07:10–07:35 BST \(UTC\+1\) \(event/);
    assert.match(inZone('Asia/Kolkata'), /07:10–07:35 IST \(UTC\+5:30\) \(event/);
    assert.match(inZone('Australia/Sydney'), /07:10–07:35 AEST \(UTC\+10\) \(event/);
    const tokyo = inZone('Asia/Tokyo');
    assert.match(tokyo, /Tue 2021-09-21 07:10–07:35 UTC\+9 \(event, Asia\/Tokyo\)/);
    assert.doesNotMatch(tokyo, /UTC\+9 \(UTC\+9\)|GMT/);
    assert.match(tokyo, /- Mon 2021-09-20 22:10–22:35 UTC$/);
  });

  test("a slot start shows the interval in the event zone, UTC and each speaker's zone", () => {
    const text = EXAMPLE.replace(
      '  jason-gunthorpe:\n    name: Jason Gunthorpe\n',
      '  jason-gunthorpe:\n    name: Jason Gunthorpe\n    timezone: America/Halifax\n',
    );
    const got = hoverText('start: 2021-09-21 07:10', 10, text)!;
    assert.match(got, /\/dev\/ioasid uAPI proposal\*\* \(25m\)/);
    assert.match(got, /Tue 2021-09-21 07:10–07:35 PDT \(UTC−7\) \(event, US\/Pacific\)/);
    assert.match(got, /Tue 2021-09-21 14:10–14:35 UTC/);
    assert.match(got, /Tue 2021-09-21 11:10–11:35 ADT \(UTC−3\) for Jason Gunthorpe \(America\/Halifax\)/);
  });

  test('a duration shows the same interval', () => {
    assert.match(hoverText('duration: 25m', 11)!, /07:10–07:35 PDT/);
  });

  test('a timezone value shows its offset and canonical name', () => {
    const text = hoverText('timezone: US/Pacific', 12)!;
    assert.match(text, /\*\*US\/Pacific\*\*: UTC−[78] now/);
    assert.match(text, /legacy alias of `America\/Los_Angeles`/);
  });

  test('a key shows its schema title, description and examples', () => {
    const text = hoverText('        duration: 25m', 9)!;
    assert.match(text, /\*\*Slot length\*\* \(`duration`\)/);
    assert.match(text, /How long the slot lasts/);
    const kind = hoverText('    kind: microconference', 5)!;
    assert.match(kind, /One of: `microconference`/);
  });

  test('a topic reference shows the topic; a room the room', () => {
    assert.match(hoverText('[vfio/iopf', 7)!, /I\/O Page Fault \(IOPF\) for passthrough devices/);
    assert.match(hoverText('room: mc2', 7)!, /Microconference2/);
  });

  test('nothing outside the tree, and an unknown person is named as such', () => {
    assert.strictEqual(hover(undefined, doc(''), 0), null);
    assert.match(hoverText('speakers: [jason-gunthorp]', 14, EXAMPLE.replace('speakers: [jason-gunthorpe]', 'speakers: [jason-gunthorp]'))!, /Unknown person/);
  });
});
