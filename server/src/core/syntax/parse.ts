/**
 * Parses a programme's text into our tree, re-parsing only what changed since the last call.
 *
 * The text is split into leaves (chunks.ts); each leaf is parsed on its own and kept, so an
 * edit re-parses the one or two leaves it touches and merely moves the others. Unchanged
 * leaves are recognised by position (they lie in the text's common prefix or suffix with the
 * last text, and the line table there is reused); the leaves in the changed range are looked
 * up by text among recently dropped ones (typing a character, then deleting it). Whenever a
 * leaf does not parse cleanly on its own (a syntax error, an anchor or alias, a warning), the
 * whole text is parsed as one document instead, so that what the user
 * sees never depends on the split. The result is a pure function of the text: an edited
 * document and a freshly opened one with the same text give the same tree and problems.
 */
import { parseDocument, Document, Scalar, visit, YAMLError } from 'yaml';
import { commonEnds, Composite, isComposite, Leaf, Lines, SplitResult, splitEdited, splitLines } from './chunks';
import { convertDocument } from './convert';
import { SHAPE, Shape } from '../model/shape';
import { MapNode, Node, Pair, ScalarNode, SeqNode, setOwn, shift } from './tree';
import { movedProblem, Problem, problem } from '../service/problem';

export interface Syntax {
  text: string;
  root: Node | null;
  /** `yaml-syntax` and `duplicate-key` problems. */
  problems: Problem[];
  /** True when the text was parsed as one document (no split, or a leaf needed it). */
  whole: boolean;
}

interface LeafResult {
  /** Where the leaf's nodes and problems are now. */
  base: number;
  length: number;
  /** The last round (parse) that took this result. */
  round: number;
  node: Node;
  problems: Problem[];
}

interface Previous {
  text: string;
  lines: Lines;
  /** The leaves of the last good split, in order, with their starts in `text`. */
  starts: number[];
  results: LeafResult[];
}

interface Round {
  prev?: Previous;
  /** Leaves ending within the common prefix, or starting within the common suffix, are unchanged. */
  prefix: number;
  suffixFrom: number;
  delta: number;
  /** The leaves taken in this round, in order (leaves are visited in document order). */
  starts: number[];
  results: LeafResult[];
  /** Where the search for the next unchanged leaf resumes in `prev`. */
  cursor: number;
  /** Results taken in this round carry this number in `round`. */
  id: number;
}

const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true } as const;
/** How many parsed leaves no longer in the text are kept (typing a character, then deleting it). */
const RECENT = 256;

/**
 * A parser that keeps the leaves of its last result, for one document. Unchanged leaves are
 * found by position (outside the changed range of the text), never by hashing their text;
 * only the few leaves in the changed range are looked up by text among recently seen ones.
 */
export class ProgrammeParser {
  private prev: Previous | undefined;
  private recent = new Map<string, LeafResult>();
  private rounds = 0;
  /**
   * Composites built last time, by their first member. When every member (pair or item) is
   * the same object as then, the composite is the same too: it is reused, only its position
   * brought up to date, so that untouched tracks keep their nodes (and what is kept for them).
   */
  private readonly built: Built = new WeakMap();
  /** The pair of a split entry: the last one made for the same value node, when it still fits. */
  private readonly pairs = new WeakMap<Node, Pair>();

  /** `shape`: the format's shape, whose collections the text is split along. */
  constructor(private readonly shape: Shape = SHAPE) {}

