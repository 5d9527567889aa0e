/**
 * A quick reader for the plain subset of YAML that nearly every leaf of a programme is written
 * in: block mappings and sequences, plain scalars on one line, quoted scalars, one-line flow
 * sequences and mappings of them, `|` block scalars, and comments. A first open reads
 * thousands of such leaves, and building the `yaml` package's documents for them costs most of
 * that open.
 *
 * `yaml` stays the parser of record: for anything outside the subset (anchors, aliases, tags,
 * `>` blocks, plain scalars over several lines, tabs, odd indentation, a duplicate key,
 * anything in doubt) the reader declines and the leaf is parsed by `yaml`. What it accepts,
 * `yaml` parses without an error or a warning into the same tree: the same values, kinds and
 * ranges (test/unit/subset.test.ts compares the two on every leaf of the fixtures and on
 * thousands of mutated leaves). Plain scalars are resolved by the `yaml` package's own
 * core-schema tags, and quoted ones with escapes or line breaks by its reader of flow scalars.
 */
import { CST, Document, isScalar } from 'yaml';
import { Anchor, AnchoredMap, AnchoredScalar, AnchoredSeq, Node, Pair, ScalarNode } from './tree';
import { compact, SharedStrings } from './compact';
import { hasReportedCharacter, keyName, MappingKeys } from './convert';

interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  resolve: (source: string, onError: (message: string) => void, options: unknown) => unknown;
}

/** Thrown (and caught in `read`) where the text leaves the subset. */
class Declined extends Error {}

const SPACE = 32,
  NEWLINE = 10,
  HASH = 35,
  COLON = 58,
  DASH = 45,
  BACKSLASH = 92,
  COMMA = 44,
  CLOSE = 93;

/** Characters a plain scalar may not start with (YAML's indicators), in block and flow context alike. */
const INDICATOR: ReadonlySet<number> = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));
/** What the subset never reads: tabs, carriage returns and byte-order marks (nor the characters convert.ts reports). */
const OUTSIDE = /[\t\r\uFEFF]/;
/** What may follow a colon inside a plain scalar in a flow collection. */
const FLOW_SAFE = /^[^\s,[\]{}]$/;
/** `yaml` refuses an implicit key longer than 1024 characters; well below that, the reader declines. */
const MAX_KEY = 1000;
/** Deeper than this, the reader declines (a leaf of a programme is a few levels deep). */
const MAX_DEPTH = 16;

export class SubsetReader {
  private readonly tags: ScalarTag[];
  private readonly options: unknown;
  private src = '';
  private anchor!: Anchor;
  private strings?: SharedStrings;
  /** Where the node read last ends, with what follows it on its line (the `yaml` package's `range[2]`). */
  private after = 0;
  /** The start of the first line after the node read last. */
  private next = 0;
  /**
   * What the node read last was, for the comment lines after it: a one-line plain or quoted
   * scalar (`line`), an empty value, a block collection in column `lastCol`, or anything else.
   */
  private last: 'line' | 'empty' | 'block' | 'other' = 'other';
  private lastCol = 0;
  /** Where the block collection closed last ends (`range[1]`). */
  private closed = 0;

  /** `options`: the options `yaml` parses with, whose schema resolves plain scalars. */
  constructor(options: ConstructorParameters<typeof Document>[2]) {
    const doc = new Document(null, null, options);
    this.tags = (doc.schema.tags as unknown as ScalarTag[]).filter((t) => t.default === true && t.test);
    this.options = doc.options;
  }

  /** The tree of `source` (placed at `anchor`), or undefined where it leaves the subset. */
  read(source: string, anchor: Anchor, strings?: SharedStrings): Node | undefined {
    if (OUTSIDE.test(source) || hasReportedCharacter(source)) return undefined;
    this.src = source;
    this.anchor = anchor;
    this.strings = strings;
    try {
      const first = this.contentLine(0);
      if (first < 0) return undefined;
      const root = this.block(first, -1, 0);
      if (this.contentLine(this.next) >= 0) return undefined;
      return root;
    } catch (e) {
      if (e instanceof Declined) return undefined;
      throw e;
    } finally {
      this.src = '';
      this.strings = undefined;
    }
  }

