/**
 * Validates the tree against `schemas/programme.schema.json` with Ajv, and turns each Ajv
 * error into a problem on the smallest node at fault, in words a person understands.
 *
 * The programme schema is compiled by Ajv when the bundle is built (standalone code,
 * `validators.generated`): the first check of a file compiles nothing. Another format
 * (`createFormat`) is compiled once, when it is made; validators hold no state between calls. The big collections (people, rooms, slots, sessions) are validated
 * entry by entry with the schema's own definitions, and each entry's errors are kept for its
 * node in the document's `SchemaCache`: an edit re-validates only the entries it touched. The
 * rest of the document is validated with a "shell" schema in which those entries accept
 * anything.
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import schemaJson from '../../../../schemas/programme.schema.json';
import { MapNode, Node, Pair, get, plain } from '../syntax/tree';
import { Problem, problem } from '../service/problem';
import { compact, NONE } from '../syntax/compact';
import { closest } from '../features/similar';
import { SHAPE, Shape } from '../model/shape';
import setup from './ajvSetup.json';
import * as precompiled from './validators.generated';

/** The entries validated one by one, by the schema definition of the same name (ajvSetup.json, shared with the build). */
type EntryDef = 'person' | 'room' | 'slot' | 'session';
const ENTRY_DEFS = setup.entries as readonly EntryDef[];

interface Validators {
  shell: ValidateFunction;
  entry: Record<EntryDef, ValidateFunction>;
}

/**
 * The format an analysis follows: its shape (model/shape.ts), its JSON schema, and the schema
 * compiled. One constant, `FORMAT`, is the programme format; a service may be given another
 * (a test adds a key to both to see every feature follow).
 */
export interface Format {
  readonly shape: Shape;
  readonly schema: JsonSchema;
  readonly validators: Validators;
}

/** A format from a shape and its schema (the schema is compiled here: costly, do it once). */
export function createFormat(shape: Shape, schema: object): Format {
  return { shape, schema: schema as JsonSchema, validators: compile(schema as JsonSchema & { $id: string }) };
}

/** What one document keeps across edits: errors per entry node, the last shell's errors. */
export class SchemaCache {
  /** Each entry's errors, by its node (nodes are reused across edits while their text is the same). */
  readonly entries: Record<EntryDef, WeakMap<Node, ErrorObject[]>> = {
    person: new WeakMap(),
    room: new WeakMap(),
    slot: new WeakMap(),
    session: new WeakMap(),
  };
  /** The failing entries of a collection, by its node. */
  readonly failing = new WeakMap<Node, Partial<Record<EntryDef, Failing[]>>>();
  /**
   * The shell's errors for the last tree, kept by the tree's first pair (which an edit
   * elsewhere leaves alone): they are reused while the skeleton is the same, that is
   * everything the shell looks at (all but the contents of entries) is equal.
   */
  readonly shells = new WeakMap<object, { root: Node; errors: ErrorObject[] }>();
}

/** The schema itself (for hover and completion). */
export const programmeSchema = schemaJson as unknown as JsonSchema;

export interface JsonSchema {
  $ref?: string;
  title?: string;
  description?: string;
  examples?: unknown[];
  type?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  required?: string[];
  anyOf?: JsonSchema[];
  pattern?: string;
  definitions?: Record<string, JsonSchema>;
}

function compile(schema: JsonSchema & { $id: string }): Validators {
  const id = schema.$id;
  const ajv = new Ajv(setup.options);
  ajv.addSchema(schema, id);
  const shellSchema = JSON.parse(JSON.stringify(schema), (_k, v) =>
    v && typeof v === 'object' && typeof v.$ref === 'string' && ENTRY_DEFS.some((d) => v.$ref === `#/definitions/${d}`) ? {} : v,
  );
  shellSchema.$id = id.replace(/\.schema\.json$/, '.shell.schema.json');
  const shell = ajv.compile(shellSchema);
  const entry = {} as Record<EntryDef, ValidateFunction>;
  for (const d of ENTRY_DEFS) entry[d] = ajv.getSchema(`${id}#/definitions/${d}`)!;
  return { shell, entry };
}

/**
 * The programme format, with the validators compiled at build time (the same options and shell
 * as `compile`; a test holds them to the same results). A constant, holding no state between calls.
 */
