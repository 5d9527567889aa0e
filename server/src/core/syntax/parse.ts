/**
 * Parses a programme's text into our tree, re-parsing only what changed since the last call.
 *
 * The text is split into leaves (chunks.ts); each leaf is parsed on its own and kept, with the
 * collections above it (a track, its slots, the tracks...). After an edit, only the children of
 * the innermost collection the edit lies in are split again, and of those only the leaves whose
 * text changed are parsed again: the others are found by position (they lie in the text's
 * common prefix or suffix with the last text), or by text among recently dropped leaves
 * (typing a character, then deleting it). Everything after the edit moves by moving anchors
 * (tree.ts): each piece's is relative to the one around it, so only the pieces that follow the
 * edit in the collections on its way up move (the next slots of its track, the next tracks),
 * never the nodes or pieces inside them; those collections are built again from their
 * children, the others are kept as they are.
 *
 * A leaf in the plain subset of YAML that programmes are written in is read by the quick
 * reader (subset.ts); any other leaf is parsed by `yaml`.
 *
 * Whenever a leaf does not parse cleanly on its own (a syntax error, an anchor or alias, a
 * warning), the whole text is parsed as one document instead, so that what the user sees never
 * depends on the split. The result is a pure function of the text: an edited document and a
 * freshly opened one with the same text give the same tree and problems.
 */
import { Document, Scalar, visit, YAMLError } from 'yaml';
import { PARSE_OPTIONS, yamlDocument } from './yamlDocument';
import { Composite, isComposite, Leaf, splitChildren, splitLines } from './chunks';
import { Changed, commonEnds } from './change';
import { convertDocument, duplicateKey } from './convert';
import { compact, NONE, SharedStrings } from './compact';
import { SubsetReader } from './subset';
import { SHAPE, Shape } from '../model/shape';
import { Anchor, AnchoredScalar, MapNode, Node, Pair, ScalarNode, SeqNode } from './tree';
import { movedProblem, Problem } from '../service/problem';

export interface Syntax {
  text: string;
  root: Node | null;
  /** `yaml-syntax` and `duplicate-key` problems. */
  problems: Problem[];
  /** True when the text was parsed as one document (no split, or a leaf needed it). */
  whole: boolean;
  /** How the text differs from the one the parser had before (told or measured), when it had one. */
  changed?: Changed;
}

/** Above this many changed characters, the common ends are measured rather than taken as told. */
const TOLD_CHANGE_MAX = 4096;

/** A leaf as kept: its anchor (where it starts now), its length and what parsing it gave. */
interface KeptLeaf {
  leaf: true;
  anchor: Anchor;
  length: number;
  /** The one pair (an entry) or item (an item) the leaf is. */
  pair?: Pair;
  item?: Node;
  /** Problems as made when the leaf was parsed, with `anchor.at` then (`madeAt`). */
  problems: Problem[];
  madeAt: number;
}

/** A collection as kept: its children and the node built from them. */
interface KeptCollection {
  leaf: false;
  anchor: Anchor;
  length: number;
  form: 'entry' | 'item' | 'root';
  key?: string;
  shape: 'map' | 'seq';
  /** From the anchor to where the children's lines begin. */
  childFrom: number;
  indent: number;
  childIndent: number;
  path: string[];
  children: Kept[];
  node: MapNode | SeqNode;
  /** The pair of an entry (`key:` then the collection). */
  pair?: Pair;
  /** Keys that appear twice among the children: reported each time, from the nodes' positions then. */
  duplicates: { key: ScalarNode; first: ScalarNode }[];
}

type Kept = KeptLeaf | KeptCollection;

/** Where a new piece came from: a leaf kept before, at `oldStart`, or parsed now. */
interface Fit {
  /** Old leaves by where they started in the last text, for the leaves the edit did not touch. */
  byOldStart: Map<number, KeptLeaf>;
  prefix: number;
  suffixFrom: number;
  delta: number;
  /**
   * Where the new tree's anchors go, outer pieces first: each at its offset, relative to the
   * anchor of the piece around it (set when the new tree is taken).
   */
  places: [Anchor, number, Anchor | null][];
  taken: Set<KeptLeaf>;
}

/** How many parsed leaves no longer in the text are kept (typing a character, then deleting it). */
const RECENT = 256;