  private lineEnd(p: number): number {
    const nl = this.src.indexOf('\n', p);
    return nl < 0 ? this.src.length : nl;
  }

  /** Past the line break at `le` (a line's end), or the end of the text. */
  private past(le: number): number {
    return le < this.src.length ? le + 1 : le;
  }

  private indent(p: number): number {
    let i = p;
    while (this.src.charCodeAt(i) === SPACE) i++;
    return i - p;
  }

  /** The start of the first line at or after `p` (a line's start) that has content (not only a comment), or -1. */
  private contentLine(p: number): number {
    const src = this.src;
    while (p < src.length) {
      const c = p + this.indent(p);
      const code = src.charCodeAt(c);
      if (code === HASH) {
        p = this.past(this.lineEnd(c));
        continue;
      }
      if (c < src.length && code !== NEWLINE) {
        // A document marker (`---`, `...` in the first column).
        if (c === p && (src.startsWith('---', p) || src.startsWith('...', p))) throw new Declined();
        return p;
      }
      p = c + 1;
    }
    return -1;
  }

  /**
   * Where a block collection in column `col` ends (`range[1]`, and with what follows it,
   * `range[2]`), its last entry or item ending at `last` and the next line with content at `q`
   * (or -1). As `yaml` reads the comment lines in between: one indented past the column belongs
   * to the last value (a one-line scalar takes it in, up to the end of its line; a collection
   * already did, if indented as far as its column); one in the column to the collection, which
   * then takes in everything up to the next content; one indented less to a collection further out. Any
   * other order or case is left to `yaml`.
   */
  private close(last: number, q: number, col: number): [number, number] {
    const src = this.src;
    // Where the next content begins (past its indentation), or the end of the text.
    const to = q < 0 ? src.length : q + this.indent(q);
    let end = last;
    let after = last;
    let stage = 0;
    for (let p = this.next; p < to;) {
      const n = this.indent(p);
      const le = this.lineEnd(p + n);
      if (src.charCodeAt(p + n) === HASH) {
        const place = n > col ? 0 : n === col ? 1 : 2;
        if (this.last === 'empty' || place < stage) throw new Declined();
        stage = place;
        if (place === 0) {
          if (this.last === 'line') end = this.past(le);
          else if (this.last !== 'block' || n < this.lastCol) throw new Declined();
        } else if (place === 1) after = to;
      }
      p = this.past(le);
    }
    this.last = 'block';
    this.lastCol = col;
    return [end, Math.max(end, after)];
  }

  /** Checks that the rest of a line, from `from` to `le`, is blank or a comment after a space. */
  private trailing(from: number, le: number): void {
    let j = from;
    while (this.src.charCodeAt(j) === SPACE) j++;
    if (j < le && !(j > from && this.src.charCodeAt(j) === HASH)) throw new Declined();
  }

  /** A block mapping or sequence whose first line starts at `p`, indented more than `parent`. */
  private block(p: number, parent: number, depth: number): Node {
    if (depth > MAX_DEPTH) throw new Declined();
    const n = this.indent(p);
    if (n <= parent) throw new Declined();
    const at = p + n;
    if (this.isDash(at)) return this.seq(p, n, depth);
    return this.map(at, n, depth);
  }

  private isDash(at: number): boolean {
    if (this.src.charCodeAt(at) !== DASH) return false;
    const c = this.src.charCodeAt(at + 1);
    return c === SPACE || c === NEWLINE || at + 1 >= this.src.length;
  }

