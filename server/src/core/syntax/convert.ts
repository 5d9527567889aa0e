/**
 * Turns the `yaml` package's document nodes into our tree (see tree.ts), with guards the
 * package does not give: a nesting limit, an alias-expansion budget, circular aliases and
 * duplicate keys reported as problems instead of thrown or silently resolved.
 */
import { Alias, Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, Node as YNode, Scalar } from 'yaml';
import { Anchor, AnchoredMap, AnchoredScalar, AnchoredSeq, MapNode, Node, Pair, ScalarNode, SeqNode } from './tree';
import { Problem, problem } from '../service/problem';
import { compact, SharedStrings } from './compact';

/** Deeper nesting than this is reported and cut: no programme needs it, and walkers recurse. */
export const MAX_DEPTH = 64;
/** How many nodes aliases may expand to in total (a billion-laughs guard). */
export const MAX_ALIAS_EXPANSION = 100_000;

interface State {
  doc: Document;
  /** The text the document was parsed from (offsets in it are `node.range`, past `anchor`). */
  source: string;
  /** Where `source` starts in the whole text: nodes are placed relative to it. */
  anchor: Anchor;
  /** `anchor.at` as it was when converting: problems are made at absolute positions. */
  base: number;
  problems: Problem[];
  /** What each anchored node was converted to (made when the first anchor is met). */
  anchored?: Map<YNode, Node>;
  expanded: number;
  depthReported: boolean;
  aliasLimitReported: boolean;
  /** Set when the document uses anchors or aliases: such a document cannot be split safely. */
  usesAliases: boolean;
  /** Each alias's target, found in one pass over the document when the first alias is met. */
  targets?: Map<Alias, YNode | undefined>;
  strings?: SharedStrings;
}

export interface Converted {
  root: Node | null;
  problems: Problem[];
  usesAliases: boolean;
}

/**
 * Converts a parsed document; `anchor` is where the parsed text starts in the whole file.
 * `strings`: where the document's short strings are kept once.
 */
export function convertDocument(doc: Document, source: string, anchor: Anchor, strings?: SharedStrings): Converted {
  const state: State = {
    doc,
    source,
    anchor,
    base: anchor.at,
    problems: [],
    expanded: 0,
    depthReported: false,
    aliasLimitReported: false,
    usesAliases: false,
    strings,
  };
  const contents = doc.contents as YNode | null;
  const root = contents ? convert(contents, state, 0) : null;
  return { root, problems: state.problems, usesAliases: state.usesAliases };
}

function range(node: YNode, base: number): { start: number; end: number } {
  const r = node.range;
  return r ? { start: r[0] + base, end: r[1] + base } : { start: base, end: base };
}

/** A node's place in the parsed text: `[start, end]` past the anchor. */
function place(node: YNode): [number, number] {
  const r = node.range;
  return r ? [r[0], r[1]] : [0, 0];
}

function nothingAt(at: [number, number], state: State): ScalarNode {
  return new AnchoredScalar(false, null, at[0], at[1], state.anchor);
}

function convert(node: YNode, state: State, depth: number): Node {
  if (depth > MAX_DEPTH) {
    if (!state.depthReported) {
      state.depthReported = true;
      state.problems.push(problem('yaml-syntax', `nested too deep: more than ${MAX_DEPTH} levels; the rest of this value is ignored`, range(node, state.base)));
    }
    return nothingAt(place(node), state);
  }
  if (node.anchor) state.usesAliases = true;
  if (isAlias(node)) return convertAlias(node, state);
  let result: Node;
  if (isMap(node)) result = convertMap(node.items, !!node.flow, place(node), state, depth);
  else if (isSeq(node)) result = convertSeq(node.items as YNode[], !!node.flow, place(node), state, depth);
  else result = convertScalar(node as Scalar, state);
  if (node.anchor) (state.anchored ??= new Map()).set(node, result);
  return result;
}

function convertScalar(node: Scalar, state: State): ScalarNode {
  const t = node.type;
  const quoted = t === 'QUOTE_DOUBLE' || t === 'QUOTE_SINGLE' || t === 'BLOCK_FOLDED' || t === 'BLOCK_LITERAL';
  if (typeof node.value === 'string' && SUSPECT.test(node.value) && node.range) characterProblems(node, state);
  const [s, e] = place(node);
  const value = typeof node.value === 'string' && state.strings ? state.strings.get(node.value) : node.value;
  return new AnchoredScalar(quoted, value, s, e, state.anchor);
}

/**
 * Characters that readers of the exports reject, or that deceive a reader of the text:
 * C0 controls other than tab, line feed and carriage return; DEL; U+FFFE and U+FFFF; lone
 * surrogates (XML 1.0 and RFC 5545 TEXT forbid them) and the bidirectional embedding,
 * override and isolate characters (U+202A–U+202E, U+2066–U+2069: text after them displays in
 * another order than it is stored).
 */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF\uD800-\uDFFF\u202A-\u202E\u2066-\u2069]/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const BIDI_NAMES: Record<number, string> = {
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};
/** Whether `s` holds a character that `characterProblems` reports (a control, a lone surrogate, a bidirectional override). */
export function hasReportedCharacter(s: string): boolean {
  return SUSPECT.test(s) && (CONTROL.test(s) || BIDI.test(s));
}