/**
 * A parser that keeps the leaves and collections of its last result, for one document.
 * Unchanged leaves are found by position (outside the changed range of the text), never by
 * hashing their text; only the few leaves in the changed range are looked up by text among
 * recently seen ones.
 */
export class ProgrammeParser {
  /** The last text that split and parsed cleanly, and its tree. */
  private text: string | undefined;
  private root: KeptCollection | undefined;
  /** Pieces with problems of their own (leaves) or duplicate keys (collections). */
  private readonly flagged = new Set<Kept>();
  private readonly recent = new Map<string, KeptLeaf>();
  /**
   * Collections built last time, by their first member. When every member (pair or item) is
   * the same object as then, the collection is the same too: it is reused, so that untouched
   * tracks keep their nodes (and what is kept for them).
   */
  private readonly built: Built = new WeakMap();
  private readonly strings = new SharedStrings();
  private readonly subset = new SubsetReader(PARSE_OPTIONS);

  /** `shape`: the format's shape, whose collections the text is split along. */
  constructor(private readonly shape: Shape = SHAPE) {}

  /** `since`: what changed since the last text, when the caller knows it (else it is measured). */
  parse(text: string, since?: Changed): Syntax {
    const last = this.text;
    let changed: Changed | undefined;
    if (last !== undefined && this.root) {
      if (last === text) return this.result(text);
      const told = since && since.before === last && last.length - since.prefix - since.suffix <= TOLD_CHANGE_MAX ? since : undefined;
      changed = told ?? { before: last, ...commonEnds(last, text) };
      if (this.edit(text, changed.prefix, last.length - changed.suffix, text.length - last.length)) return this.result(text, changed);
    }
    if (this.fresh(text, changed)) return this.result(text, changed);
    // Keep the last good split: the next text is compared with it, so that fixing a syntax
    // error re-parses only what changed since then.
    return { ...parseWhole(text), changed };
  }

  private result(text: string, changed?: Changed): Syntax {
    const problems: Problem[] = [];
    for (const piece of this.flagged) {
      if (piece.leaf) {
        const delta = piece.anchor.at - piece.madeAt;
        if (delta !== 0) {
          // Problems already handed out in an analysis stay as they were: moved copies.
          piece.problems = piece.problems.map((p) => movedProblem(p, delta));
          piece.madeAt = piece.anchor.at;
        }
        problems.push(...piece.problems);
      } else for (const d of piece.duplicates) problems.push(duplicateKey(d.key, d.first));
    }
    problems.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
    return { text, root: this.root!.node, problems, whole: false, changed };
  }

  /**
   * Takes the edit that replaced `[p, q)` of the last text (`delta`: how much longer the text
   * got) by splitting again only the children of the innermost collection around it. False when
   * that cannot be done (a split of the whole text is needed).
   */
  private edit(text: string, p: number, q: number, delta: number): boolean {
    const path: KeptCollection[] = [this.root!];
    for (;;) {
      const c = path[path.length - 1];
      const [i, j] = touched(c, p, q);
      if (i < 0) return false;
      const child = c.children[i];
      if (i !== j || child.leaf) break;
      if (p < child.anchor.at + child.childFrom || q >= child.anchor.at + child.length) break;
      path.push(child);
    }
    // From the innermost collection outwards, until one splits its children again cleanly.
    for (let k = path.length - 1; k >= 0; k--) {
      const c = path[k];
      if (p < c.anchor.at + c.childFrom) continue;
      const [first, j] = touched(c, p, q);
      if (first < 0) continue;
      let i = first;
      // Blank and comment lines belong to the child before them: start at the one before.
      if (i > 0) i--;
      const from = i === 0 ? c.anchor.at + c.childFrom : c.children[i].anchor.at;
      const last = c.children[j];
      const to = last.anchor.at + last.length + delta;
      const plan = splitChildren(text, from, to, c, this.shape);
      if (!plan) continue;
      const fit = fitFor(c.children.slice(i, j + 1), p, q, delta);
      const made: Kept[] = [];
      for (const piece of plan) {
        const kept = this.keep(text, piece, fit, c.anchor);
        if (!kept) return false;
        made.push(kept);
      }
      this.take(fit, c.children.slice(i, j + 1));
      c.children.splice(i, j - i + 1, ...made);
      for (const m of made) this.flagAll(m);
      for (let n = i + made.length; n < c.children.length; n++) c.children[n].anchor.rel += delta;
      c.length += delta;
      this.rebuild(c);
      for (let up = k - 1; up >= 0; up--) {
        const a = path[up];
        const at = a.children.indexOf(path[up + 1]);
        for (let n = at + 1; n < a.children.length; n++) a.children[n].anchor.rel += delta;
        a.length += delta;
        this.rebuild(a);
      }
      this.text = text;
      return true;
    }
    return false;
  }

