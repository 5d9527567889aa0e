/**
 * Splits a programme's text into independent pieces ("leaves") along the block structure of
 * the format, so that an edit re-parses only the leaves it touches. This is a cheap line scan,
 * never a YAML parse: it looks at each line's indentation and first characters only. After an
 * edit, only the children of the collection the edit lies in are split again (`splitChildren`).
 *
 * The split follows the format's big collections: the top-level keys; the entries of
 * `people`, `rooms` and `tracks`; the keys of each track; the items of each track's `slots`
 * and `sessions`. Anything unusual below a collection (a quoted or complex key, a flow
 * collection, odd indentation) makes that collection one leaf; anything unusual at the top
 * (tabs in indentation, directives, document markers, a non-mapping root) means no split.
 * Which keys those collections have comes from the format's shape (model/shape.ts).
 */
import { SHAPE, Shape } from '../model/shape';

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
  /** Where the lines of the children begin (the line after the key line; the root's first line). */
  childFrom: number;
  /** The indentation of the key line (-1 for the root) and of the children. */
  indent: number;
  childIndent: number;
  /** The keys leading to this collection from the root. */
  path: string[];
}

export function isComposite(piece: Leaf | Composite): piece is Composite {
  return (piece as Composite).children !== undefined;
}

/**
 * The line table: per line its start, the end of its content (before the newline), the start
 * of the next line, its indentation and kind. Typed arrays, so that a table of a quarter of a
 * million lines is cheap to build.
 */
export interface Lines {
  count: number;
  start: Int32Array;
  end: Int32Array;
  next: Int32Array;
  indent: Int32Array;
  kind: Uint8Array;
}

const BLANK = 0,
  COMMENT = 1,
  CONTENT = 2;

/** Which collections are split further, by path: the format's maps of entries and a track's lists. */
function compositeShape(path: readonly string[], shape: Shape): 'map' | 'seq' | undefined {
  const n = path.length;
  const { maps, lists } = shape;
  if (n === 1 && (path[0] === maps.person || path[0] === maps.room || path[0] === maps.track)) return 'map';
  if (n === 2 && path[0] === maps.track) return 'map';
  if (n === 3 && path[0] === maps.track && (path[2] === lists.slot || path[2] === lists.session)) return 'seq';
  return undefined;
}

export interface SplitResult {
  plan: Composite;
  lines: Lines;
}

/** Returns the split plan, or undefined when the text must be parsed as a whole. */
export function split(text: string, shape: Shape = SHAPE): Composite | undefined {
  return splitLines(text, shape)?.plan;
}

/** Like `split`, also returning the line table. */
export function splitLines(text: string, shape: Shape = SHAPE): SplitResult | undefined {
  if (/\r(?!\n)/.test(text)) return undefined;
  const builder = new LineBuilder(Math.max(16, text.length >> 4));
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!scan(text, from, text.length, builder, true)) return undefined;
  // An empty text is one blank line.
  if (builder.count === 0) builder.push(from, from, text.length, 0, BLANK);
  return planOf(text, builder.finish(), shape);
}

/**
 * The children of one collection again, from the lines `[from, to)` of `text` (`from` and `to`
 * are line starts, or `to` is the end of the text): what `splitLines` would make of those lines
 * as children of a collection whose key line has indentation `indent`, under `path`, whose
 * other children have indentation `childIndent`. Undefined when these lines do not have that
 * shape (then a wider part must be split again).
 */
export function splitChildren(
  text: string,
  from: number,
  to: number,
  collection: { indent: number; childIndent: number; shape: 'map' | 'seq'; path: string[] },
  shape: Shape = SHAPE,
): (Leaf | Composite)[] | undefined {
  if (/\r(?!\n)/.test(text.slice(Math.max(0, from - 1), Math.min(text.length, to + 1)))) return undefined;
  const lines = new LineBuilder(64);
  if (!scan(text, from, to, lines, to >= text.length)) return undefined;
  if (lines.count === 0) return undefined;
  return splitRegion(text, lines, 0, lines.count, collection.indent, collection.shape, collection.path, shape, collection.childIndent);
}

