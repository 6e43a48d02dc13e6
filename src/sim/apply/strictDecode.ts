// Mirrors what kube-apiserver does to a request body before defaulting and validation: the strict JSON decode of
// k8s.io/apimachinery pkg/runtime/serializer/json/json.go (Serializer.unmarshal, options.Strict) through
// sigs.k8s.io/json (internal/golang/encoding/json/decode.go + kubernetes_patch.go), and the BadRequest wording of
// k8s.io/apiserver pkg/endpoints/handlers/rest.go (transformDecodeError) plus runtime/error.go (strictDecodingError).
// Leaves out: duplicate fields (the YAML parser reports them), the YAML-to-JSON step, apiVersion/kind discovery.
//
// Message formats, confirmed against upstream source and real server output:
//   type mismatch (first one wins; Quantity/IntOrString/Time errors abort at once and win over it):
//     Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct
//     field EnvVar.spec.template.spec.containers.env.value of type string        (neondatabase/helm-charts#71)
//   unknown fields, only when nothing else failed, in body order, ", "-separated, at most 100, deduplicated:
//     Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field
//     "spec.template.spec.initContainers[0].restartPolicy"                        (kubernetes/website#52675)
// kubectl sends the object as json.Marshal of a map, so keys arrive sorted; we walk them in that order.
// ATTENTION: Go's decoder puts the name of an inline-embedded struct into the field path (VolumeSource in
// "Volume.spec.volumes.VolumeSource.emptyDir"), as the sigs.k8s.io/json vendored in current Kubernetes does.
import { base64Error, quantityError, timeError, type TimeLayout } from './goScalars';
import structureJson from './structure.json';

/** DecodeProblem is one decoding error: the path of the offending node (for line/column mapping) and its text. */
export interface DecodeProblem {
  path: (string | number)[];
  message: string;
}

/** DecodeResult carries the whole server message when the object is rejected, and the problems behind it. */
export interface DecodeResult {
  message?: string;
  problems: DecodeProblem[];
}

interface StructureDef {
  f: Record<string, string>;
  g?: string;
  e?: Record<string, string[]>;
}
const STRUCTURE = structureJson as { kinds: Record<string, string>; defs: Record<string, StructureDef> };

/** GoType is a field's Go type: how its JSON is decoded and the name Go prints for it. */
type GoType =
  | { kind: 'string' | 'bool' | 'any' | 'quantity' | 'intOrString' | 'bytes'; go: string }
  | { kind: 'int'; go: string; min: number; max: number }
  | { kind: 'time'; go: string; layout: TimeLayout }
  | { kind: 'struct'; go: string; def: string }
  | { kind: 'slice' | 'map'; go: string; elem: GoType };

interface StructDef {
  name: string;
  fields: Map<string, { type: GoType; embeddedIn?: string }>;
}

const INT32 = { min: -2147483648, max: 2147483647 };
const INT64 = { min: -9223372036854775808, max: 9223372036854775807 };
const UINT8: GoType = { kind: 'int', go: 'uint8', min: 0, max: 255 };

const typeCache = new Map<string, GoType>();
const structCache = new Map<string, StructDef>();

/** goType compiles a structure.json type string (see scripts/gen-k8s-schema.mjs for the grammar). */
function goType(spec: string): GoType {
  let type = typeCache.get(spec);
  if (!type) {
    type = compileType(spec);
    typeCache.set(spec, type);
  }
  return type;
}

function compileType(spec: string): GoType {
  if (spec.startsWith('[]')) {
    const elem = goType(spec.slice(2));
    return { kind: 'slice', go: `[]${elem.go}`, elem };
  }
  if (spec.startsWith('{')) {
    const close = spec.indexOf('}');
    const elem = goType(spec.slice(close + 1));
    return { kind: 'map', go: close === 1 ? `map[string]${elem.go}` : spec.slice(1, close), elem };
  }
  const [base, name] = spec.split('=') as [string, string | undefined];
  const type = compileBase(base);
  return name ? { ...type, go: name } : type;
}