  /**
   * Splits and parses `text` whole, its leaves found among the last ones where unchanged
   * (`changed`: how it differs from the last text, when there is one).
   */
  private fresh(text: string, changed: Changed | undefined): boolean {
    const split = splitLines(text, this.shape);
    if (!split) return false;
    let fit: Fit;
    if (changed && this.root) {
      const { before, prefix, suffix } = changed;
      fit = fitFor(this.root.children, prefix, before.length - suffix, text.length - before.length);
    } else fit = { byOldStart: new Map(), prefix: 0, suffixFrom: text.length, delta: 0, places: [], taken: new Set() };
    const root = this.keep(text, split.plan, fit, null);
    if (!root || root.leaf) return false;
    this.take(fit, this.root ? this.root.children : []);
    this.flagged.clear();
    this.flagAll(root);
    this.root = root;
    this.text = text;
    return true;
  }

  /**
   * Makes the new tree's pieces final: keeps the replaced leaves not taken among the recent
   * ones, and puts every anchor of the new pieces in its place (the leaves taken from the last
   * tree move to where they are now).
   */
  private take(fit: Fit, replaced: Kept[]): void {
    const drop = (k: Kept): void => {
      this.flagged.delete(k);
      if (k.leaf) {
        if (!fit.taken.has(k)) this.remember(k);
      } else for (const c of k.children) drop(c);
    };
    for (const k of replaced) drop(k);
    for (const [anchor, at, parent] of fit.places) anchor.place(at, parent);
  }