  parse(text: string): Syntax {
    const prev = this.prev;
    let split: SplitResult | undefined;
    const round: Round = { prev, prefix: 0, suffixFrom: text.length, delta: 0, starts: [], results: [], cursor: 0, id: ++this.rounds };
    if (prev) {
      const { prefix, suffix } = commonEnds(prev.text, text);
      round.prefix = prefix;
      round.suffixFrom = text.length - suffix;
      round.delta = text.length - prev.text.length;
      split = splitEdited(text, prev.text, prev.lines, prefix, suffix, this.shape);
    } else {
      split = splitLines(text, this.shape);
    }
    if (split) {
      const problems: Problem[] = [];
      const root = this.assemble(text, split.plan, round, problems);
      if (root) {
        if (prev) {
          let kept = 0;
          for (let i = 0; i < prev.results.length; i++) {
            const r = prev.results[i];
            if (r.round === round.id) continue;
            if (++kept > RECENT) break;
            this.remember(prev.text.slice(prev.starts[i], prev.starts[i] + r.length), r);
          }
        }
        this.prev = { text, lines: split.lines, starts: round.starts, results: round.results };
        for (const r of round.results) if (r.problems.length) for (const p of r.problems) problems.push(p);
        return { text, root: root.node, problems, whole: false };
      }
    }
    // Keep the last good split: the next text is compared with it, so that fixing a syntax
    // error re-parses only what changed since then.
    return parseWhole(text);
  }

  private remember(source: string, r: LeafResult): void {
    this.recent.delete(source);
    this.recent.set(source, r);
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value as string);
  }

  private assemble(text: string, piece: Composite, round: Round, problems: Problem[]): { node: Node } | undefined {
    const pairs: Pair[] = [];
    const items: Node[] = [];
    for (const child of piece.children) {
      let value: Node | null | undefined;
      let pair: Pair | undefined;
      if (isComposite(child)) {
        const inner = this.assemble(text, child, round, problems);
        if (!inner) return undefined;
        if (child.form === 'entry') pair = entryPair(this.pairs, text, child.start, child.key!, inner.node);
        else value = inner.node;
      } else {
        const leaf = this.leaf(text, child, round);
        if (!leaf) return undefined;
        if (child.form === 'entry') {
          if (leaf.kind !== 'map' || leaf.items.length !== 1 || leaf.items[0].key.value !== child.key) return undefined;
          pair = leaf.items[0];
        } else {
          if (leaf.kind !== 'seq' || leaf.items.length !== 1) return undefined;
          value = leaf.items[0];
        }
      }
      if (pair) pairs.push(pair);
      else if (value) items.push(value);
    }
    const built = this.built;
    return {
      node:
        piece.shape === 'map'
          ? (reusedMap(built, pairs) ?? mapOf(built, pairs, piece, problems))
          : (reusedSeq(built, items, piece, text) ?? seqOf(built, items, piece, text)),
    };
  }

  private leaf(text: string, leaf: Leaf, round: Round): Node | undefined {
    const length = leaf.end - leaf.start;
    let result: LeafResult | undefined;
    if (round.prev) {
      const oldStart = leaf.end <= round.prefix ? leaf.start : leaf.start >= round.suffixFrom ? leaf.start - round.delta : -1;
      if (oldStart >= 0) {
        const { starts, results } = round.prev;
        let i = round.cursor;
        while (i < starts.length && starts[i] < oldStart) i++;
        round.cursor = i;
        const old = starts[i] === oldStart ? results[i] : undefined;
        if (old && old.length === length && old.round !== round.id) result = old;
      }
    }
    let source: string | undefined;
    if (!result) {
      source = text.slice(leaf.start, leaf.end);
      const old = this.recent.get(source);
      if (old && old.round !== round.id) {
        result = old;
        this.recent.delete(source);
      }
    }
    if (result) {
      const delta = leaf.start - result.base;
      if (delta !== 0) {
        shift(result.node, delta);
        // Problems already handed out in an analysis stay as they were: moved copies.
        result.problems = result.problems.map((p) => movedProblem(p, delta));
        result.base = leaf.start;
      }
    } else {
      const doc = parseDocument(source!, PARSE_OPTIONS);
      const converted = doc.errors.length || doc.warnings.length ? undefined : convertDocument(doc, source!, leaf.start);
      if (!converted || converted.usesAliases || !converted.root) return undefined;
      result = { base: leaf.start, length, node: converted.root, problems: converted.problems, round: 0 };
    }
    result.round = round.id;
    round.starts.push(leaf.start);
    round.results.push(result);
    return result.node;
  }
}