  /** A block mapping whose first key is at `at`, in column `col`. */
  private map(at: number, col: number, depth: number): Node {
    const pairs: Pair[] = [];
    const keys = new MappingKeys(pairs);
    const start = at;
    for (;;) {
      const le = this.lineEnd(at);
      const colon = this.keyEnd(at, le);
      if (colon < 0) throw new Declined();
      const key = this.key(at, colon, keys);
      let value: Node;
      const v = colon + 1;
      let s = v;
      while (this.src.charCodeAt(s) === SPACE) s++;
      // Nothing after the colon but a comment, if anything: the value is on the lines below, or null.
      const comment = s < le && this.src.charCodeAt(s) === HASH;
      if (s === le && s > v) throw new Declined();
      if (s === le || comment) {
        const q = this.contentLine(this.past(le));
        if (q >= 0 && this.indent(q) > col) value = this.block(q, col, depth + 1);
        else {
          // An empty value with a comment takes in the blank lines after it, in `yaml`: left to it.
          if (comment) throw new Declined();
          value = this.scalar(false, null, v, v);
          this.after = v;
          this.last = 'empty';
          this.next = this.past(le);
        }
      } else value = this.inline(s, le, col, true);
      pairs.push({ key, value });
      const q = this.following(col);
      if (q < 0) break;
      at = q + col;
    }
    return new AnchoredMap(compact(pairs), false, start, this.closed, this.anchor);
  }

  /**
   * After an entry or item of a block collection in column `col`: the start of the line of the
   * next one, or -1 where the collection ends (its end then in `closed`, and `after` past it).
   */
  private following(col: number): number {
    const q = this.contentLine(this.next);
    if (q < 0 || this.indent(q) < col) {
      [this.closed, this.after] = this.close(this.after, q, col);
      return -1;
    }
    if (this.indent(q) > col) throw new Declined();
    return q;
  }

  /** A block sequence whose first dash is in column `col` of the line at `p`. */
  private seq(p: number, col: number, depth: number): Node {
    const items: Node[] = [];
    const start = p + col;
    for (;;) {
      const dash = p + col;
      if (!this.isDash(dash)) throw new Declined();
      const le = this.lineEnd(dash);
      let s = dash + 1;
      while (this.src.charCodeAt(s) === SPACE) s++;
      if (s >= le || this.isDash(s)) throw new Declined();
      const flow = this.src.charCodeAt(s) === 91 || this.src.charCodeAt(s) === 123;
      const item = !flow && this.keyEnd(s, le) >= 0 ? this.map(s, s - p, depth + 1) : this.inline(s, le, col, false);
      items.push(item);
      const q = this.following(col);
      if (q < 0) break;
      p = q;
    }
    return new AnchoredSeq(compact(items), false, start, this.closed, this.anchor);
  }

  /**
   * Where the implicit key at `at` ends (its colon), or -1 when the line holds no `key:` there;
   * declines where a key would be outside the subset.
   */
  private keyEnd(at: number, le: number): number {
    const src = this.src;
    for (let j = at; j < le; j++) {
      const c = src.charCodeAt(j);
      if (c === COLON && (j + 1 === le || src.charCodeAt(j + 1) === SPACE)) {
        if (INDICATOR.has(src.charCodeAt(at)) || src.charCodeAt(j - 1) === SPACE || j - at > MAX_KEY) throw new Declined();
        return j;
      }
      if (c === HASH && src.charCodeAt(j - 1) === SPACE) throw new Declined();
    }
    return -1;
  }

  /** The key from `at` to its `colon`, taken as met among `keys` (a duplicate is left to yaml and convert.ts, which report it). */
  private key(at: number, colon: number, keys: MappingKeys): ScalarNode {
    const key = this.scalar(false, keyName(this.resolve(this.src.slice(at, colon))), at, colon);
    if (keys.first(key.value as string)) throw new Declined();
    keys.add(key);
    return key;
  }

