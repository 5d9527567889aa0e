/**
 * Turns the `yaml` package's document nodes into our tree (see tree.ts), with guards the
 * package does not give: a nesting limit, an alias-expansion budget, circular aliases and
 * duplicate keys reported as problems instead of thrown or silently resolved.
 */
import { Alias, Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, Node as YNode, Scalar } from 'yaml';
import { MapNode, Node, Pair, ScalarNode, SeqNode, setOwn } from './tree';
import { Problem, problem } from '../service/problem';

/** Deeper nesting than this is reported and cut: no programme needs it, and walkers recurse. */
export const MAX_DEPTH = 64;
/** How many nodes aliases may expand to in total (a billion-laughs guard). */
export const MAX_ALIAS_EXPANSION = 100_000;

interface State {
  doc: Document;
  base: number;
  problems: Problem[];
  anchored: Map<YNode, Node>;
  converting: Set<YNode>;
  expanded: number;
  depthReported: boolean;
  aliasLimitReported: boolean;
  /** Set when the document uses anchors or aliases: such a document cannot be split safely. */
  usesAliases: boolean;
  /** Each alias's target, found in one pass over the document when the first alias is met. */
  targets?: Map<Alias, YNode | undefined>;
}

export interface Converted {
  root: Node | null;
  problems: Problem[];
  usesAliases: boolean;
}

/** Converts a parsed document; `base` is the offset of the parsed text in the whole file. */
export function convertDocument(doc: Document, base: number): Converted {
  const state: State = {
    doc, base, problems: [], anchored: new Map(), converting: new Set(), expanded: 0,
    depthReported: false, aliasLimitReported: false, usesAliases: false,
  };
  const contents = doc.contents as YNode | null;
  const root = contents ? convert(contents, state, 0) : null;
  return { root, problems: state.problems, usesAliases: state.usesAliases };
}

function range(node: YNode, base: number): { start: number; end: number } {
  const r = node.range;
  return r ? { start: r[0] + base, end: r[1] + base } : { start: base, end: base };
}

function convert(node: YNode, state: State, depth: number): Node {
  if (depth > MAX_DEPTH) {
    const at = range(node, state.base);
    if (!state.depthReported) {
      state.depthReported = true;
      state.problems.push(problem('yaml-syntax', `nested too deep: more than ${MAX_DEPTH} levels; the rest of this value is ignored`, at));
    }
    return { kind: 'scalar', quoted: false, value: null, ...at };
  }
  if (node.anchor) state.usesAliases = true;
  if (isAlias(node)) return convertAlias(node, state);
  let result: Node;
  if (node.anchor) state.converting.add(node);
  if (isMap(node)) result = convertMap(node.items, !!node.flow, range(node, state.base), state, depth);
  else if (isSeq(node)) result = convertSeq(node.items as YNode[], !!node.flow, range(node, state.base), state, depth);
  else result = convertScalar(node as Scalar, state.base);
  if (node.anchor) {
    state.converting.delete(node);
    state.anchored.set(node, result);
  }
  return result;
}

function convertScalar(node: Scalar, base: number): ScalarNode {
  const t = node.type;
  const quoted = t === 'QUOTE_DOUBLE' || t === 'QUOTE_SINGLE' || t === 'BLOCK_FOLDED' || t === 'BLOCK_LITERAL';
  return { kind: 'scalar', quoted, value: node.value, ...range(node, base) };
}

function convertMap(items: unknown[], flow: boolean, at: { start: number; end: number }, state: State, depth: number): MapNode {
  const value: Record<string, unknown> = {};
  const pairs: Pair[] = [];
  const seen = new Map<string, ScalarNode>();
  for (const item of items) {
    if (!isPair(item)) continue;
    const keyNode = item.key as YNode | null;
    if (!keyNode || !isScalar(keyNode)) {
      const where = keyNode ? range(keyNode, state.base) : at;
      state.problems.push(problem('schema', 'a key must be plain text, not a list or mapping', where));
      continue;
    }
    const key = convertScalar(keyNode, state.base);
    const name = key.value === null || key.value === undefined ? '' : String(key.value);
    key.value = name;
    const first = seen.get(name);
    if (first) {
      state.problems.push(problem('duplicate-key', `duplicate key \`${name}\`: it already appears in this mapping`, key, {
        related: [{ start: first.start, end: first.end, message: `first \`${name}\` is here` }],
      }));
      continue;
    }
    seen.set(name, key);
    const v = item.value as YNode | null;
    const child = v ? convert(v, state, depth + 1) : null;
    pairs.push({ key, value: child });
    setOwn(value, name, child ? child.value : null);
  }
  return { kind: 'map', items: pairs, flow, value, ...at };
}

function convertSeq(items: YNode[], flow: boolean, at: { start: number; end: number }, state: State, depth: number): SeqNode {
  const nodes: Node[] = [];
  for (const item of items) {
    if (item === null || item === undefined) continue;
    nodes.push(isPair(item) ? convertMap([item], true, range((item.key ?? item.value) as YNode, state.base), state, depth + 1) : convert(item, state, depth + 1));
  }
  return { kind: 'seq', items: nodes, flow, value: nodes.map((n) => n.value), ...at };
}

function convertAlias(node: Alias, state: State): Node {
  state.usesAliases = true;
  const at = range(node, state.base);
  const nothing: ScalarNode = { kind: 'scalar', quoted: false, value: null, ...at };
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
  if (!state.anchored.has(target)) {
    state.problems.push(problem('yaml-syntax', `circular alias \`*${node.source}\`: a value cannot contain itself`, at));
    return nothing;
  }
  const resolved = state.anchored.get(target)!;
  state.expanded += countNodes(resolved, MAX_ALIAS_EXPANSION + 1) - 1;
  if (state.expanded > MAX_ALIAS_EXPANSION) return overLimit(state, at, nothing);
  if (resolved.kind === 'scalar') return { ...resolved, ...at };
  return resolved;
}

function overLimit(state: State, at: { start: number; end: number }, nothing: ScalarNode): ScalarNode {
  if (!state.aliasLimitReported) {
    state.aliasLimitReported = true;
    state.problems.push(problem('yaml-syntax', `alias expansion limit exceeded: aliases expand to more than ${MAX_ALIAS_EXPANSION} values (a "billion laughs" pattern?)`, at));
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
    if (n.kind === 'map') for (const p of n.items) { count += 1; if (p.value) { count++; stack.push(p.value); } }
    else if (n.kind === 'seq') for (const i of n.items) { count++; stack.push(i); }
  }
  return count;
}
