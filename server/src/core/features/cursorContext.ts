/**
 * Where the cursor is, read from the text around it rather than from the syntax tree: the
 * path of keys above it, whether a key or a value is being typed, and the word typed so far.
 * Completion needs this on half-typed documents (`speakers: [`, `key:` with no value, a
 * syntax error above), where the parser's tree is missing or wrong near the cursor; the text's
 * indentation still tells the structure.
 */
import { lineStart as startOfLine } from '../syntax/lines';

export type CursorMode =
  /** Typing a key of a mapping (or nothing yet on an indented line). */
  | 'key'
  /** Typing the value of `key` on the same line. */
  | 'value'
  /** Typing an item of a flow sequence `key: [a, b|`. */
  | 'flowItem'
  /** Typing a scalar after `- ` (a block sequence item that may be a scalar or a new mapping). */
  | 'item';

export interface CursorContext {
  mode: CursorMode;
  /**
   * Keys (strings) and sequence items (-1: the index is not computed from the text) from the
   * root to the mapping or sequence the cursor is in. In `value` and `flowItem` modes the
   * last segment is the key whose value is typed.
   */
  path: (string | -1)[];
  /** The key whose value is typed (`value`, `flowItem`). */
  key?: string;
  /** What is typed so far of the word at the cursor. */
  prefix: string;
  /** The range a completion replaces: the whole word or value around the cursor. */
  replaceStart: number;
  replaceEnd: number;
  /** Column of the key (or item) being typed: where a new key of the same mapping starts. */
  column: number;
  /** True when the cursor follows `- ` on its line. */
  afterDash: boolean;
  /** True when the cursor directly follows `key:` with no space. */
  needsSpace: boolean;
}

interface LineShape {
  /** Columns of `- ` markers, then the key (if any) with its column. */
  dashes: number[];
  key?: string;
  keyColumn: number;
  /** Text after `key:` (trimmed), when there is a key. */
  value?: string;
}

const KEY_RE = /^("[^"]*"|'[^']*'|[^\s#'"[\]{},:][^#:]*?)\s*:(?=\s|$)/;

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key.trim();
}

/** The structure of one line: its `- ` markers and its key. Undefined for blank and comment lines. */
function shapeOf(line: string): LineShape | undefined {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  if (i >= line.length || line[i] === '#') return undefined;
  if (line.startsWith('---', i) || line.startsWith('...', i)) return undefined;
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
    dashes.push(i);
    i++;
    while (line[i] === ' ') i++;
  }
  const m = KEY_RE.exec(line.slice(i));
  if (!m) return { dashes, keyColumn: i };
  return { dashes, key: unquote(m[1]), keyColumn: i, value: line.slice(i + m[0].length).trim() };
}