export const FORMAT: Format = {
  shape: SHAPE,
  schema: schemaJson as JsonSchema,
  validators: {
    shell: precompiled.shell,
    entry: { person: precompiled.person, room: precompiled.room, slot: precompiled.slot, session: precompiled.session },
  },
};

export interface SchemaResult {
  problems: Problem[];
  /** Value nodes the schema rejected: later checks skip them (one mistake, one diagnostic). */
  invalid: Set<Node>;
}

export function validate(root: Node | null, text: string, cache: SchemaCache = new SchemaCache(), format: Format = FORMAT): SchemaResult {
  const { shape, validators } = format;
  const out: SchemaResult = { problems: [], invalid: new Set() };
  if (!root || (root.kind === 'scalar' && root.value === null)) {
    const at = { start: 0, end: Math.min(text.length, firstLineEnd(text)) };
    out.problems.push(problem('schema', 'the programme is empty: it needs `programme: 1`, `event` and `tracks`', at));
    return out;
  }
  report(shellErrors(root, cache, format), { node: root }, 'programme', out);
  if (root.kind !== 'map') return out;
  const each = (collection: Node | null | undefined, def: EntryDef): void => {
    if (collection?.kind !== 'map' && collection?.kind !== 'seq') return;
    // An untouched collection keeps its node (parse.ts): the entries with errors are kept for
    // it, so that an edit elsewhere does not look at each of its entries again.
    let memo = cache.failing.get(collection);
    if (!memo) cache.failing.set(collection, (memo = {}));
    let failing = memo[def];
    if (!failing) {
      failing = [];
      if (collection.kind === 'map') {
        for (const p of collection.items) if (p.value && entryErrors(p.value, def, cache, validators).length) failing.push({ node: p.value, pair: p });
      } else {
        for (const item of collection.items) if (entryErrors(item, def, cache, validators).length) failing.push({ node: item });
      }
      memo[def] = failing = compact(failing);
    }
    for (const f of failing)
      report(entryErrors(f.node, def, cache, validators), { node: f.node, pair: f.pair, key: f.pair?.key.value as string | undefined }, def, out);
  };
  each(get(root, shape.maps.person), 'person');
  each(get(root, shape.maps.room), 'room');
  const tracks = get(root, shape.maps.track);
  if (tracks?.kind === 'map') {
    for (const t of tracks.items) {
      each(get(t.value, shape.lists.slot), 'slot');
      each(get(t.value, shape.lists.session), 'session');
    }
  }
  return out;
}

function shellErrors(root: Node, cache: SchemaCache, format: Format): ErrorObject[] {
  const first = root.kind === 'map' ? root.items[0] : undefined;
  const last = first && cache.shells.get(first);
  if (last && sameSkeleton(last.root, root, format.shape)) {
    last.root = root;
    return last.errors;
  }
  format.validators.shell(shellValue(root, format.shape));
  const errors = format.validators.shell.errors ?? [];
  if (first) cache.shells.set(first, { root, errors });
  return errors;
}

/**
 * The document's plain value as the shell sees it: each entry (validated on its own) is null
 * there, which the shell accepts where it expects an entry, so the entries are not built.
 */
function shellValue(root: Node, shape: Shape): unknown {
  const nulls = (n: Node | null): unknown => plain(n, () => null);
  const track = (n: Node | null): unknown => plain(n, (v, key) => (key === shape.lists.slot || key === shape.lists.session ? nulls(v) : plain(v)));
  return plain(root, (v, key) => {
    if (key === shape.maps.person || key === shape.maps.room) return nulls(v);
    if (key === shape.maps.track && v?.kind === 'map') return plain(v, track);
    return plain(v);
  });
}

function sameSkeleton(a: Node, b: Node, shape: Shape): boolean {
  if (a === b) return true;
  if (a.kind !== 'map' || b.kind !== 'map' || !sameKeys(a, b)) return sameValue(a, b);
  for (let i = 0; i < a.items.length; i++) {
    const x = a.items[i].value,
      y = b.items[i].value;
    const key = b.items[i].key.value;
    if (key === shape.maps.person || key === shape.maps.room) {
      // Entries of a collection are validated on their own: only their ids count here.
      if (x === y) continue;
      if (!x || !y || x.kind !== 'map' || y.kind !== 'map' || !sameKeys(x, y)) {
        if (!sameValue(x, y)) return false;
      }
    } else if (key === shape.maps.track) {
      if (x === y) continue;
      if (!x || !y || x.kind !== 'map' || y.kind !== 'map' || !sameKeys(x, y)) {
        if (!sameValue(x, y)) return false;
        continue;
      }
      for (let t = 0; t < x.items.length; t++) if (!sameTrack(x.items[t].value, y.items[t].value, shape)) return false;
    } else if (!sameValue(x, y)) return false;
  }
  return true;
}

