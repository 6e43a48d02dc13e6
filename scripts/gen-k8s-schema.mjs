// Generates, from the kubernetes-types 1.30 declarations (run with `npm run gen:schema`):
//   src/generated/k8s-schema.json  the editor schema for monaco-yaml (one root with an if/then per kind)
//   src/sim/apply/structure.json   the compact Go-typed structure that src/sim/apply/strictDecode.ts walks
// Both come from one ts-json-schema-generator run; see /work/shared/STACK.md section 4 for why this path.
import { createGenerator } from 'ts-json-schema-generator';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { EMBEDDED, GO_FIELD_TYPES } from './k8sGoTypes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(root, 'scripts/.k8s-entry.ts');
const TSCONFIG = join(root, 'scripts/.k8s-tsconfig.json');
const EDITOR_SCHEMA = join(root, 'src/generated/k8s-schema.json');
const STRUCTURE = join(root, 'src/sim/apply/structure.json');

/** Kinds by kubernetes-types module; GA versions only, so no type name exists in two versions. */
const KINDS = {
  'core/v1': ['Pod', 'Service', 'ConfigMap', 'Secret', 'Namespace', 'PersistentVolumeClaim', 'ServiceAccount', 'Node',
    'Endpoints', 'Event', 'ReplicationController'],
  'apps/v1': ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'],
  'batch/v1': ['Job', 'CronJob'],
  'networking/v1': ['Ingress', 'IngressClass', 'NetworkPolicy'],
  'autoscaling/v2': ['HorizontalPodAutoscaler'],
  'policy/v1': ['PodDisruptionBudget'],
  'scheduling/v1': ['PriorityClass'],
  'storage/v1': ['StorageClass'],
  'discovery/v1': ['EndpointSlice'],
  'coordination/v1': ['Lease'],
  'rbac/v1': ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'],
};
const KIND_NAMES = Object.values(KINDS).flat();
/** Definitions that are Go scalars with their own JSON decoding, not structs. */
const SCALAR_DEFS = { Quantity: 'q', Time: 't', MicroTime: 'mt', FieldsV1: 'any', RawExtension: 'any' };

function generate() {
  writeFileSync(ENTRY, Object.entries(KINDS)
    .map(([mod, kinds]) => `export type { ${kinds.join(', ')} } from 'kubernetes-types/${mod}';\n`).join(''));
  writeFileSync(TSCONFIG, JSON.stringify({
    compilerOptions: { strict: true, module: 'commonjs', moduleResolution: 'node', target: 'es2020', skipLibCheck: true },
    files: ['.k8s-entry.ts'],
  }));
  try {
    return createGenerator({
      path: ENTRY, tsconfig: TSCONFIG, type: '*', expose: 'export', jsDoc: 'extended', topRef: true,
      skipTypeCheck: true, additionalProperties: false,
    }).createSchema('*');
  } finally {
    rmSync(ENTRY, { force: true });
    rmSync(TSCONFIG, { force: true });
  }
}

const refName = (ref) => ref.slice('#/definitions/'.length);

/** The definitions reachable from the kinds, in name order so regeneration is stable. */
function reachable(defs) {
  const seen = new Set();
  const queue = [...KIND_NAMES];
  while (queue.length > 0) {
    const name = queue.pop();
    if (seen.has(name)) continue;
    if (!defs[name]) throw new Error(`missing definition ${name}`);
    seen.add(name);
    JSON.stringify(defs[name]).replace(/"#\/definitions\/(\w+)"/g, (_, n) => { queue.push(n); return ''; });
  }
  return [...seen].sort();
}

/** Go package printed before each struct name: autoscaling/v2 types are "v2.", the rest of our set is "v1.". */
function goPackages() {
  const v2 = readFileSync(join(root, 'node_modules/kubernetes-types/autoscaling/v2.d.ts'), 'utf8');
  return new Set([...v2.matchAll(/export interface (\w+)/g)].map((m) => m[1]));
}

// ---- structure.json -------------------------------------------------------------------------------------------

/**
 * Encodes one field as a type string for strictDecode.ts:
 *   s b i32 i64 q t mt ios any b64 @Def  []T  {}T (map[string]T)  {GoName}T (named map)  T=GoName (named scalar)
 */
function encodeField(prop, goType, where) {
  const shape = shapeOf(prop);
  if (!goType) return shape;
  if (goType === 'int64') return expect(shape, 'i32', 'i64', where);
  if (goType === '[]int64') return expect(shape, '[]i32', '[]i64', where);
  if (goType === '[]uint8') return expect(shape, 's', 'b64', where);
  if (goType === 'map[string][]uint8') return expect(shape, '{}s', '{}b64', where);
  if (goType.startsWith('[]')) return `[]${named(shape.slice(2), goType.slice(2), where)}`;
  if (goType.startsWith('map[')) {
    const value = goType.slice(goType.indexOf(']') + 1);
    return `{${goType}}${named(shape.slice(2), value, where)}`;
  }
  if (shape.startsWith('{}')) return `{${goType}}${shape.slice(2)}`;
  return named(shape, goType, where);
}

