/**
 * Folding ranges: every mapping, sequence and block scalar that spans several lines, folded
 * from the line of its key (or its `- `) to its last line.
 */
import { FoldingRange } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from '../service/analysis';
import { Cancellation, NEVER_CANCELLED } from '../service/cancel';
import { Node } from '../syntax/tree';

export function foldingRanges(analysis: Analysis | undefined, document: TextDocument, cancel: Cancellation = NEVER_CANCELLED): FoldingRange[] | null {
  const root = analysis?.syntax.root;
  if (!analysis) return null;
  if (!root) return [];
  const out: FoldingRange[] = [];
  const lineOf = (offset: number): number => document.positionAt(offset).line;
  const add = (from: number, node: Node): void => {
    const end = node.end > node.start ? node.end - 1 : node.end;
    const start = lineOf(from),
      last = lineOf(end);
    if (last > start) out.push({ startLine: start, endLine: last });
  };
  let count = 0;
  const stack: { from: number; node: Node }[] = [{ from: root.start, node: root }];
  while (stack.length) {
    if ((++count & 1023) === 0 && cancel.isCancellationRequested) return null;
    const { from, node } = stack.pop()!;
    if (node !== root) add(from, node);
    if (node.kind === 'map')
      for (const p of node.items) {
        if (p.value) stack.push({ from: p.key.start, node: p.value });
      }
    else if (node.kind === 'seq') for (const item of node.items) stack.push({ from: item.start, node: item });
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
