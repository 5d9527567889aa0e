/** Helpers for data-driven core tests: the cursor is written as `|` in the input text. */
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, Analysis } from '../../server/src/core';

/** The project's folder: the nearest above this module with a package.json (tests and the benchmark are built to different depths). */
function projectRoot(from: string): string {
  return fs.existsSync(path.join(from, 'package.json')) || path.dirname(from) === from ? from : projectRoot(path.dirname(from));
}

/** The canonical example (it checks clean), its path and its text. */
export const EXAMPLE_PATH = path.join(projectRoot(__dirname), 'examples/lpc2021-vfio-iommu-pci.programme.yaml');
export const EXAMPLE_TEXT = fs.readFileSync(EXAMPLE_PATH, 'utf8');

export function withCursor(input: string): { text: string; offset: number } {
  const offset = input.indexOf('|');
  if (offset < 0) throw new Error('test input has no `|` cursor');
  return { text: input.slice(0, offset) + input.slice(offset + 1), offset };
}

export function doc(text: string, uri = 'file:///test.programme.yaml'): TextDocument {
  return TextDocument.create(uri, 'programme', 1, text);
}

/** Analyses `text`; `codes` lists the problem codes found, `at(code)` their 1-based positions. */
export function check(text: string): Analysis & { codes: string[]; at(code: string): string[] } {
  const a = analyze(text);
  const d = doc(text);
  return Object.assign(a, {
    codes: a.problems.map((p) => p.code),
    at(code: string): string[] {
      return a.problems
        .filter((p) => p.code === code)
        .map((p) => {
          const s = d.positionAt(p.start),
            e = d.positionAt(p.end);
          return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
        });
    },
  });
}

/** A small valid programme to build test inputs from; `extra` is appended to the one track. */
export function programme(opts: { zone?: string; people?: string; track?: string; slots?: string; top?: string } = {}): string {
  return `programme: 1
event:
  title: Test Conf
  start: 2021-09-20
  end: 2021-09-24
  timezone: ${opts.zone ?? 'America/Los_Angeles'}
${opts.top ?? ''}people:
  alice:
    name: Alice Example
  bob:
    name: Bob Example
${opts.people ?? ''}tracks:
  main:
    title: Main track
    leads: [alice, bob]
${opts.track ?? ''}    slots:
${
  opts.slots ??
  `      - title: Opening
        start: 2021-09-21 07:00
        duration: 10m
`
}`;
}