  /** A value that starts at `s` and ends on its line (`le`): a scalar or a flow sequence, or a `|` block scalar. */
  private inline(s: number, le: number, col: number, blockAllowed: boolean): Node {
    const src = this.src;
    const c = src.charCodeAt(s);
    let node: Node;
    let end: number;
    this.last = 'line';
    if (c === 91 /* [ */ || c === 123 /* { */) {
      [node, end] = this.flow(s, le);
      this.last = 'other';
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      end = this.quotedEnd(s, col);
      node = this.quoted(s, end, col);
      // A quoted scalar may go on over more lines: what follows it is on the line it ends on.
      if (end > le) {
        le = this.lineEnd(end);
        this.last = 'other';
      }
    } else if (c === 124 /* | */) {
      if (!blockAllowed) throw new Declined();
      return this.literal(s, le, col);
    } else {
      if (INDICATOR.has(c)) throw new Declined();
      // A plain value ends where its line does, or a comment begins.
      end = le;
      for (let j = s; j < le; j++) {
        const d = src.charCodeAt(j);
        if (d === HASH && src.charCodeAt(j - 1) === SPACE) {
          end = j;
          break;
        }
        if (d === COLON && (j + 1 === le || src.charCodeAt(j + 1) === SPACE)) throw new Declined();
      }
      while (src.charCodeAt(end - 1) === SPACE) end--;
      if (src.charCodeAt(end - 1) === COLON) throw new Declined();
      node = this.scalar(false, this.resolve(src.slice(s, end)), s, end);
    }
    this.trailing(end, le);
    this.after = this.past(le);
    this.next = this.after;
    return node;
  }

  /**
   * Where the quoted scalar at `s` ends (past its closing quote). In a block value (`col`: the
   * column of its key, or of the dash of its item) it may go on over more lines, each indented
   * past `col` or empty; in a flow list (`col` < 0) it ends on its line.
   */
  private quotedEnd(s: number, col: number): number {
    const src = this.src;
    const q = src.charCodeAt(s);
    for (let j = s + 1; j < src.length; j++) {
      const c = src.charCodeAt(j);
      if (c === NEWLINE) {
        if (col < 0) throw new Declined();
        const n = this.indent(j + 1);
        if (src.charCodeAt(j + 1 + n) === NEWLINE) {
          if (n > 0) throw new Declined();
        } else if (n <= col || j + 1 + n >= src.length) throw new Declined();
      } else if (q === 34 && c === BACKSLASH) {
        // An escape: the next character is not a closing quote (an escaped line break is still a line break).
        if (src.charCodeAt(j + 1) !== NEWLINE) j++;
      } else if (c === q) {
        if (q === 39 && src.charCodeAt(j + 1) === 39) {
          j++;
          continue;
        }
        return j + 1;
      }
    }
    throw new Declined();
  }

  /**
   * A quoted scalar: a one-line one without escapes as it is written (`''` read as `'`),
   * any other by the `yaml` package's reader of flow scalars (escapes, folded lines).
   */
  private quoted(s: number, end: number, col: number): ScalarNode {
    const src = this.src;
    let text = src.slice(s + 1, end - 1);
    const double = src.charCodeAt(s) === 34;
    if (text.includes('\n') || (double && text.includes('\\'))) {
      const token = { type: double ? 'double-quoted-scalar' : 'single-quoted-scalar', offset: 0, indent: Math.max(col, 0), source: src.slice(s, end) } as const;
      const resolved = CST.resolveAsScalar(token as CST.FlowScalar, true, () => {
        throw new Declined();
      });
      if (!resolved || typeof resolved.value !== 'string' || hasReportedCharacter(resolved.value)) throw new Declined();
      text = resolved.value;
    } else if (!double) text = text.replace(/''/g, "'");
    return this.scalar(true, this.own(text), s, end);
  }