function sameTrack(a: Node | null, b: Node | null, shape: Shape): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== 'map' || b.kind !== 'map' || !sameKeys(a, b)) return sameValue(a, b);
  for (let i = 0; i < a.items.length; i++) {
    const x = a.items[i].value,
      y = b.items[i].value;
    const key = b.items[i].key.value;
    // Slots and sessions are validated one by one: only how many there are counts here.
    if ((key === shape.lists.slot || key === shape.lists.session) && x?.kind === 'seq' && y?.kind === 'seq') {
      if (x.items.length !== y.items.length) return false;
    } else if (!sameValue(x, y)) return false;
  }
  return true;
}

function sameKeys(a: MapNode, b: MapNode): boolean {
  if (a.items.length !== b.items.length) return false;
  for (let i = 0; i < a.items.length; i++) if (a.items[i].key.value !== b.items[i].key.value) return false;
  return true;
}

/** Whether two values are equal (the same nodes, or the same kinds, keys and scalar values). */
function sameValue(a: Node | null, b: Node | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'scalar') return a.value === b.value;
  if (a.kind === 'map') {
    const m = b as MapNode;
    if (!sameKeys(a, m)) return false;
    for (let i = 0; i < a.items.length; i++) if (!sameValue(a.items[i].value, m.items[i].value)) return false;
    return true;
  }
  const q = b as typeof a;
  if (a.items.length !== q.items.length) return false;
  for (let i = 0; i < a.items.length; i++) if (!sameValue(a.items[i], q.items[i])) return false;
  return true;
}

interface Failing {
  node: Node;
  pair?: Pair;
}

/** An entry's errors, kept for its node. */
function entryErrors(node: Node, def: EntryDef, cache: SchemaCache, validators: Validators): ErrorObject[] {
  const memo = cache.entries[def];
  let errors = memo.get(node);
  if (!errors) {
    validators.entry[def](plain(node));
    errors = compact(validators.entry[def].errors ?? NONE);
    memo.set(node, errors);
  }
  return errors;
}

function firstLineEnd(text: string): number {
  const nl = text.indexOf('\n');
  return nl < 0 ? text.length : nl;
}

interface Located {
  node: Node | null;
  /** The pair whose value is `node`, when there is one. */
  pair?: Pair;
  parent?: Node;
  key?: string;
}

function locate(base: Located, pointer: string): Located {
  let loc: Located = base;
  if (!pointer) return loc;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const n = loc.node;
    if (!n) break;
    if (n.kind === 'map') {
      const pair = n.items.find((p) => p.key.value === seg);
      if (!pair) break;
      loc = { node: pair.value, pair, parent: n, key: seg };
    } else if (n.kind === 'seq') {
      const item = n.items[Number(seg)];
      if (!item) break;
      loc = { node: item, parent: n, key: loc.key };
    } else break;
  }
  return loc;
}

/** Where to point for a problem about a whole mapping: its key, or its first key. */
function mappingAnchor(loc: Located): { start: number; end: number } {
  if (loc.pair) return loc.pair.key;
  const n = loc.node;
  if (n && n.kind === 'map' && n.items.length) return n.items[0].key;
  if (n) return { start: n.start, end: Math.max(n.start + 1, Math.min(n.end, n.start + 1)) };
  return { start: 0, end: 0 };
}

/** Where to point for a problem about a value: the value, or its key when it is empty. */
function valueAnchor(loc: Located): { start: number; end: number } {
  const n = loc.node;
  if (n && n.end > n.start) return n;
  if (loc.pair) return loc.pair.key;
  return n ?? { start: 0, end: 0 };
}

const NOUNS: Record<string, string> = {
  'Conference programme': 'the programme',
  Event: 'event',
  Room: 'room',
  Person: 'person',
  Slot: 'slot',
  Session: 'session',
  Track: 'track',
  Material: 'material',
  Topic: 'topic',
};

function nounOf(e: ErrorObject, fallback: string): string {
  const title = (e.parentSchema as JsonSchema | undefined)?.title;
  return (title && NOUNS[title]) || fallback;
}

