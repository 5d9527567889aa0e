/**
 * Walks the programme schema along a document path, resolving `$ref`s into `definitions`:
 * what completion offers and hover explains at a place in the file.
 */
import { JsonSchema, programmeSchema } from './schema';

/**
 * A schema with its `$ref` resolved; the referring schema's own title/description/examples win.
 * `root` is the schema the `$ref`s point into: the programme schema unless a format says otherwise.
 */
export function resolve(schema: JsonSchema | undefined, root: JsonSchema = programmeSchema): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.replace('#/definitions/', '');
  const target = resolve(root.definitions?.[name], root);
  if (!target) return schema;
  const { $ref: _ref, ...own } = schema;
  void _ref;
  return { ...target, ...own };
}

/** The object branch of a schema that may be a string or an object (`topic`). */
export function objectBranch(schema: JsonSchema | undefined, root: JsonSchema = programmeSchema): JsonSchema | undefined {
  const s = resolve(schema, root);
  if (s?.anyOf) return s.anyOf.map((b) => resolve(b, root)).find((b) => b?.type === 'object' || b?.properties) ?? s;
  return s;
}

/** The schema of the value at `path` (keys, and numbers for sequence items), or undefined. */
export function schemaAt(path: readonly (string | number)[], root: JsonSchema = programmeSchema): JsonSchema | undefined {
  let s: JsonSchema | undefined = root;
  for (const seg of path) {
    s = objectBranch(s, root);
    if (!s) return undefined;
    if (typeof seg === 'number') s = resolve(s.items, root);
    else if (s.properties && Object.prototype.hasOwnProperty.call(s.properties, seg)) s = resolve(s.properties[seg], root);
    else if (s.additionalProperties && typeof s.additionalProperties === 'object') s = resolve(s.additionalProperties, root);
    else return undefined;
  }
  return s;
}

/** True when `path` names an entry of a map of ids (a person, room, track or topic id). */
export function isIdKey(path: readonly (string | number)[], root: JsonSchema = programmeSchema): boolean {
  if (!path.length) return false;
  const parent = objectBranch(schemaAt(path.slice(0, -1), root), root);
  return !!parent && typeof parent.additionalProperties === 'object' && !parent.properties?.[String(path[path.length - 1])];
}

/** Markdown documentation of a schema: title, description and examples. */
export function schemaDoc(schema: JsonSchema | undefined, key?: string, root: JsonSchema = programmeSchema): string | undefined {
  const s = resolve(schema, root);
  if (!s) return undefined;
  const parts: string[] = [];
  const title = s.title ?? key;
  if (title) parts.push(`**${title}**${key && s.title ? ` (\`${key}\`)` : ''}`);
  if (s.description) parts.push(s.description);
  if (s.enum) parts.push(`One of: ${s.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  if (s.examples?.length) {
    const ex = s.examples.slice(0, 2).map((e) => `\`${typeof e === 'string' ? e : JSON.stringify(e)}\``);
    parts.push(`Example${ex.length > 1 ? 's' : ''}: ${ex.join(', ')}`);
  }
  return parts.length ? parts.join('\n\n') : undefined;
}