function compileBase(base: string): GoType {
  switch (base) {
    case 's': return { kind: 'string', go: 'string' };
    case 'b': return { kind: 'bool', go: 'bool' };
    case 'i32': return { kind: 'int', go: 'int32', ...INT32 };
    case 'i64': return { kind: 'int', go: 'int64', ...INT64 };
    case 'q': return { kind: 'quantity', go: 'resource.Quantity' };
    case 'ios': return { kind: 'intOrString', go: 'intstr.IntOrString' };
    case 't': return { kind: 'time', go: 'v1.Time', layout: 'RFC3339' };
    case 'mt': return { kind: 'time', go: 'v1.MicroTime', layout: 'RFC3339Micro' };
    case 'b64': return { kind: 'bytes', go: '[]uint8' };
    case 'any': return { kind: 'any', go: 'interface {}' };
  }
  if (!base.startsWith('@')) throw new Error(`strictDecode: unknown type ${base}`);
  const def = base.slice(1);
  return { kind: 'struct', go: STRUCTURE.defs[def]?.g ?? `v1.${def}`, def };
}

function structDef(name: string): StructDef {
  let def = structCache.get(name);
  if (!def) {
    const raw = STRUCTURE.defs[name];
    if (!raw) throw new Error(`strictDecode: unknown definition ${name}`);
    const embeddedIn = new Map<string, string>();
    for (const [embedded, fields] of Object.entries(raw.e ?? {})) for (const f of fields) embeddedIn.set(f, embedded);
    const fields = new Map(Object.entries(raw.f).map(([f, spec]) => [f, { type: goType(spec), embeddedIn: embeddedIn.get(f) }]));
    def = { name, fields };
    structCache.set(name, def);
  }
  return def;
}

/** Decoder state: Go's errorContext (Struct, FieldStack), sigs.k8s.io/json's strict field path, our own node path. */
interface Decoder {
  path: (string | number)[];
  struct: string;
  fieldStack: string[];
  strictPath: string;
  saved?: DecodeProblem;
  strict: DecodeProblem[];
  seenStrict: Set<string>;
}

/** Errors Go returns at once instead of saving: those of a json.Unmarshaler (Quantity, IntOrString, Time). */
class AbortDecode {
  constructor(readonly problem: DecodeProblem) {}
}

const MAX_STRICT_ERRORS = 100;

/**
 * strictDecode decodes a parsed manifest (plain JSON data) as the API server's strict decoder does for
 * apiVersion/kind, and returns the server's rejection message, if any. Kinds without a structure are accepted.
 */
export function strictDecode(obj: unknown, apiVersion: string, kind: string): DecodeResult {
  const def = STRUCTURE.kinds[`${apiVersion}/${kind}`];
  if (!def) return { problems: [] };
  const d: Decoder = { path: [], struct: '', fieldStack: [], strictPath: '', strict: [], seenStrict: new Set() };
  const version = apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
  const reject = (detail: string, problems: DecodeProblem[]): DecodeResult => ({
    message: `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${detail}`,
    problems,
  });
  try {
    decodeValue(d, obj, goType(`@${def}`));
  } catch (err) {
    if (err instanceof AbortDecode) return reject(err.problem.message, [err.problem]);
    throw err;
  }
  if (d.saved) return reject(d.saved.message, [d.saved]);
  if (d.strict.length > 0) return reject(`strict decoding error: ${d.strict.map((p) => p.message).join(', ')}`, d.strict);
  return { problems: [] };
}

function decodeValue(d: Decoder, value: unknown, type: GoType): void {
  if (value === null) return; // null leaves any Go value unset, without error
  switch (type.kind) {
    case 'struct':
      if (isObject(value)) decodeStruct(d, value, structDef(type.def));
      else saveTypeError(d, jsonKind(value), type.go);
      return;
    case 'slice':
      if (Array.isArray(value)) decodeSlice(d, value, type.elem);
      else saveTypeError(d, jsonKind(value), type.go);
      return;
    case 'map':
      if (isObject(value)) decodeMap(d, value, type.elem);
      else saveTypeError(d, jsonKind(value), type.go);
      return;
    case 'string':
      if (typeof value !== 'string') saveTypeError(d, jsonKind(value), type.go);
      return;
    case 'bool':
      if (typeof value !== 'boolean') saveTypeError(d, jsonKind(value), type.go);
      return;
    case 'int': {
      const wrong = intMismatch(value, type.min, type.max);
      if (wrong) saveTypeError(d, wrong, type.go);
      return;
    }
    case 'bytes':
      decodeBytes(d, value, type.go);
      return;
    case 'quantity': {
      // Quantity.UnmarshalJSON strips the quotes of a string and parses the raw JSON text of anything else.
      const text = typeof value === 'string' ? value.trim() : typeof value === 'object' ? '{' : String(value);
      const err = quantityError(text);
      if (err) throw new AbortDecode(problem(d, err));
      return;
    }
    case 'intOrString': {
      // IntOrString.UnmarshalJSON decodes a non-string into its int32 with encoding/json; the outer decoder then
      // adds its field context to that error.
      const wrong = typeof value === 'string' ? undefined : intMismatch(value, INT32.min, INT32.max);
      if (wrong) throw new AbortDecode(problem(d, typeErrorMessage(d, wrong, 'int32')));
      return;
    }
    case 'time': {
      const err = typeof value === 'string' ? timeError(value, type.layout) : typeErrorMessage(d, jsonKind(value), 'string');
      if (err) throw new AbortDecode(problem(d, err));
      return;
    }
    case 'any':
      return;
  }
}

