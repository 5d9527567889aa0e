/**
 * Splits a programme's text into independent pieces ("leaves") along the block structure of
 * the format, so that an edit re-parses only the leaves it touches. This is a cheap line scan,
 * never a YAML parse: it looks at each line's indentation and first characters only.
 *
 * The split follows the format's big collections: the top-level keys; the entries of
 * `people`, `rooms` and `tracks`; the keys of each track; the items of each track's `slots`
 * and `sessions`. Anything unusual below a collection (a quoted or complex key, a flow
 * collection, odd indentation) makes that collection one leaf; anything unusual at the top
 * (tabs in indentation, directives, document markers, a non-mapping root) means no split.
 */

export interface Leaf {
  /** Offset of the first character of the leaf's first line (its indentation included). */
  start: number;
  /** Offset just past the leaf's last line, newline included. */
  end: number;
  /** `entry`: one `key: value` of a mapping; `item`: one `- value` of a sequence. */
  form: 'entry' | 'item';
  key?: string;
}

export interface Composite {
  form: 'entry' | 'item' | 'root';
  key?: string;
  /** Offset of the key line (entry) or dash line (item); the root starts at 0. */
  start: number;
  end: number;
  /** Whether the children are `key:` entries (a mapping) or `- ` items (a sequence). */
  shape: 'map' | 'seq';
  children: (Leaf | Composite)[];
}

export function isComposite(piece: Leaf | Composite): piece is Composite {
  return (piece as Composite).children !== undefined;
}

interface Line {
  start: number;
  /** End of the line's content (before the newline). */
  end: number;
  /** End including the newline. */
  next: number;
  indent: number;
  /** blank, comment-only, or content. */
  kind: 0 | 1 | 2;
}

const BLANK = 0, COMMENT = 1, CONTENT = 2;

/** Which collections are split further, by path (`*` matches any key). */
function compositeShape(path: readonly string[]): 'map' | 'seq' | undefined {
  const n = path.length;
  if (n === 1 && (path[0] === 'people' || path[0] === 'rooms' || path[0] === 'tracks')) return 'map';
  if (n === 2 && path[0] === 'tracks') return 'map';
  if (n === 3 && path[0] === 'tracks' && (path[2] === 'slots' || path[2] === 'sessions')) return 'seq';
  return undefined;
}

/** Returns the split plan, or undefined when the text must be parsed as a whole. */
export function split(text: string): Composite | undefined {
  const lines = scanLines(text);
  if (!lines) return undefined;
  const root = splitRegion(text, lines, 0, lines.length, -1, 'map', []);
  if (!root) return undefined;
  return { form: 'root', start: 0, end: text.length, shape: 'map', children: root };
}

function scanLines(text: string): Line[] | undefined {
  // A lone carriage return is a line break for YAML but not for this scan.
  if (/\r(?!\n)/.test(text)) return undefined;
  const lines: Line[] = [];
  let pos = 0;
  const len = text.length;
  // A leading byte-order mark is not content; columns after it stay as the editor counts them.
  if (text.charCodeAt(0) === 0xfeff) pos = 1;
  while (pos < len || (pos === len && lines.length === 0)) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = len;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    let i = pos;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const c = i < end ? text.charCodeAt(i) : -1;
    let kind: 0 | 1 | 2 = CONTENT;
    if (c === -1) kind = BLANK;
    else if (c === 9) return undefined; // a tab in indentation: let the parser speak
    else if (c === 35) kind = COMMENT;
    else if (i === pos && (c === 37 || text.startsWith('---', i) || text.startsWith('...', i))) return undefined;
    lines.push({ start: pos, end, next: nl < len ? nl + 1 : len, indent: i - pos, kind });
    if (nl >= len) break;
    pos = nl + 1;
  }
  return lines;
}

/**
 * Splits lines [from, to) into the children of one collection whose parent sits at
 * `parentIndent`. Returns undefined when the region does not have the simple shape needed.
 */
function splitRegion(
  text: string, lines: Line[], from: number, to: number, parentIndent: number,
  shape: 'map' | 'seq', path: string[],
): (Leaf | Composite)[] | undefined {
  let first = from;
  while (first < to && lines[first].kind !== CONTENT) first++;
  if (first === to) return undefined;
  const indent = lines[first].indent;
  if (shape === 'map' ? indent <= parentIndent : indent < parentIndent) return undefined;
  const children: (Leaf | Composite)[] = [];
  let i = first;
  while (i < to) {
    const line = lines[i];
    if (line.kind !== CONTENT || line.indent !== indent) return undefined;
    let j = i + 1;
    while (j < to && (lines[j].kind !== CONTENT || lines[j].indent > indent)) j++;
    const start = line.start;
    const end = lines[j - 1].next;
    if (shape === 'seq') {
      if (!isDash(text, line.start + indent, line.end)) return undefined;
      children.push({ start, end, form: 'item' });
    } else {
      const key = simpleKey(text, line.start + indent, line.end);
      if (key === undefined) return undefined;
      const childShape = key.inline ? undefined : compositeShape([...path, key.name]);
      const grand = childShape ? splitRegion(text, lines, i + 1, j, indent, childShape, [...path, key.name]) : undefined;
      children.push(grand
        ? { form: 'entry', key: key.name, start, end, shape: childShape!, children: grand }
        : { start, end, form: 'entry', key: key.name });
    }
    i = j;
  }
  return children;
}

function isDash(text: string, at: number, end: number): boolean {
  if (text.charCodeAt(at) !== 45) return false;
  return at + 1 === end || text.charCodeAt(at + 1) === 32;
}

/**
 * A key written plainly (`slots:` or `title: ...`); quoted, complex and odd keys return
 * undefined. `inline` tells whether a value follows on the same line.
 */
function simpleKey(text: string, at: number, end: number): { name: string; inline: boolean } | undefined {
  let i = at;
  while (i < end) {
    const c = text.charCodeAt(i);
    const ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95 || (c >= 65 && c <= 90);
    if (!ok) break;
    i++;
  }
  if (i === at || text.charCodeAt(at) === 45) return undefined;
  const name = text.slice(at, i);
  while (i < end && text.charCodeAt(i) === 32) i++;
  if (text.charCodeAt(i) !== 58) return undefined;
  i++;
  if (i < end && text.charCodeAt(i) !== 32) return undefined;
  while (i < end && text.charCodeAt(i) === 32) i++;
  const inline = i < end && text.charCodeAt(i) !== 35;
  return { name, inline };
}