  private remember(k: KeptLeaf): void {
    const source = detached(this.text!.slice(k.anchor.at, k.anchor.at + k.length));
    this.recent.delete(source);
    this.recent.set(source, k);
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value as string);
  }

  private flagAll(k: Kept): void {
    if (k.leaf) {
      if (k.problems.length) this.flagged.add(k);
    } else {
      if (k.duplicates.length) this.flagged.add(k);
      for (const c of k.children) this.flagAll(c);
    }
  }

  /**
   * The kept piece for a piece of the new split: a leaf found again or parsed, a collection
   * built. `parent`: the anchor of the piece around it.
   */
  private keep(text: string, piece: Leaf | Composite, fit: Fit, parent: Anchor | null): Kept | undefined {
    if (isComposite(piece)) {
      const anchor = new Anchor(piece.start);
      fit.places.push([anchor, piece.start, parent]);
      const children: Kept[] = [];
      for (const c of piece.children) {
        const kept = this.keep(text, c, fit, anchor);
        if (!kept) return undefined;
        children.push(kept);
      }
      const c: KeptCollection = {
        leaf: false,
        anchor,
        length: piece.end - piece.start,
        form: piece.form,
        key: piece.key,
        shape: piece.shape,
        childFrom: piece.childFrom - piece.start,
        indent: piece.indent,
        childIndent: piece.childIndent,
        path: piece.path,
        children,
        node: undefined as unknown as MapNode,
        duplicates: [],
      };
      this.build(c);
      return c;
    }
    return this.leaf(text, piece, fit, parent);
  }

  private leaf(text: string, piece: Leaf, fit: Fit, parent: Anchor | null): KeptLeaf | undefined {
    const length = piece.end - piece.start;
    const oldStart = piece.end <= fit.prefix ? piece.start : piece.start >= fit.suffixFrom ? piece.start - fit.delta : -1;
    let found: KeptLeaf | undefined;
    if (oldStart >= 0) {
      const old = fit.byOldStart.get(oldStart);
      if (old && old.length === length && !fit.taken.has(old)) found = old;
    }
    let source: string | undefined;
    if (!found) {
      source = text.slice(piece.start, piece.end);
      const old = this.recent.get(source);
      if (old && !fit.taken.has(old)) {
        found = old;
        this.recent.delete(source);
      }
    }
    if (found) {
      fit.taken.add(found);
      fit.places.push([found.anchor, piece.start, parent]);
      return found;
    }
    const anchor = new Anchor(piece.start);
    fit.places.push([anchor, piece.start, parent]);
    source = detached(source!);
    let node: Node | null | undefined = this.subset.read(source, anchor, this.strings);
    let problems: Problem[] = NONE;
    if (!node) {
      const doc = yamlDocument(source);
      const converted = doc.errors.length || doc.warnings.length ? undefined : convertDocument(doc, source, anchor, this.strings);
      if (!converted || converted.usesAliases) return undefined;
      node = converted.root;
      problems = compact(converted.problems);
    }
    if (!node) return undefined;
    const kept: KeptLeaf = { leaf: true, anchor, length, problems, madeAt: piece.start };
    if (piece.form === 'entry') {
      if (node.kind !== 'map' || node.items.length !== 1 || node.items[0].key.value !== piece.key) return undefined;
      kept.pair = node.items[0];
    } else {
      if (node.kind !== 'seq' || node.items.length !== 1) return undefined;
      kept.item = node.items[0];
    }
    return kept;
  }

  /** Builds a collection's node (and pair) from its children, reusing the last one when they are the same. */
  private build(c: KeptCollection): void {
    const pairs: Pair[] = [];
    const items: Node[] = [];
    for (const child of c.children) {
      if (child.leaf) {
        if (child.pair) pairs.push(child.pair);
        else items.push(child.item!);
      } else pairs.push(child.pair!);
    }
    c.duplicates = [];
    let node: MapNode | SeqNode | undefined = reusable(this.built, c.shape === 'map' ? pairs : items);
    if (!node || node.kind !== (c.shape === 'map' ? 'map' : 'seq')) node = c.shape === 'map' ? this.mapOf(pairs, c) : this.seqOf(items, c);
    if (c.node !== node) {
      c.node = node;
      if (c.form === 'entry') c.pair = { key: new AnchoredScalar(false, c.key, c.indent, c.indent + c.key!.length, c.anchor), value: node };
    }
  }

  private rebuild(c: KeptCollection): void {
    const before = c.duplicates.length;
    this.build(c);
    if (c.duplicates.length) this.flagged.add(c);
    else if (before) this.flagged.delete(c);
  }

  private mapOf(pairs: Pair[], c: KeptCollection): MapNode {
    const seen = new Map<string, Pair>();
    const kept: Pair[] = [];
    for (const pair of pairs) {
      const name = pair.key.value as string;
      const first = seen.get(name);
      if (first) {
        c.duplicates.push({ key: pair.key, first: first.key });
        continue;
      }
      seen.set(name, pair);
      kept.push(pair);
    }
    const node = new JoinedMap(kept);
    // A mapping with duplicate keys is built afresh each time.
    if (kept.length === pairs.length) this.built.set(kept[0], { members: kept, node });
    return node;
  }

  private seqOf(items: Node[], c: KeptCollection): SeqNode {
    const node = new JoinedSeq(items, c.children[0].anchor, c.childIndent);
    this.built.set(items[0], { members: items, node });
    return node;
  }
}

/**
 * The children of `c` an edit of `[p, q)` of the last text touches (a child that ends where
 * the edit begins, or begins where it ends, counts): `[first, last]`, or `[-1, -1]`.
 */
function touched(c: KeptCollection, p: number, q: number): [number, number] {
  const kids = c.children;
  // The first child that ends at or after p.
  let lo = 0,
    hi = kids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kids[mid].anchor.at + kids[mid].length < p) lo = mid + 1;
    else hi = mid;
  }
  if (lo === kids.length) return [-1, -1];
  const i = lo;
  // The last child that starts at or before q.
  lo = i;
  hi = kids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kids[mid].anchor.at <= q) lo = mid + 1;
    else hi = mid;
  }
  return [i, Math.max(i, lo - 1)];
}

/**
 * A copy of `s`, a piece of a text, that does not keep that text alive: V8 keeps the whole text
 * of a slice (and of the strings the parser cuts from it), and a kept leaf would hold on to the
 * whole programme as it was when the leaf was parsed, one copy per version edited.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** What finding unchanged leaves among `old` needs, for the edit that replaced `[p, q)`. */
function fitFor(old: Kept[], p: number, q: number, delta: number): Fit {
  const byOldStart = new Map<number, KeptLeaf>();
  const add = (k: Kept): void => {
    if (k.leaf) byOldStart.set(k.anchor.at, k);
    else for (const c of k.children) add(c);
  };
  for (const k of old) add(k);
  return { byOldStart, prefix: p, suffixFrom: q + delta, delta, places: [], taken: new Set() };
}

