/**
 * Unresolved merge conflicts: a file saved in the middle of a `git merge` holds marker lines
 * (`<<<<<<< HEAD`, `=======`, `>>>>>>> branch`, and `|||||||` in diff3 style). YAML reads them
 * as odd keys or text, so without this check the user would see a puzzling parse error and a
 * crowd of duplicate keys from the two sides. Instead each marker line gets one clear
 * `yaml-syntax` error, and the other problems are dropped until the conflict is resolved:
 * both sides of it are in the text, so what the parser made of it (duplicate keys, a section
 * that seems missing, overlaps between the two versions of a slot) is a consequence of the
 * conflict, not a mistake of its own. Syntax problems before the first marker stay.
 */
import { Problem } from '../service/problem';

/** Git writes markers of exactly this length at the start of a line. */
const MARKER_LENGTH = 7;
const MARKERS: Record<number, string> = { 60: 'start', 61: 'separator', 62: 'end', 124: 'base' };

/** The conflict markers of `text`, one problem per marker line, in document order. */
export function findConflictMarkers(text: string): Problem[] {
  const found: Problem[] = [];
  // Cheap test first: most files have none of the four marker runs at all.
  // (indexOf is much faster than a multi-line regular expression on a large text.)
  if (!['<<<<<<<', '=======', '>>>>>>>', '|||||||'].some((m) => text.includes(m))) return found;
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    const marker = markerAt(text, lineStart, lineEnd);
    if (marker) {
      found.push({
        code: 'yaml-syntax',
        message: `unresolved merge conflict marker \`${text.slice(lineStart, lineStart + MARKER_LENGTH)}\` (conflict ${marker}): resolve the conflict and remove the marker lines`,
        start: lineStart,
        end: lineEnd,
      });
    }
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  return found;
}

function markerAt(text: string, start: number, end: number): string | undefined {
  const c = text.charCodeAt(start);
  const kind = MARKERS[c];
  if (!kind || end - start < MARKER_LENGTH) return undefined;
  for (let i = 1; i < MARKER_LENGTH; i++) if (text.charCodeAt(start + i) !== c) return undefined;
  if (end === start + MARKER_LENGTH) return kind;
  // `=======` stands alone on its line; the others may carry a label after a space.
  return c !== 61 && text.charCodeAt(start + MARKER_LENGTH) === 32 ? kind : undefined;
}

/**
 * `problems` when `text` has no conflict markers; else the markers, with only the syntax
 * problems that come before the first of them.
 */
export function withConflictMarkers(text: string, problems: Problem[]): Problem[] {
  const markers = findConflictMarkers(text);
  if (!markers.length) return problems;
  const first = markers[0].start;
  const before = problems.filter((p) => p.start < first && (p.code === 'yaml-syntax' || p.code === 'duplicate-key'));
  return [...before, ...markers];
}