function planOf(text: string, lines: Lines, shape: Shape): SplitResult | undefined {
  const root = splitRegion(text, lines, 0, lines.count, -1, 'map', [], shape);
  if (!root) return undefined;
  const childFrom = lines.start[0];
  return {
    plan: {
      form: 'root',
      start: 0,
      end: text.length,
      shape: 'map',
      children: root,
      childFrom,
      indent: -1,
      childIndent: indentOf(text, root[0].start),
      path: [],
    },
    lines,
  };
}

function indentOf(text: string, lineStart: number): number {
  let i = lineStart;
  while (text.charCodeAt(i) === 32) i++;
  return i - lineStart;
}

class LineBuilder implements Lines {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  next: Int32Array;
  indent: Int32Array;
  kind: Uint8Array;

  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    this.indent = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
  }

  push(start: number, end: number, next: number, indent: number, kind: number): void {
    if (this.count === this.start.length) this.grow();
    const i = this.count++;
    this.start[i] = start;
    this.end[i] = end;
    this.next[i] = next;
    this.indent[i] = indent;
    this.kind[i] = kind;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const bigger = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.start = bigger(this.start);
    this.end = bigger(this.end);
    this.next = bigger(this.next);
    this.indent = bigger(this.indent);
    this.kind = bigger(this.kind);
  }

  finish(): Lines {
    return this;
  }
}

/**
 * Scans the lines from `pos` (a line start) until `to` (a line start, or the end of the text
 * when `toEnd`). False when the text has a shape the split does not handle.
 */
function scan(text: string, pos: number, to: number, out: LineBuilder, toEnd: boolean): boolean {
  const len = text.length;
  const stop = toEnd ? len : to;
  while (pos < stop) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = len;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    let i = pos;
    while (i < end && text.charCodeAt(i) === 32) i++;
    const c = i < end ? text.charCodeAt(i) : -1;
    let kind = CONTENT;
    if (c === -1) kind = BLANK;
    else if (c === 9)
      return false; // a tab in indentation: let the parser speak
    else if (c === 35) kind = COMMENT;
    else if (i === pos && (c === 37 || text.startsWith('---', i) || text.startsWith('...', i))) return false;
    out.push(pos, end, nl < len ? nl + 1 : len, i - pos, kind);
    if (nl >= len) break;
    pos = nl + 1;
  }
  return true;
}

/**
 * Splits lines [from, to) into the children of one collection whose parent sits at
 * `parentIndent`. Returns undefined when the region does not have the simple shape needed.
 */
function splitRegion(
  text: string,
  lines: Lines,
  from: number,
  to: number,
  parentIndent: number,
  shape: 'map' | 'seq',
  path: string[],
  format: Shape,
  childIndent?: number,
): (Leaf | Composite)[] | undefined {
  const kinds = lines.kind,
    indents = lines.indent;
  let first = from;
  while (first < to && kinds[first] !== CONTENT) first++;
  if (first === to) return undefined;
  const indent = indents[first];
  if (shape === 'map' ? indent <= parentIndent : indent < parentIndent) return undefined;
  if (childIndent !== undefined && indent !== childIndent) return undefined;
  const children: (Leaf | Composite)[] = [];
  let i = first;
  while (i < to) {
    if (kinds[i] !== CONTENT || indents[i] !== indent) return undefined;
    let j = i + 1;
    while (j < to && (kinds[j] !== CONTENT || indents[j] > indent)) j++;
    const start = lines.start[i];
    const end = lines.next[j - 1];
    if (shape === 'seq') {
      if (!isDash(text, start + indent, lines.end[i])) return undefined;
      children.push({ start, end, form: 'item' });
    } else {
      const key = simpleKey(text, start + indent, lines.end[i]);
      if (key === undefined) return undefined;
      const childPath = path.length < 3 && !key.inline ? [...path, key.name] : undefined;
      const childShape = childPath && compositeShape(childPath, format);
      const grand = childShape ? splitRegion(text, lines, i + 1, j, indent, childShape, childPath, format) : undefined;
      children.push(
        grand
          ? {
              form: 'entry',
              key: key.name,
              start,
              end,
              shape: childShape!,
              children: grand,
              childFrom: lines.next[i],
              indent,
              childIndent: indentOf(text, grand[0].start),
              path: childPath!,
            }
          : { start, end, form: 'entry', key: key.name },
      );
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