function report(errors: ErrorObject[], base: Located, def: string, out: SchemaResult): void {
  const handled = new Set<ErrorObject>();
  // Alternatives (anyOf/oneOf/not) first: they explain their own sub-errors.
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') continue;
    const subs = errors.filter((s) => s !== e && s.schemaPath.startsWith(e.schemaPath + '/'));
    subs.forEach((s) => handled.add(s));
    handled.add(e);
    alternative(e, subs, base, def, out);
  }
  for (const e of errors) {
    if (handled.has(e) || e.keyword === 'propertyNames' || e.keyword === 'if') continue;
    single(e, base, def, out);
  }
}

function alternative(e: ErrorObject, subs: ErrorObject[], base: Located, def: string, out: SchemaResult): void {
  const loc = locate(base, e.instancePath);
  const noun = nounOf(e, def);
  const required = subs.filter((s) => s.keyword === 'required' && s.instancePath === e.instancePath);
  if (e.keyword === 'oneOf' && (e.params as { passingSchemas?: number[] | null }).passingSchemas) {
    const names = ((e.schema as JsonSchema[]) ?? []).map((s) => s.required?.[0]).filter(Boolean) as string[];
    const second = names
      .map((n) => (loc.node?.kind === 'map' ? loc.node.items.find((p) => p.key.value === n) : undefined))
      .filter(Boolean)
      .pop();
    out.problems.push(
      problem('schema', `give either ${names.map((n) => `\`${n}\``).join(' or ')} in a ${noun}, not both`, second ? second.key : mappingAnchor(loc)),
    );
    return;
  }
  if (required.length && required.length === subs.length) {
    const names = required.map((r) => `\`${(r.params as { missingProperty: string }).missingProperty}\``);
    out.problems.push(problem('schema', `${noun} needs ${names.join(' or ')}`, mappingAnchor(loc), { scopeEnd: loc.node?.end }));
    return;
  }
  // A value that may take several shapes (a topic: a title or a mapping): report the errors of
  // the shape the value has, or say which shapes are allowed.
  const branches = new Map<string, ErrorObject[]>();
  for (const s of subs) {
    const branch = s.schemaPath.slice(e.schemaPath.length + 1).split('/')[0];
    if (!branches.has(branch)) branches.set(branch, []);
    branches.get(branch)!.push(s);
  }
  const fitting = [...branches.values()].filter((list) => !list.some((s) => s.keyword === 'type' && s.instancePath === e.instancePath));
  if (fitting.length === 1) {
    for (const s of fitting[0]) single(s, base, def, out);
    return;
  }
  out.problems.push(problem('schema', `\`${loc.key ?? noun}\` must be a title (text) or a mapping with \`title\``, valueAnchor(loc)));
  if (loc.node) out.invalid.add(loc.node);
}

