/**
 * The syntax tree the rest of the core works on: a small, position-exact view of the YAML
 * document. Offsets read as absolute (UTF-16 code units into the document text) and are
 * current for the text last parsed: a node stores its place relative to an `Anchor` (the start
 * of the piece of text it was parsed from), so that moving a cached subtree, when text before
 * it changes, moves one anchor instead of every node in it.
 */

export type Node = ScalarNode | MapNode | SeqNode;

interface NodeBase {
  /** Offset of the first character of the node's value. */
  start: number;
  /** Offset just past the node's value (comments and trailing newlines excluded). */
  end: number;
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  /** The plain JavaScript value (string, number, boolean or null). */
  value: unknown;
  /** True when written with quotes or as a block scalar (so `007` in quotes stays a string). */
  quoted: boolean;
}

export interface Pair {
  key: ScalarNode;
  /** Null when the key has no value node at all (`speakers:` at the end of a map). */
  value: Node | null;
}

/**
 * Collections keep no plain value (`plain` builds one when needed, as the schema check does for
 * an entry): kept with the nodes, it would hold the whole document a second time.
 */
interface CollectionBase extends NodeBase {
  value?: undefined;
}

export interface MapNode extends CollectionBase {
  kind: 'map';
  items: Pair[];
  flow: boolean;
}

export interface SeqNode extends CollectionBase {
  kind: 'seq';
  items: Node[];
  flow: boolean;
}

export type PathSegment = string | number;

/**
 * Where a piece of the text starts now; the nodes parsed from it are at fixed distances from
 * it. An anchor is placed relative to the anchor of the piece around it (a slot's to its
 * track's slots, those to the track...), so that text moving after an edit moves only the
 * anchors of the pieces that follow it at each level, not every anchor inside them.
 */
export class Anchor {
  /** From the parent anchor, or from the start of the text. */
  rel: number;
  parent: Anchor | null;

  constructor(at: number, parent: Anchor | null = null) {
    this.parent = parent;
    this.rel = parent ? at - parent.at : at;
  }

  get at(): number {
    let at = this.rel;
    for (let p = this.parent; p; p = p.parent) at += p.rel;
    return at;
  }

  /** Puts the anchor at `at`, relative to `parent` from now on. */
  place(at: number, parent: Anchor | null): void {
    this.rel = parent ? at - parent.at : at;
    this.parent = parent;
  }
}

/** A node at `s`..`e` past its anchor. */
abstract class Anchored {
  constructor(
    private readonly s: number,
    private readonly e: number,
    private readonly anchor: Anchor,
  ) {}
  get start(): number {
    return this.anchor.at + this.s;
  }
  get end(): number {
    return this.anchor.at + this.e;
  }
}

export class AnchoredScalar extends Anchored implements ScalarNode {
  get kind(): 'scalar' {
    return 'scalar';
  }
  constructor(
    public quoted: boolean,
    public value: unknown,
    s: number,
    e: number,
    anchor: Anchor,
  ) {
    super(s, e, anchor);
  }
}

export class AnchoredMap extends Anchored implements MapNode {
  get kind(): 'map' {
    return 'map';
  }
  constructor(
    public items: Pair[],
    public flow: boolean,
    s: number,
    e: number,
    anchor: Anchor,
  ) {
    super(s, e, anchor);
  }
}

export class AnchoredSeq extends Anchored implements SeqNode {
  get kind(): 'seq' {
    return 'seq';
  }
  constructor(
    public items: Node[],
    public flow: boolean,
    s: number,
    e: number,
    anchor: Anchor,
  ) {
    super(s, e, anchor);
  }
}

/**
 * The plain JavaScript value of a node, built afresh for a collection (objects for maps, arrays
 * for sequences; a key without a value is null), as the YAML package's `toJS` gives it.
 * `each`: the value of each item or pair of a collection, with the pair's key (by default its
 * plain value).
 */
export function plain(node: Node | null, each: (value: Node | null, key?: string) => unknown = (value) => plain(value)): unknown {
  if (!node) return null;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map((item) => each(item));
  const out: Record<string, unknown> = {};
  for (const pair of node.items) setOwn(out, pair.key.value as string, each(pair.value, pair.key.value as string));
  return out;
}

/** The value of `key` in a map node, or undefined. */
export function get(node: Node | null | undefined, key: string): Node | null | undefined {
  if (!node || node.kind !== 'map') return undefined;
  for (const pair of node.items) if (pair.key.value === key) return pair.value;
  return undefined;
}

/** The pair of `key` in a map node, or undefined. */
export function getPair(node: Node | null | undefined, key: string): Pair | undefined {
  if (!node || node.kind !== 'map') return undefined;
  for (const pair of node.items) if (pair.key.value === key) return pair;
  return undefined;
}

/** A string scalar's value, or undefined for anything else. */
export function str(node: Node | null | undefined): string | undefined {
  return node && node.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/**
 * Sets a property on a plain object such that keys like `__proto__` stay ordinary data
 * instead of changing the object's prototype.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** The innermost node whose range contains `offset`, with the path to it. */
export function nodeAt(root: Node | null, offset: number): { node: Node; path: PathSegment[]; isKey: boolean } | undefined {
  if (!root || offset < root.start || offset > root.end) return undefined;
  const path: PathSegment[] = [];
  let node: Node = root;
  for (;;) {
    let next: Node | undefined;
    if (node.kind === 'map') {
      for (const pair of node.items) {
        if (offset >= pair.key.start && offset <= pair.key.end) {
          path.push(String(pair.key.value));
          return { node: pair.key, path, isKey: true };
        }
        if (pair.value && offset >= pair.value.start && offset <= pair.value.end) {
          path.push(String(pair.key.value));
          next = pair.value;
          break;
        }
      }
    } else if (node.kind === 'seq') {
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i];
        if (offset >= item.start && offset <= item.end) {
          path.push(i);
          next = item;
          break;
        }
      }
    }
    if (!next) return { node, path, isKey: false };
    node = next;
  }
}

/** Follows a path of keys and indexes from `root`. */
export function nodeAtPath(root: Node | null, path: readonly PathSegment[]): Node | null | undefined {
  let node: Node | null | undefined = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === 'number') node = node.kind === 'seq' ? node.items[seg] : undefined;
    else node = get(node, seg);
  }
  return node;
}
