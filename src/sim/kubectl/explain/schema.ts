// Mirrors the template of `kubectl explain` (k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl: output,
// fieldList, fieldDetail, description, typeGuess) over the schema Kubeplay bundles: src/generated/k8s-schema.json,
// generated from kubernetes-types 1.30 by scripts/gen-k8s-schema.mjs. That schema is JSON Schema with `$ref` where the
// API server's OpenAPI v3 has `allOf: [{$ref}]`; the two are read alike. Leaves out enums (kubernetes-types carries
// none) and externalDocs (none in core kinds).
import schemaJson from '../../../generated/k8s-schema.json';
import { indent, wrap } from './wordWrap';

/** JsonSchema is the part of a JSON Schema node explain reads. */
export interface JsonSchema {
  type?: string | string[];
  $ref?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
}

const DEFINITIONS = (schemaJson as unknown as { definitions: Record<string, JsonSchema> }).definitions;

/**
 * IntOrString is inlined as `string | integer` by the generator; the API server's schema names it, with this
 * description (apimachinery pkg/util/intstr), which explain prints after the field's own.
 */
const INT_OR_STRING =
  'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.';

/** kindSchema is the schema of a kind by its name, undefined when Kubeplay has none. */
export function kindSchema(kind: string): JsonSchema | undefined {
  return DEFINITIONS[kind];
}

/** FieldNotFound is the template's `field "x" does not exist`, naming the last element of the path asked for. */
export class FieldNotFound extends Error {}

/**
 * renderSchema is the template's "output": it follows `path` from `schema` (through arrays and maps), then prints
 * `FIELD:` for the last field, its DESCRIPTION and its FIELDS.
 */
export function renderSchema(schema: JsonSchema, path: readonly string[], recursive: boolean, fullPath: readonly string[] = path): string {
  if (path.length === 0) {
    let out = `DESCRIPTION:\n${indent(4, wrap(76, descriptionOf(schema) || '<empty>'))}\n`;
    const fields = fieldList(schema, 1, recursive, new Set());
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  const holder = propertiesHolder(schema);
  const field = holder?.properties?.[path[0]!];
  if (!field) throw new FieldNotFound(`field ${JSON.stringify(fullPath[fullPath.length - 1])} does not exist`);
  const heading = path.length === 1 ? `FIELD: ${path[0]} <${typeGuess(field)}>\n\n\n` : '';
  return heading + renderSchema(field, path.slice(1), recursive, fullPath);
}

/** propertiesHolder is the schema whose properties a path continues into: through a $ref, array items or map values. */
function propertiesHolder(schema: JsonSchema): JsonSchema | undefined {
  const resolved = resolve(schema);
  if (resolved.properties) return resolved;
  if (resolved.items) return propertiesHolder(resolved.items);
  if (typeof resolved.additionalProperties === 'object') return propertiesHolder(resolved.additionalProperties);
  return undefined;
}

/**
 * descriptionOf is the template's "description": the schema's own description, then the referenced type's, then the
 * item or value type's, each followed by a line break (which `wrap` then removes).
 */
export function descriptionOf(schema: JsonSchema): string {
  let out = schema.description ? `${schema.description}\n` : '';
  if (schema.$ref) {
    const target = DEFINITIONS[refName(schema.$ref)];
    if (target) out += descriptionOf({ ...target, $ref: undefined });
  }
  if (isIntOrString(schema)) out += `${INT_OR_STRING}\n`;
  if (schema.items) out += descriptionOf(schema.items);
  if (typeof schema.additionalProperties === 'object') out += descriptionOf(schema.additionalProperties);
  return out;
}

/** fieldList lists the fields of a schema (sorted, as Go ranges over a map), nested ones too when recursive. */
function fieldList(schema: JsonSchema, level: number, recursive: boolean, history: ReadonlySet<string>): string {
  let current = schema;
  let seen = history;
  if (schema.$ref) {
    // A type met again on the way down (a recursive schema) is not listed again.
    if (history.has(schema.$ref)) return '';
    seen = new Set([...history, schema.$ref]);
    current = DEFINITIONS[refName(schema.$ref)] ?? {};
  }
  let out = '';
  for (const name of Object.keys(current.properties ?? {}).sort()) {
    out += fieldDetail(name, current, level, recursive);
    if (recursive) out += fieldList(current.properties![name]!, level + 1, recursive, seen);
  }
  if (current.items) out += fieldList(current.items, level, recursive, seen);
  if (typeof current.additionalProperties === 'object') out += fieldList(current.additionalProperties, level, recursive, seen);
  return out;
}

/** fieldDetail is one field: `name<TAB><type>[ -required-]`, then its description unless the list is recursive. */
function fieldDetail(name: string, holder: JsonSchema, level: number, short: boolean): string {
  const pad = level * 2;
  const field = holder.properties![name]!;
  const required = holder.required?.includes(name) ? ' -required-' : '';
  let out = `${indent(pad, name)}\t<${typeGuess(field)}>${required}\n`;
  if (!short) out += `${indent(pad + 2, wrap(78 - pad, field.description || '<no description>'))}\n\n`;
  return out;
}

/**
 * typeGuess is the template's type hint: `[]T` for arrays, `map[string]T` for maps, a referenced object's type
 * name, a referenced scalar's type (Time is a `string`), and `Object` for a free-form object.
 */
export function typeGuess(schema: JsonSchema): string {
  if (schema.items) return `[]${typeGuess(schema.items)}`;
  if (typeof schema.additionalProperties === 'object') return `map[string]${typeGuess(schema.additionalProperties)}`;
  if (schema.$ref) {
    const name = refName(schema.$ref);
    const target = DEFINITIONS[name];
    // Quantity has no type in the API server's schema (it is a oneOf of string and number): its name shows.
    if (name === 'Quantity' || !target || !target.type || target.type === 'object' || Array.isArray(target.type)) return name;
    return target.type;
  }
  if (isIntOrString(schema)) return 'IntOrString';
  if (schema.type === 'object' || schema.type === undefined) return 'Object';
  return Array.isArray(schema.type) ? 'Object' : schema.type;
}

function isIntOrString(schema: JsonSchema): boolean {
  return Array.isArray(schema.type) && schema.type.includes('integer') && schema.type.includes('string');
}

function resolve(schema: JsonSchema): JsonSchema {
  return schema.$ref ? (DEFINITIONS[refName(schema.$ref)] ?? {}) : schema;
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}