function single(e: ErrorObject, base: Located, def: string, out: SchemaResult): void {
  const params = e.params as Record<string, unknown>;
  const propertyName = (e as { propertyName?: string }).propertyName;
  const loc = locate(base, e.instancePath);
  if (propertyName !== undefined) {
    const pair = loc.node?.kind === 'map' ? loc.node.items.find((p) => p.key.value === propertyName) : undefined;
    const at = pair ? pair.key : valueAnchor(loc);
    out.problems.push(problem('schema', idMessage(propertyName), at));
    if (pair?.value) out.invalid.add(pair.value);
    return;
  }
  const noun = nounOf(e, def);
  const key = loc.key ?? noun;
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const map = loc.node as MapNode;
      const pair = map.items.find((p) => p.key.value === name);
      const allowed = Object.keys((e.parentSchema as JsonSchema).properties ?? {});
      const guess = closest(name, allowed);
      const where = noun === 'the programme' ? 'at the top level' : `in ${noun}`;
      const hint = guess ? `; did you mean \`${guess}\`?` : `; expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}`;
      const data = guess && pair ? { fix: 'replace' as const, replacement: guess, title: `Change to \`${guess}\`` } : undefined;
      out.problems.push(problem('schema', `unknown key \`${name}\` ${where}${hint}`, pair ? pair.key : mappingAnchor(loc), data ? { data } : {}));
      return;
    }
    case 'required':
      out.problems.push(
        problem('schema', `missing required key \`${String(params.missingProperty)}\` in ${noun}`, mappingAnchor(loc), { scopeEnd: loc.node?.end }),
      );
      return;
    case 'type':
      out.problems.push(problem('schema', typeMessage(key, String(params.type), loc.node), valueAnchor(loc)));
      break;
    case 'pattern':
      out.problems.push(problem('schema', patternMessage(e, loc.node), valueAnchor(loc)));
      break;
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const msg =
        key === 'programme'
          ? '`programme` must be 1: this is format version 1'
          : `\`${describeValue(loc.node)}\` is not a valid ${key}: use one of ${allowed.map((a) => `\`${String(a)}\``).join(', ')}`;
      const guess = typeof loc.node?.value === 'string' ? closest(loc.node.value, allowed.map(String)) : undefined;
      const data = guess ? { fix: 'replace' as const, replacement: guess, title: `Change to \`${guess}\`` } : undefined;
      out.problems.push(problem('schema', msg, valueAnchor(loc), data ? { data } : {}));
      break;
    }
    case 'minLength':
      out.problems.push(problem('schema', `\`${key}\` must not be empty`, valueAnchor(loc)));
      break;
    case 'maxLength':
      out.problems.push(problem('schema', `\`${key}\` is too long: at most ${String(params.limit)} characters`, valueAnchor(loc)));
      break;
    case 'maxItems':
    case 'maxProperties':
      out.problems.push(problem('schema', `\`${key}\` has too many entries: at most ${String(params.limit)}`, valueAnchor(loc)));
      break;
    case 'minimum':
    case 'maximum':
      out.problems.push(problem('schema', `\`${key}\` must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}`, valueAnchor(loc)));
      break;
    case 'not':
      out.problems.push(
        problem('schema', `give either \`duration\` or \`end\` in a ${noun}, not both`, locate(base, `${e.instancePath}/end`).pair?.key ?? mappingAnchor(loc)),
      );
      return;
    default:
      out.problems.push(problem('schema', `\`${key}\`: ${e.message ?? 'invalid value'}`, valueAnchor(loc)));
  }
  if (loc.node) out.invalid.add(loc.node);
}

function idMessage(value: string): string {
  return `\`${value}\` is not a valid id: use lower-case letters, digits and dashes (like \`alex-williamson\`)`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  object: 'a mapping (`key: value` lines)',
  array: 'a list',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (typeof value === 'string') return 'text';
  if (value instanceof Date) return 'a timestamp';
  return typeof value === 'object' ? 'a mapping' : typeof value;
}

function describeValue(node: Node | null): string {
  const v = plain(node);
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
}

function typeMessage(key: string, expected: string, node: Node | null): string {
  const want = expected
    .split(',')
    .map((t) => TYPE_WORDS[t] ?? t)
    .join(' or ');
  if (!node || node.value === null) return `\`${key}\` has no value: it must be ${want}`;
  const hint = expected === 'string' && node.kind === 'scalar' && !node.quoted ? ' (put it in quotes)' : '';
  return `\`${key}\` must be ${want}, not ${describeType(plain(node))}${hint}`;
}

const FORMS: Record<string, string> = {
  Id: 'is not a valid id: use lower-case letters, digits and dashes (like `alex-williamson`)',
  Date: 'is not a date: write YYYY-MM-DD (like `2021-09-20`)',
  'Local date-time': 'is not a local date-time: write YYYY-MM-DD HH:MM (like `2021-09-21 07:05`)',
  Duration: 'is not a duration: write minutes and/or hours, like `20m`, `1h` or `1h30m`',
  'Day change': 'is not a time of day: write HH:MM, from `00:00` to `23:59` (like `04:00`)',
  URL: 'is not a web or mail link: write an `https://`, `http://` or `mailto:` URL',
};

function patternMessage(e: ErrorObject, node: Node | null): string {
  const value = describeValue(node);
  const title = (e.parentSchema as JsonSchema | undefined)?.title;
  if (title && FORMS[title]) return `\`${value}\` ${FORMS[title]}`;
  if (title === 'Email') return `\`${value}\` is not an email address`;
  if ((e.parentSchema as JsonSchema | undefined)?.pattern?.includes('(/[a-z0-9]')) {
    return `\`${value}\` is not a topic path: ids joined by \`/\` (like \`vfio/iopf\`)`;
  }
  return `\`${value}\` does not have the expected form`;
}
