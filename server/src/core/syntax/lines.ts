/**
 * Lines of a programme's text, for features that write edits (quick fixes, placing tracks,
 * moving slots): where a line starts and ends, a column, the line break the file uses, and
 * where a node's own text ends.
 */

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  // Not `lastIndexOf('\n', -1)`: it looks at offset 0, and would take a line break there for one before it.
  return offset > 0 ? text.lastIndexOf('\n', offset - 1) + 1 : 0;
}

/** The end of the line holding `offset`, before its line break. */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** The 0-based column of `offset` in its line. */
export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The file's line break (that of its first line): `\r\n` or `\n`. */
export function eolOf(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/** Where a node's text ends, without the line breaks a block node's range may take in. */
export function contentEnd(text: string, node: { start: number; end: number }): number {
  let end = node.end;
  while (end > node.start && /\s/.test(text[end - 1])) end--;
  return end;
}
