/**
 * "Format Document" and `programme format`: a programme written the canonical way. Keys in
 * the order of FORMAT.md (schema/keyOrder.ts), two-space indentation with list items indented
 * under their key, text quoted only where YAML would misread it (syntax/quote.ts), slots in
 * file order (or, with `sort`, by start, then title). What the user chose is kept: comments,
 * blank lines between entries, flow (`[a, b]`, `{ start: ..., end: ... }`) or block style,
 * block scalars, anchors, the line endings and a byte-order mark.
 *
 * The `yaml` package's Document API keeps comments and styles; the text is parsed, rearranged
 * and printed again. The result is checked to hold the same data as the input (else nothing is
 * formatted), and formatting it again changes nothing. A file that does not parse is not
 * formatted: the reason says where.
 */
import { Composer, CST, Document, isMap, isScalar, isSeq, LineCounter, Parser, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { shallowTokens } from '../syntax/yamlDocument';
import { isIdMap, KEY_ORDER, mappingAt } from '../schema/keyOrder';
import { needsQuotes } from '../syntax/quote';

export interface FormatOptions {
  /** Slots by start, then title (unscheduled ones last, in file order). */
  sort?: boolean;
}

export type FormatResult = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

const PRINT = { indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true } as const;
/** Alias expansion allowed when comparing data (the checks refuse bombs long before). */
const MAX_ALIAS_COUNT = 10_000;

/** `text` formatted, or why it cannot be. */
export function formatProgramme(text: string, options: FormatOptions = {}): FormatResult {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const crlf = /\r\n/.test(body);
  const source = crlf ? body.replace(/\r\n/g, '\n') : body;
  let docs: Document.Parsed[];
  try {
    const lines = new LineCounter();
    // Duplicate keys are looked for below, in linear time (the parser's own check is quadratic).
    const { tokens, cut } = shallowTokens(source, lines);
    if (cut) return { ok: false, reason: 'the file is nested too deep (fix the YAML first)' };
    docs = Array.from(new Composer({ prettyErrors: false, uniqueKeys: false }).compose(tokens, true, source.length));
    if (docs.length === 0) return { ok: false, reason: 'the file is empty' };
    if (docs.length !== 1) return { ok: false, reason: 'the file holds more than one YAML document' };
    const error = docs[0].errors[0];
    if (error) {
      const at = lines.linePos(error.pos[0]);
      return { ok: false, reason: `line ${at.line}: ${error.message.split('\n')[0]} (fix the YAML first)` };
    }
    const duplicate = firstDuplicateKey(docs[0].contents);
    if (duplicate !== undefined) return { ok: false, reason: `line ${lines.linePos(duplicate).line}: a key appears twice in one mapping (fix the YAML first)` };
  } catch (error) {
    return { ok: false, reason: `the file cannot be read as YAML (${(error as Error).message})` };
  }
  const doc = docs[0];
  let before: unknown;
  try {
    // Sorting slots is the one change of data asked for: the rest must keep it as it is.
    if (options.sort) sortAllSlots(doc.contents);
    before = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    arrange(doc.contents, []);
    // The printed text is parsed once: its tokens place the padding to take out of flow
    // lists, and its documents show the data (unpadding a list does not change it).
    const printed = doc.toString(PRINT);
    const tokens = Array.from(new Parser().parse(printed));
    let out = padFlowSequences(printed, tokens);
    const after = dataOf(tokens);
    if (after === undefined || !sameData(before, after)) {
      return { ok: false, reason: 'formatting would change the data (please report this file)' };
    }
    if (crlf) out = out.replace(/\n/g, '\r\n');
    out = bom + out;
    return { ok: true, text: out, changed: out !== text };
  } catch (error) {
    return { ok: false, reason: `the file cannot be formatted (${(error as Error).message})` };
  }
}

/** The offset of the first key repeated in a mapping, if any. */
function firstDuplicateKey(node: unknown): number | undefined {
  if (isMap(node)) {
    const seen = new Set<unknown>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (key !== undefined) {
        if (seen.has(key)) return (pair.key as Scalar).range?.[0] ?? 0;
        seen.add(key);
      }
      const inner = firstDuplicateKey(pair.value);
      if (inner !== undefined) return inner;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inner = firstDuplicateKey(item);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/** Sorts the slots of every track, in place. */
function sortAllSlots(root: unknown): void {
  const tracks = isMap(root) ? root.get('tracks', true) : undefined;
  if (!isMap(tracks)) return;
  for (const pair of tracks.items) {
    const slots = isMap(pair.value) ? pair.value.get('slots', true) : undefined;
    if (isSeq(slots)) sortSlots(slots);
  }
}

/** Orders keys and sets the quoting of text, in place. */
function arrange(node: unknown, path: string[]): void {
  if (isMap(node)) {
    const kind = mappingAt(path);
    if (kind) orderKeys(node, KEY_ORDER[kind]);
    const ids = isIdMap(path);
    node.items.forEach((pair, i) => {
      // A blank line right after `key:` separates nothing.
      if (i === 0 && path.length && isScalar(pair.key)) pair.key.spaceBefore = false;
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      arrange(pair.value, [...path, ids ? '*' : key]);
    });
  } else if (isSeq(node)) {
    for (const item of node.items) arrange(item, [...path, '*']);
  } else if (isScalar(node)) {
    requote(node);
  }
}

function orderKeys(map: YAMLMap, order: readonly string[]): void {
  const rank = (pair: (typeof map.items)[number]): number => {
    const i = isScalar(pair.key) ? order.indexOf(String(pair.key.value)) : -1;
    return i < 0 ? order.length : i;
  };
  const sorted = map.items
    .map((pair, i) => ({ pair, i }))
    .sort((a, b) => rank(a.pair) - rank(b.pair) || a.i - b.i)
    .map((x) => x.pair);
  if (sorted.every((p, i) => p === map.items[i])) return;
  // Comments and blank lines belong to the entry they precede and move with it; the first
  // entry of a mapping does not start with a blank line.
  map.items = sorted;
}

function sortSlots(seq: YAMLSeq): void {
  const field = (item: unknown, key: string): string | undefined => {
    const v = isMap(item) ? item.get(key, true) : undefined;
    return isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
  };
  const keyed = seq.items.map((item, i) => ({ item, i, start: field(item, 'start')?.replace('T', ' '), title: field(item, 'title') ?? '' }));
  keyed.sort((a, b) => {
    if (a.start === undefined || b.start === undefined) return (a.start === undefined ? 1 : 0) - (b.start === undefined ? 1 : 0) || a.i - b.i;
    return a.start < b.start ? -1 : a.start > b.start ? 1 : a.title < b.title ? -1 : a.title > b.title ? 1 : a.i - b.i;
  });
  seq.items = keyed.map((k) => k.item);
}

/** Plain where the text reads back as itself, quoted where YAML (1.2 or 1.1) would misread it. */
function requote(node: Scalar): void {
  if (typeof node.value !== 'string' || node.anchor || node.tag) return;
  const type = node.type;
  if (type === Scalar.BLOCK_LITERAL || type === Scalar.BLOCK_FOLDED || /[\n\r\t]/.test(node.value)) return;
  if (!needsQuotes(node.value)) node.type = Scalar.PLAIN;
  else if (type !== Scalar.QUOTE_DOUBLE && type !== Scalar.QUOTE_SINGLE) node.type = /["\\]/.test(node.value) ? Scalar.QUOTE_SINGLE : Scalar.QUOTE_DOUBLE;
}

/** `[ a, b ]` as `[a, b]`: flow lists unpadded, flow mappings padded (`{ start: ... }`). */
function padFlowSequences(text: string, tokens: CST.Token[]): string {
  const cuts: number[] = [];
  for (const token of tokens) {
    CST.visit(token as CST.Document, (item) => {
      const value = item.value as CST.Token | undefined;
      if (value?.type !== 'flow-collection' || value.start.source !== '[') return;
      const open = value.start.offset + 1;
      if (text[open] === ' ' && text[open + 1] !== '\n' && text[open + 1] !== '#') cuts.push(open);
      const close = value.end.find((t) => t.type === 'flow-seq-end');
      if (close && text[close.offset - 1] === ' ' && text[close.offset - 2] !== '\n' && text[close.offset - 2] !== ' ') cuts.push(close.offset - 1);
    });
  }
  if (!cuts.length) return text;
  cuts.sort((a, b) => a - b);
  const parts: string[] = [];
  let from = 0;
  for (const at of cuts) {
    parts.push(text.slice(from, at));
    from = at + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

function dataOf(tokens: CST.Token[]): unknown {
  const docs = Array.from(new Composer({ prettyErrors: false }).compose(tokens));
  if (docs.length !== 1 || docs[0].errors.length) return undefined;
  return docs[0].toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}

/** Deep equality of parsed YAML data, with mappings compared regardless of key order. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameData(x, (b as unknown[])[i]));
  if (a instanceof Map || b instanceof Map) return false;
  const ka = Object.keys(a as object),
    kb = Object.keys(b as object);
  return (
    ka.length === kb.length && ka.every((k) => Object.hasOwn(b as object, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