/** At most this many character problems per scalar (a run of such characters is one problem). */
const MAX_CHARACTER_PROBLEMS = 20;

/** The escapes of a double-quoted YAML scalar, and the character each stands for. */
const ESCAPE = /\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([0abtvfe])|.)/sy;
const SIMPLE_ESCAPES: Record<string, number> = { '0': 0, a: 7, b: 8, t: 9, v: 11, f: 12, e: 27 };

/**
 * One problem per run of suspect characters in a scalar, at the characters themselves, or at
 * the escapes (`"\x01"`, `"\u202E"`) of a double-quoted scalar that write them.
 */
function characterProblems(node: Scalar, state: State): void {
  const [from, to] = node.range!;
  const source = state.source.slice(from, to);
  // Each character of the scalar's source, or each escape, with what it stands for.
  const units: { at: number; length: number; code: number }[] = [];
  const double = node.type === 'QUOTE_DOUBLE';
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (double && c === 92) {
      ESCAPE.lastIndex = i;
      const m = ESCAPE.exec(source);
      if (m) {
        const hex = m[1] ?? m[2] ?? m[3];
        const code = hex !== undefined ? parseInt(hex, 16) : m[4] !== undefined ? SIMPLE_ESCAPES[m[4]] : -1;
        if (code > 0xffff) units.push({ at: i, length: m[0].length, code: 0xd800 }, { at: i, length: m[0].length, code: 0xdc00 });
        else units.push({ at: i, length: m[0].length, code });
        i += m[0].length - 1;
        continue;
      }
    }
    units.push({ at: i, length: 1, code: c });
  }
  let reported = 0;
  let run: { start: number; end: number; control: boolean; codes: number[] } | undefined;
  const flush = (): void => {
    if (!run) return;
    const at = { start: from + run.start + state.base, end: from + run.end + state.base };
    const names = [...new Set(run.codes)].slice(0, 3).map((c) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
    const list = names.join(', ') + (new Set(run.codes).size > 3 ? ', ...' : '');
    if (run.control) {
      state.problems.push(
        problem(
          'control-character',
          `control character${run.codes.length > 1 ? 's' : ''} ${list} in text: calendar and schedule.xml readers reject ${run.codes.length > 1 ? 'them' : 'it'}; remove ${run.codes.length > 1 ? 'them' : 'it'}`,
          at,
        ),
      );
    } else {
      const name = BIDI_NAMES[run.codes[0]];
      state.problems.push(problem('bidi-override', `${name} ${list}: the text after it displays in another order than it is written; remove it`, at));
    }
    reported++;
    run = undefined;
  };
  for (let i = 0; i < units.length && reported < MAX_CHARACTER_PROBLEMS; i++) {
    const u = units[i];
    const next = units[i + 1];
    const high = u.code >= 0xd800 && u.code <= 0xdbff;
    const low = u.code >= 0xdc00 && u.code <= 0xdfff;
    if (high && next && next.code >= 0xdc00 && next.code <= 0xdfff) {
      flush();
      i++;
      continue;
    }
    const control = u.code === -1 ? false : CONTROL.test(String.fromCharCode(u.code)) || high || low;
    const bidi = !control && u.code >= 0 && BIDI.test(String.fromCharCode(u.code));
    if (!control && !bidi) {
      flush();
      continue;
    }
    if (run && run.control === control && (control || run.codes[run.codes.length - 1] === u.code) && run.end === u.at) {
      run.end = u.at + u.length;
      run.codes.push(u.code);
    } else {
      flush();
      run = { start: u.at, end: u.at + u.length, control, codes: [u.code] };
    }
  }
  if (reported < MAX_CHARACTER_PROBLEMS) flush();
}

function convertMap(items: unknown[], flow: boolean, at: [number, number], state: State, depth: number): MapNode {
  const pairs: Pair[] = [];
  const keys = new MappingKeys(pairs);
  for (const item of items) {
    if (!isPair(item)) continue;
    const keyNode = item.key as YNode | null;
    if (!keyNode || !isScalar(keyNode)) {
      const where = keyNode ? range(keyNode, state.base) : { start: at[0] + state.base, end: at[1] + state.base };
      state.problems.push(problem('schema', 'a key must be plain text, not a list or mapping', where));
      continue;
    }
    const key = convertScalar(keyNode, state);
    key.value = keyName(key.value);
    const first = keys.first(key.value as string);
    if (first) {
      state.problems.push(duplicateKey(key, first));
      continue;
    }
    keys.add(key);
    const v = item.value as YNode | null;
    const child = v ? convert(v, state, depth + 1) : null;
    pairs.push({ key, value: child });
  }
  return new AnchoredMap(compact(pairs), flow, at[0], at[1], state.anchor);
}