/** A collection made of split children: it spans from its first key to the end of its last value. */
class JoinedMap implements MapNode {
  get kind(): 'map' {
    return 'map';
  }
  get flow(): false {
    return false;
  }
  constructor(public items: Pair[]) {}
  get start(): number {
    return this.items[0].key.start;
  }
  get end(): number {
    const last = this.items[this.items.length - 1];
    return (last.value ?? last.key).end;
  }
}

/** A block sequence of split items: it starts at its first dash, as in a whole parse. */
class JoinedSeq implements SeqNode {
  get kind(): 'seq' {
    return 'seq';
  }
  get flow(): false {
    return false;
  }
  constructor(
    public items: Node[],
    private readonly first: Anchor,
    private readonly indent: number,
  ) {}
  get start(): number {
    return this.first.at + this.indent;
  }
  get end(): number {
    return this.items[this.items.length - 1].end;
  }
}

type Built = WeakMap<object, { members: readonly object[]; node: MapNode | SeqNode }>;

function reusable(built: Built, members: readonly object[]): MapNode | SeqNode | undefined {
  if (!members.length) return undefined;
  const last = built.get(members[0]);
  if (!last || last.members.length !== members.length) return undefined;
  for (let i = 1; i < members.length; i++) if (last.members[i] !== members[i]) return undefined;
  return last.node;
}

/** Parses the whole text as one YAML document. */
export function parseWhole(text: string): Syntax {
  const doc = yamlDocument(text);
  const converted = convertDocument(doc, text, new Anchor(0));
  const problems: Problem[] = [];
  for (const e of doc.errors) problems.push(syntaxProblem(doc, e, text));
  for (const w of doc.warnings) problems.push(syntaxProblem(doc, w, text, 'warning'));
  problems.push(...converted.problems);
  return { text, root: converted.root, problems, whole: true };
}

function syntaxProblem(doc: Document, e: YAMLError, text: string, severity?: 'warning'): Problem {
  let [start, end] = e.pos;
  let message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (e.code === 'MISSING_CHAR' && /quote/i.test(message)) {
    const open = openingQuote(doc, start);
    if (open !== undefined) {
      start = open;
      end = lineEnd(text, open);
      message = `unclosed quote: this string has no closing ${text[open] === '"' ? '"' : "'"}`;
    }
  } else if (/^Flow (sequence|mapping)|Expected flow (sequence|map) end|end with a [\]}]/.test(message)) {
    const open = openingBracket(doc, start);
    if (open !== undefined) {
      const close = text[open] === '[' ? ']' : '}';
      start = open;
      end = open + 1;
      message = `unclosed \`${text[open]}\`: no matching \`${close}\` before the next key (or it is not indented enough)`;
    }
  } else if (e.code === 'TAB_AS_INDENT') {
    message = 'tabs cannot indent YAML: use spaces';
  } else if (e.code === 'RESOURCE_EXHAUSTION') {
    // The parser ran out of stack: only absurd nesting does that, and its own message
    // ("Maximum call stack size exceeded") says nothing to a user.
    message = 'nested too deep: the YAML parser gave up here (a programme needs only a few levels of nesting)';
  } else if (e.code === 'MULTIPLE_DOCS') {
    message = 'one programme per file: this file holds more than one YAML document';
  }
  if (end <= start) end = Math.min(start + 1, text.length);
  return { code: 'yaml-syntax', message, start, end, ...(severity ? { severity } : {}) };
}

/** The offset of the opening quote of the quoted scalar that runs to `errorAt`. */
function openingQuote(doc: Document, errorAt: number): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_key, node: Scalar) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[1] >= errorAt - 1) {
        if (found === undefined || node.range[0] > found) found = node.range[0];
      }
    },
  });
  return found;
}

/** The offset of the opening bracket of the flow collection that was cut at `errorAt`. */
function openingBracket(doc: Document, errorAt: number): number | undefined {
  let found: number | undefined;
  const check = (node: { flow?: boolean; range?: [number, number, number] | null }): void => {
    if (node.flow && node.range && node.range[0] < errorAt && node.range[1] >= errorAt - 1) {
      if (found === undefined || node.range[0] < found) found = node.range[0];
    }
  };
  visit(doc, { Seq: (_k, n) => check(n), Map: (_k, n) => check(n) });
  return found;
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  const end = nl < 0 ? text.length : nl;
  return end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}