  /**
   * A one-line flow sequence of plain and quoted scalars, or flow mapping of plain keys to
   * them, at `s` (its bracket), and where it ends.
   */
  private flow(s: number, le: number): [Node, number] {
    const src = this.src;
    const map = src.charCodeAt(s) === 123; /* { */
    const close = map ? 125 /* } */ : CLOSE;
    const items: Node[] = [];
    const pairs: Pair[] = [];
    const keys = new MappingKeys(pairs);
    let j = s + 1;
    const spaces = (): void => {
      while (src.charCodeAt(j) === SPACE) j++;
    };
    /** A scalar at `j` (a key ends at its colon), with `j` moved past it. */
    const scalar = (key: boolean): ScalarNode => {
      if (j >= le) throw new Declined();
      const c = src.charCodeAt(j);
      if (c === 34 || c === 39) {
        if (key) throw new Declined();
        const end = this.quotedEnd(j, -1);
        const node = this.quoted(j, end, -1);
        j = end;
        return node;
      }
      if (INDICATOR.has(c)) throw new Declined();
      const from = j;
      for (; j < le; j++) {
        const d = src.charCodeAt(j);
        if (d === COMMA || d === close || (key && d === COLON)) break;
        // A colon inside a value (`10:00`) is followed by neither a space nor a flow indicator.
        if (d === COLON && !FLOW_SAFE.test(src[j + 1] ?? '')) throw new Declined();
        if (d === HASH || d === 91 || d === CLOSE || d === 123 || d === 125) throw new Declined();
      }
      let end = j;
      while (src.charCodeAt(end - 1) === SPACE) end--;
      if (key) {
        if (end !== j || src.charCodeAt(j) !== COLON || src.charCodeAt(j + 1) !== SPACE) throw new Declined();
        return this.key(from, end, keys);
      }
      return this.scalar(false, this.resolve(src.slice(from, end)), from, end);
    };
    spaces();
    if (src.charCodeAt(j) !== close)
      for (;;) {
        if (map) {
          const key = scalar(true);
          j += 2;
          spaces();
          pairs.push({ key, value: scalar(false) });
        } else items.push(scalar(false));
        spaces();
        const d = src.charCodeAt(j);
        if (d === close) break;
        if (d !== COMMA) throw new Declined();
        j++;
        spaces();
        if (src.charCodeAt(j) === close || src.charCodeAt(j) === COMMA) throw new Declined();
      }
    if (j >= le) throw new Declined();
    const node = map ? new AnchoredMap(compact(pairs), true, s, j + 1, this.anchor) : new AnchoredSeq(compact(items), true, s, j + 1, this.anchor);
    return [node, j + 1];
  }

  /** A `|` or `|-` block scalar whose header is at `s`, under a key in column `col`. */
  private literal(s: number, le: number, col: number): Node {
    const src = this.src;
    const header = src.slice(s, le);
    if (header !== '|' && header !== '|-') throw new Declined();
    const lines: string[] = [];
    let p = this.past(le);
    let blockIndent = -1;
    let blanks = 0;
    let contentEnd = -1;
    while (p < src.length) {
      const e = this.lineEnd(p);
      if (e === p) {
        if (blockIndent < 0) throw new Declined();
        blanks++;
        p = e + 1;
        continue;
      }
      const n = this.indent(p);
      if (p + n === e) throw new Declined();
      if (blockIndent < 0) {
        if (n <= col) break;
        blockIndent = n;
      } else if (n < blockIndent) break;
      for (; blanks > 0; blanks--) lines.push('');
      if (e >= src.length) throw new Declined();
      lines.push(src.slice(p + blockIndent, e));
      contentEnd = e + 1;
      p = e + 1;
    }
    if (contentEnd < 0) throw new Declined();
    const text = lines.join('\n') + (header === '|' ? '\n' : '');
    this.after = contentEnd;
    this.last = 'other';
    this.next = contentEnd;
    return this.scalar(true, this.own(text), s, contentEnd);
  }

  /** A plain scalar's value, as the `yaml` package's core schema resolves it. */
  private resolve(source: string): unknown {
    for (const tag of this.tags) {
      if (!tag.test!.test(source)) continue;
      const v = tag.resolve(
        source,
        () => {
          throw new Declined();
        },
        this.options,
      );
      return isScalar(v) ? v.value : v;
    }
    return this.own(source);
  }

  private own(s: string): string {
    return this.strings ? this.strings.get(s) : s;
  }

  private scalar(quoted: boolean, value: unknown, s: number, e: number): ScalarNode {
    return new AnchoredScalar(quoted, value, s, e, this.anchor);
  }
}