function keyNode(text: string, lineStart: number, key: string): ScalarNode {
  let start = lineStart;
  while (text.charCodeAt(start) === 32) start++;
  return { kind: 'scalar', quoted: false, value: key, start, end: start + key.length };
}

type Built = WeakMap<object, { members: readonly object[]; node: MapNode | SeqNode }>;

function reusable(built: Built, members: readonly object[]): MapNode | SeqNode | undefined {
  if (!members.length) return undefined;
  const last = built.get(members[0]);
  if (!last || last.members.length !== members.length) return undefined;
  for (let i = 1; i < members.length; i++) if (last.members[i] !== members[i]) return undefined;
  return last.node;
}

function reusedMap(built: Built, pairs: Pair[]): MapNode | undefined {
  const node = reusable(built, pairs);
  if (!node || node.kind !== 'map') return undefined;
  node.start = pairs[0].key.start;
  const lastPair = pairs[pairs.length - 1];
  node.end = (lastPair.value ?? lastPair.key).end;
  return node;
}

function reusedSeq(built: Built, items: Node[], piece: Composite, text: string): SeqNode | undefined {
  const node = reusable(built, items);
  if (!node || node.kind !== 'seq') return undefined;
  node.start = seqStart(piece, text);
  node.end = items[items.length - 1].end;
  return node;
}

function entryPair(pairs: WeakMap<Node, Pair>, text: string, lineStart: number, key: string, value: Node): Pair {
  const last = pairs.get(value);
  if (last && last.key.value === key) {
    let start = lineStart;
    while (text.charCodeAt(start) === 32) start++;
    last.key.start = start;
    last.key.end = start + key.length;
    return last;
  }
  const pair = { key: keyNode(text, lineStart, key), value };
  pairs.set(value, pair);
  return pair;
}

function mapOf(built: Built, pairs: Pair[], piece: Composite, problems: Problem[]): MapNode {
  const value: Record<string, unknown> = {};
  const seen = new Map<string, Pair>();
  const kept: Pair[] = [];
  for (const pair of pairs) {
    const name = pair.key.value as string;
    const first = seen.get(name);
    if (first) {
      problems.push(duplicate(pair.key, first.key, name));
      continue;
    }
    seen.set(name, pair);
    kept.push(pair);
    setOwn(value, name, pair.value ? pair.value.value : null);
  }
  const start = kept.length ? kept[0].key.start : piece.start;
  const lastPair = kept[kept.length - 1];
  const end = lastPair ? (lastPair.value ?? lastPair.key).end : start;
  const node: MapNode = { kind: 'map', items: kept, flow: false, value, start, end };
  // A mapping with duplicate keys is built afresh each time (its problems are made here).
  if (kept.length === pairs.length && kept.length) built.set(kept[0], { members: kept, node });
  return node;
}

function seqOf(built: Built, items: Node[], piece: Composite, text: string): SeqNode {
  const start = seqStart(piece, text);
  const end = items.length ? items[items.length - 1].end : start;
  const node: SeqNode = { kind: 'seq', items, flow: false, value: items.map((n) => n.value), start, end };
  if (items.length) built.set(items[0], { members: items, node });
  return node;
}

/** A block sequence starts at its first dash, as in a whole parse. */
function seqStart(piece: Composite, text: string): number {
  let start = piece.children.length ? piece.children[0].start : piece.start;
  while (text.charCodeAt(start) === 32) start++;
  return start;
}

function duplicate(key: ScalarNode, first: ScalarNode, name: string): Problem {
  return problem('duplicate-key', `duplicate key \`${name}\`: it already appears in this mapping`, key, {
    related: [{ start: first.start, end: first.end, message: `first \`${name}\` is here` }],
  });
}

/** Parses the whole text as one YAML document. */
export function parseWhole(text: string): Syntax {
  const doc = parseDocument(text, PARSE_OPTIONS);
  const converted = convertDocument(doc, text, 0);
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