/** True when the line's value starts a block scalar (`|`, `>-`...): deeper lines are text. */
function opensBlockScalar(shape: LineShape): boolean {
  return shape.value !== undefined && /^[|>][-+0-9]*\s*(#.*)?$/.test(shape.value);
}

/**
 * The context at `offset`, or undefined inside a comment, a block scalar or a quoted string
 * (where nothing can be completed).
 */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = startOfLine(text, offset);
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, offset);
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  if (/(^|\s)#/.test(before)) return undefined;
  const shape = shapeOf(before) ?? { dashes: [], keyColumn: before.length };
  const afterDash = shape.dashes.length > 0;
  let ctx: CursorContext;
  if (shape.key !== undefined) {
    const valueStart = lineStart + before.indexOf(':', shape.keyColumn) + 1;
    ctx = valueContext(line, lineStart, valueStart, offset, shape.key, shape.keyColumn, afterDash);
    if (!ctx) return undefined;
  } else {
    const col = shape.keyColumn;
    const rest = before.slice(col);
    if (/["'[{]/.test(rest)) return undefined;
    const wordEnd = lineStart + col + (/^[^\s:#,\]}]*/.exec(line.slice(col))?.[0].length ?? 0);
    ctx = {
      mode: afterDash ? 'item' : 'key',
      path: [],
      prefix: rest,
      replaceStart: lineStart + col,
      replaceEnd: Math.max(offset, wordEnd),
      column: col,
      afterDash,
      needsSpace: false,
    };
  }
  const own: (string | -1)[] = shape.dashes.map(() => -1 as const);
  if (ctx.mode === 'value' || ctx.mode === 'flowItem') own.push(ctx.key!);
  const outer = parentPath(text, lineStart, shape.dashes.length ? shape.dashes[0] : ctx.column, afterDash);
  if (!outer) return undefined;
  ctx.path = [...outer, ...own];
  return ctx;
}

function valueContext(line: string, lineStart: number, valueStart: number, offset: number, key: string, keyColumn: number, afterDash: boolean): CursorContext {
  const typed = line.slice(valueStart - lineStart, offset - lineStart);
  const lead = typed.length - typed.trimStart().length;
  const start = valueStart + lead;
  const value = typed.slice(lead);
  const base = { key, column: keyColumn, afterDash, needsSpace: typed.length === 0, path: [] };
  if (value.startsWith('[')) {
    const inner = value.slice(1);
    if (inner.includes(']')) return undefined as unknown as CursorContext;
    const sep = Math.max(inner.lastIndexOf(','), -1);
    const word = inner.slice(sep + 1);
    const wlead = word.length - word.trimStart().length;
    const wStart = start + 1 + sep + 1 + wlead;
    const tail = /^[^\s,\]#]*/.exec(line.slice(offset - lineStart))?.[0].length ?? 0;
    return { ...base, mode: 'flowItem', prefix: word.trimStart(), replaceStart: wStart, replaceEnd: offset + tail, needsSpace: false };
  }
  if (/^["'{|>&*!]/.test(value)) return undefined as unknown as CursorContext;
  const rest = line.slice(offset - lineStart);
  const tailMatch = /^[^#]*?(?=\s*(#|$))/.exec(rest);
  return { ...base, mode: 'value', prefix: value, replaceStart: start, replaceEnd: offset + (tailMatch?.[0].length ?? 0) };
}

/**
 * The path of the mapping or sequence that holds something at `column` on the line starting
 * at `lineStart`: scans upward for the lines that open each enclosing level. Undefined when
 * the cursor is inside a block scalar.
 */
function parentPath(text: string, lineStart: number, column: number, dash: boolean): (string | -1)[] | undefined {
  const path: (string | -1)[] = [];
  let col = column;
  let isDash = dash;
  let end = lineStart - 1;
  while (col > 0 && end >= 0) {
    const start = startOfLine(text, end);
    const raw = text.slice(start, end);
    end = start - 1;
    // Cheap skip of lines deeper than `col`: they belong to siblings.
    let indent = 0;
    while (indent < raw.length && raw[indent] === ' ') indent++;
    if (indent > col && indent < raw.length) continue;
    const shape = shapeOf(raw.replace(/\r$/, ''));
    if (!shape) continue;
    // The deepest level on this line that opens something shallower than `col`.
    const levels: { column: number; seg: string | -1; block: boolean }[] = shape.dashes.map((c) => ({ column: c, seg: -1 as const, block: false }));
    if (shape.key !== undefined) levels.push({ column: shape.keyColumn, seg: shape.key, block: opensBlockScalar(shape) });
    // `key:` then `- item` at the same indentation is a sequence value too.
    const compact = isDash && shape.key !== undefined && shape.keyColumn === col && !shape.value && !shape.dashes.length;
    const inner = levels.filter((l) => l.column < col || (compact && l.column === col));
    if (!inner.length) continue;
    const opener = inner[inner.length - 1];
    if (opener.block) return undefined;
    // The levels of this line up to the opener, innermost last.
    const chain = levels.filter((l) => l.column <= opener.column);
    for (let i = chain.length - 1; i >= 0; i--) path.unshift(chain[i].seg);
    col = chain[0].column;
    isDash = chain[0].seg === -1;
    if (compact && col === 0) break;
  }
  return path;
}

/** Keys already present in the block mapping the cursor's line belongs to (at `column`). */
export function siblingKeys(text: string, offset: number, column: number, opensHere = false, limit = 400): Set<string> {
  const keys = new Set<string>();
  const lineStart = startOfLine(text, offset);
  const visit = (raw: string, first: boolean): boolean => {
    const shape = shapeOf(raw.replace(/\r$/, ''));
    if (!shape) return true;
    const levels = [...shape.dashes, ...(shape.key !== undefined ? [shape.keyColumn] : [])];
    if (!levels.length) return true;
    if (levels[0] < column) {
      // A line that opens our mapping with `- key:` still holds one of its keys.
      if (first && shape.key !== undefined && shape.keyColumn === column) keys.add(shape.key);
      return false;
    }
    if (levels[0] === column && shape.dashes[0] === column) return false;
    if (shape.key !== undefined && shape.keyColumn === column) keys.add(shape.key);
    return true;
  };
  let end = opensHere ? -1 : lineStart - 1;
  for (let n = 0; n < limit && end >= 0; n++) {
    const start = startOfLine(text, end);
    if (!visit(text.slice(start, end), true)) break;
    end = start - 1;
  }
  let start = text.indexOf('\n', offset);
  for (let n = 0; n < limit && start >= 0; n++) {
    const next = text.indexOf('\n', start + 1);
    if (!visit(text.slice(start + 1, next < 0 ? text.length : next), false)) break;
    start = next;
  }
  return keys;
}