function decodeStruct(d: Decoder, obj: Record<string, unknown>, def: StructDef): void {
  for (const key of Object.keys(obj).sort()) {
    d.path.push(key);
    const field = def.fields.get(key);
    if (!field) {
      saveStrictError(d, `unknown field ${JSON.stringify(joinStrict(d.strictPath, key))}`);
    } else {
      const { struct, strictPath } = d;
      const depth = d.fieldStack.length;
      if (field.embeddedIn) d.fieldStack.push(field.embeddedIn);
      d.fieldStack.push(key);
      d.struct = def.name;
      d.strictPath = joinStrict(strictPath, key);
      decodeValue(d, obj[key], field.type);
      d.fieldStack.length = depth;
      d.struct = struct;
      d.strictPath = strictPath;
    }
    d.path.pop();
  }
}

function decodeSlice(d: Decoder, items: unknown[], elem: GoType): void {
  const { strictPath } = d;
  items.forEach((item, i) => {
    d.path.push(i);
    d.strictPath = `${strictPath}[${i}]`;
    decodeValue(d, item, elem);
    d.path.pop();
  });
  d.strictPath = strictPath;
}

function decodeMap(d: Decoder, obj: Record<string, unknown>, elem: GoType): void {
  // Map keys join the strict path but not Go's error context, which keeps naming the field holding the map.
  const { strictPath } = d;
  for (const key of Object.keys(obj).sort()) {
    d.path.push(key);
    d.strictPath = joinStrict(strictPath, key);
    decodeValue(d, obj[key], elem);
    d.path.pop();
  }
  d.strictPath = strictPath;
}

/** []byte: a base64 string, or (as encoding/json also allows) an array of bytes. */
function decodeBytes(d: Decoder, value: unknown, go: string): void {
  if (typeof value === 'string') {
    const err = base64Error(value);
    if (err && !d.saved) d.saved = problem(d, err);
  } else if (Array.isArray(value)) {
    decodeSlice(d, value, UINT8);
  } else {
    saveTypeError(d, jsonKind(value), go);
  }
}

/** The UnmarshalTypeError "value" text for a JSON value that does not fit an integer, or undefined if it fits. */
function intMismatch(value: unknown, min: number, max: number): string | undefined {
  if (typeof value !== 'number') return jsonKind(value);
  // String(n) matches the literal Go's json.Marshal writes for the float64 kubectl holds.
  return Number.isInteger(value) && value >= min && value <= max ? undefined : `number ${String(value)}`;
}

function saveTypeError(d: Decoder, value: string, go: string): void {
  if (!d.saved) d.saved = problem(d, typeErrorMessage(d, value, go));
}

/** UnmarshalTypeError.Error() with the context Go's addErrorContext adds. */
function typeErrorMessage(d: Decoder, value: string, go: string): string {
  if (d.struct !== '' || d.fieldStack.length > 0) {
    return `json: cannot unmarshal ${value} into Go struct field ${d.struct}.${d.fieldStack.join('.')} of type ${go}`;
  }
  return `json: cannot unmarshal ${value} into Go value of type ${go}`;
}

function saveStrictError(d: Decoder, message: string): void {
  if (d.strict.length >= MAX_STRICT_ERRORS || d.seenStrict.has(message)) return;
  d.seenStrict.add(message);
  d.strict.push(problem(d, message));
}

const problem = (d: Decoder, message: string): DecodeProblem => ({ path: [...d.path], message });

const joinStrict = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'object' ? 'object' : typeof value;
}