/** A key's name: its value as text (a key without a value, `~` or `null`, is named ''). */
export function keyName(value: unknown): string {
  return value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);
}

/**
 * The keys of one mapping met so far (those of `pairs`), by name: looked up among the pairs
 * while they are few (most mappings have a handful of keys), in a Map once there are many.
 */
export class MappingKeys {
  private byName: Map<string, ScalarNode> | undefined;

  constructor(private readonly pairs: readonly Pair[]) {}

  /** The key met first with this name, or undefined. */
  first(name: string): ScalarNode | undefined {
    if (this.byName) return this.byName.get(name);
    for (const p of this.pairs) if (p.key.value === name) return p.key;
    return undefined;
  }

  /** Takes `key` as met (before its pair joins the pairs). */
  add(key: ScalarNode): void {
    if (this.byName) this.byName.set(key.value as string, key);
    else if (this.pairs.length >= 16)
      this.byName = new Map([...this.pairs.map((p): [string, ScalarNode] => [p.key.value as string, p.key]), [key.value as string, key]]);
  }
}

/** The `duplicate-key` problem at the second `key` of a mapping, linking the `first`. */
export function duplicateKey(key: ScalarNode, first: ScalarNode): Problem {
  const name = String(key.value);
  return problem('duplicate-key', `duplicate key \`${name}\`: it already appears in this mapping`, key, {
    related: [{ start: first.start, end: first.end, message: `first \`${name}\` is here` }],
  });
}

function convertSeq(items: YNode[], flow: boolean, at: [number, number], state: State, depth: number): SeqNode {
  const nodes: Node[] = [];
  for (const item of items) {
    if (item === null || item === undefined) continue;
    nodes.push(isPair(item) ? convertMap([item], true, place((item.key ?? item.value) as YNode), state, depth + 1) : convert(item, state, depth + 1));
  }
  return new AnchoredSeq(compact(nodes), flow, at[0], at[1], state.anchor);
}

function convertAlias(node: Alias, state: State): Node {
  state.usesAliases = true;
  const at = range(node, state.base);
  const nothing = nothingAt(place(node), state);
  // Each alias visit costs at least one unit of the budget, even to a scalar or an error.
  state.expanded += 1;
  if (state.expanded > MAX_ALIAS_EXPANSION) return overLimit(state, at, nothing);
  state.targets ??= aliasTargets(state.doc);
  const target = state.targets.get(node);
  if (!target) {
    // The parser does not report an alias to an anchor that is not defined before it.
    state.problems.push(problem('yaml-syntax', `unknown alias \`*${node.source}\`: no anchor \`&${node.source}\` is defined before it`, at));
    return nothing;
  }
  // An anchor whose node is still being converted: the alias lies inside it.
  const resolved = state.anchored?.get(target);
  if (!resolved) {
    state.problems.push(problem('yaml-syntax', `circular alias \`*${node.source}\`: a value cannot contain itself`, at));
    return nothing;
  }
  state.expanded += countNodes(resolved, MAX_ALIAS_EXPANSION + 1) - 1;
  if (state.expanded > MAX_ALIAS_EXPANSION) return overLimit(state, at, nothing);
  if (resolved.kind === 'scalar') {
    const [s, e] = place(node);
    return new AnchoredScalar(resolved.quoted, resolved.value, s, e, state.anchor);
  }
  return resolved;
}

function overLimit(state: State, at: { start: number; end: number }, nothing: ScalarNode): ScalarNode {
  if (!state.aliasLimitReported) {
    state.aliasLimitReported = true;
    state.problems.push(
      problem('yaml-syntax', `alias expansion limit exceeded: aliases expand to more than ${MAX_ALIAS_EXPANSION} values (a "billion laughs" pattern?)`, at),
    );
  }
  return nothing;
}

/**
 * What every alias refers to: the last node before it, in document order, that carries its
 * anchor (as `Alias.resolve` decides, but in one pass for all aliases instead of a walk of the
 * whole document per alias). Iterative, so deep nesting cannot overflow the stack.
 */
function aliasTargets(doc: Document): Map<Alias, YNode | undefined> {
  const targets = new Map<Alias, YNode | undefined>();
  const anchors = new Map<string, YNode>();
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const item = stack.pop();
    if (!item || typeof item !== 'object') continue;
    if (isPair(item)) {
      stack.push(item.value, item.key);
      continue;
    }
    if (isAlias(item)) {
      targets.set(item, anchors.get(item.source));
      continue;
    }
    const node = item as YNode;
    if (node.anchor) anchors.set(node.anchor, node);
    if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  return targets;
}

function countNodes(node: Node, limit: number): number {
  let count = 1;
  const stack: Node[] = [node];
  while (stack.length && count < limit) {
    const n = stack.pop()!;
    if (n.kind === 'map')
      for (const p of n.items) {
        count += 1;
        if (p.value) {
          count++;
          stack.push(p.value);
        }
      }
    else if (n.kind === 'seq')
      for (const i of n.items) {
        count++;
        stack.push(i);
      }
  }
  return count;
}