function expect(shape, from, to, where) {
  if (shape !== from) throw new Error(`${where}: expected ${from}, found ${shape}`);
  return to;
}

function named(shape, goType, where) {
  if (shape !== 's') throw new Error(`${where}: ${goType} on a ${shape}`);
  return `s=${goType}`;
}

function shapeOf(prop) {
  if (prop.$ref) {
    const name = refName(prop.$ref);
    return SCALAR_DEFS[name] ?? `@${name}`;
  }
  if (Array.isArray(prop.type)) return 'ios';
  if (prop.type === 'string') return 's';
  if (prop.type === 'boolean') return 'b';
  if (prop.type === 'number') return 'i32';
  if (prop.type === 'array') return `[]${shapeOf(prop.items)}`;
  if (prop.type === 'object' && typeof prop.additionalProperties === 'object') return `{}${shapeOf(prop.additionalProperties)}`;
  throw new Error(`unknown shape ${JSON.stringify(prop).slice(0, 200)}`);
}

function buildStructure(schema, names) {
  const v2 = goPackages();
  const defs = {};
  for (const name of names) {
    if (SCALAR_DEFS[name]) continue;
    const def = schema.definitions[name];
    const goTypes = GO_FIELD_TYPES[name] ?? {};
    const fields = {};
    for (const [field, prop] of Object.entries(def.properties ?? {})) {
      fields[field] = encodeField(prop, goTypes[field], `${name}.${field}`);
    }
    for (const field of Object.keys(goTypes)) {
      if (!(field in fields)) throw new Error(`${name}.${field} is not a field`);
    }
    const out = { f: fields };
    if (v2.has(name)) out.g = `v2.${name}`;
    const embedded = embeddedFields(name, Object.keys(fields));
    if (embedded) out.e = embedded;
    defs[name] = out;
  }
  const kinds = {};
  for (const kind of KIND_NAMES) kinds[`${schema.definitions[kind].properties.apiVersion.const}/${kind}`] = kind;
  return { kinds, defs };
}

/** { EmbeddedGoName: [json fields] } for structs with inline members; every kind inlines metav1.TypeMeta. */
function embeddedFields(name, fields) {
  const out = {};
  if (KIND_NAMES.includes(name)) out.TypeMeta = ['apiVersion', 'kind'];
  const spec = EMBEDDED[name];
  if (spec) {
    out[spec.name] = spec.fields === '*' ? fields.filter((f) => !spec.except.includes(f)) : spec.fields;
    for (const f of out[spec.name]) if (!fields.includes(f)) throw new Error(`${name}.${f} is not a field`);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

// ---- k8s-schema.json ------------------------------------------------------------------------------------------

/** Applies the Go types to a JSON-schema property: integers are integers, IntOrString is string|integer. */
function editorProp(prop, encoded) {
  if (encoded === 'ios') return { ...prop, type: ['string', 'integer'] };
  if (encoded === 'i32' || encoded === 'i64') return { ...prop, type: 'integer' };
  if (encoded === '[]i32' || encoded === '[]i64') return { ...prop, items: { ...prop.items, type: 'integer' } };
  return prop;
}

function buildEditorSchema(schema, names, structure) {
  const definitions = {};
  for (const name of names) {
    const def = schema.definitions[name];
    if (name === 'Quantity') {
      definitions[name] = { ...def, type: ['string', 'number'] };
    } else if (SCALAR_DEFS[name] === 'any') {
      // Free-form JSON: an empty `additionalProperties: false` object would reject every key.
      const { additionalProperties: _, ...rest } = def;
      definitions[name] = rest;
    } else if (def.properties) {
      const fields = structure.defs[name].f;
      const properties = Object.fromEntries(Object.entries(def.properties)
        .map(([field, prop]) => [field, editorProp(prop, fields[field])]));
      // apiVersion/kind are required by the root, not here: PersistentVolumeClaim is also a StatefulSet's
      // volumeClaimTemplates item, where they are optional.
      definitions[name] = { ...def, properties };
    } else {
      definitions[name] = def;
    }
  }
  const apiVersionOf = (kind) => schema.definitions[kind].properties.apiVersion.const;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(KIND_NAMES.map(apiVersionOf))] },
      kind: { type: 'string', enum: KIND_NAMES },
    },
    // if/then rather than oneOf: an unknown kind then gets one clear enum error instead of a list of failed branches.
    allOf: KIND_NAMES.map((kind) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: { $ref: `#/definitions/${kind}`, properties: { apiVersion: { const: apiVersionOf(kind) } } },
    })),
    definitions,
  };
}

function write(path, value) {
  mkdirSync(dirname(path), { recursive: true });
  const text = JSON.stringify(value);
  writeFileSync(path, text);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`${path.slice(root.length + 1)}: ${kb(text.length)} (${kb(gzipSync(text).length)} gzip)`);
}

const started = Date.now();
const schema = generate();
const names = reachable(schema.definitions);
const structure = buildStructure(schema, names);
write(EDITOR_SCHEMA, buildEditorSchema(schema, names, structure));
write(STRUCTURE, structure);
console.log(`${KIND_NAMES.length} kinds, ${names.length} definitions, ${Date.now() - started} ms`);
