/**
 * Selection ranges (expand selection): the node under the cursor, then its key/value pair,
 * then the collection holding it, then that collection's pair, and so on up to the document.
 */
import { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../service/analysis';
import { Node } from '../syntax/tree';

export function selectionRanges(analysis: Analysis | undefined, document: TextDocument, positions: Position[]): SelectionRange[] | null {
  const root = analysis?.syntax.root;
  if (!analysis) return null;
  if (!root) return positions.map((p) => ({ range: Range.create(p, p) }));
  return positions.map((p) => chain(root, document, document.offsetAt(p), analysis.text));
}

/** The spans from the document down to the innermost node at `offset`, outermost first. */
function spansAt(root: Node, offset: number): { start: number; end: number }[] {
  const spans = [{ start: root.start, end: root.end }];
  let node: Node | undefined = root;
  while (node) {
    let next: Node | undefined;
    if (node.kind === 'map') {
      for (const pair of node.items) {
        const end = pair.value ? Math.max(pair.value.end, pair.key.end) : pair.key.end;
        if (offset < pair.key.start || offset > end) continue;
        spans.push({ start: pair.key.start, end });
        if (offset <= pair.key.end) spans.push({ start: pair.key.start, end: pair.key.end });
        else if (pair.value) {
          spans.push({ start: pair.value.start, end: pair.value.end });
          next = pair.value;
        }
        break;
      }
    } else if (node.kind === 'seq') {
      next = node.items.find((item) => offset >= item.start && offset <= item.end);
      if (next) spans.push({ start: next.start, end: next.end });
    }
    node = next;
  }
  return spans;
}

function chain(root: Node, document: TextDocument, offset: number, text: string): SelectionRange {
  // Block collections end after their last line break: select up to the last character.
  const trim = (s: { start: number; end: number }) => {
    let end = s.end;
    while (end > s.start && end > offset && /\s/.test(text[end - 1])) end--;
    return { start: s.start, end };
  };
  const spans = [{ start: 0, end: text.length }, ...spansAt(root, offset).map(trim)];
  let parent: SelectionRange | undefined;
  let last: { start: number; end: number } | undefined;
  for (const s of spans) {
    if (last && s.start === last.start && s.end === last.end) continue;
    if (last && (s.start < last.start || s.end > last.end)) continue;
    parent = { range: Range.create(document.positionAt(s.start), document.positionAt(s.end)), parent };
    last = s;
  }
  return parent ?? { range: Range.create(document.positionAt(offset), document.positionAt(offset)) };
}
