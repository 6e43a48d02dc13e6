/**
 * Mirrors k8s.io/apimachinery/pkg/util/validation/field/errors.go: one validation failure, with the field path
 * and the wording the API server uses ("spec.replicas: Invalid value: -1: must be greater than or equal to 0").
 */
export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueTypeInvalid';

/** MapKey is a map key in a path (field.Path.Key), rendered `[cpu]`: `resources.requests[cpu]`. */
export interface MapKey {
  readonly key: string;
}

/** PathSegment is a field name, a list index, or a map key. */
export type PathSegment = string | number | MapKey;

/** segmentName is the name a segment has in the document: the field, the index, or the map key. */
export function segmentName(seg: PathSegment): string | number {
  return typeof seg === 'object' ? seg.key : seg;
}

export interface FieldError {
  type: FieldErrorType;
  /** path as segments, e.g. ['spec', 'template', 'spec', 'containers', 0, 'image']. */
  path: PathSegment[];
  badValue?: unknown;
  detail?: string;
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueTypeInvalid: 'Invalid value',
};

/** pathString renders segments as apimachinery's field.Path does: `spec.containers[0].image`. */
export function pathString(path: PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'object') out += `[${seg.key}]`;
    else if (out === '') out = seg;
    else out += `.${seg}`;
  }
  return out;
}

/** formatValue prints a bad value the way field.Error does (%#v-like: strings quoted, numbers bare). */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return 'null';
  // A []string prints as Go's %#v does: []string{"a", "b"}.
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return `[]string{${value.map((v) => JSON.stringify(v)).join(', ')}}`;
  }
  // A value that knows its Go rendering (fmt.Stringer, e.g. map[string]string{"app":"x"}) prints as that.
  if (typeof value === 'object' && (value as object).toString !== Object.prototype.toString) return String(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** errorBody is field.Error.ErrorBody(): the message without the field path. */
export function errorBody(err: FieldError): string {
  const text = TYPE_TEXT[err.type];
  let body: string;
  switch (err.type) {
    case 'FieldValueRequired':
    case 'FieldValueForbidden':
    case 'FieldValueTooLong':
    case 'FieldValueTooMany':
      body = text;
      break;
    default:
      body = `${text}: ${formatValue(err.badValue)}`;
  }
  return err.detail ? `${body}: ${err.detail}` : body;
}

/** fieldErrorString is field.Error.Error(): `<path>: <body>`. */
export function fieldErrorString(err: FieldError): string {
  return `${pathString(err.path)}: ${errorBody(err)}`;
}

const make =
  (type: FieldErrorType) =>
  (path: PathSegment[], badValue: unknown, detail?: string): FieldError => ({ type, path, badValue, detail });

/** Constructors named as in field/errors.go. */
export const fieldErrors = {
  invalid: make('FieldValueInvalid'),
  notSupported: (path: PathSegment[], badValue: unknown, supported: string[]): FieldError => ({
    type: 'FieldValueNotSupported',
    path,
    badValue,
    detail: `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
  }),
  duplicate: make('FieldValueDuplicate'),
  required: (path: PathSegment[], detail?: string): FieldError => ({ type: 'FieldValueRequired', path, detail }),
  forbidden: (path: PathSegment[], detail: string): FieldError => ({ type: 'FieldValueForbidden', path, detail }),
  tooLong: (path: PathSegment[], badValue: unknown, max: number): FieldError => ({
    type: 'FieldValueTooLong',
    path,
    badValue,
    detail: `may not be more than ${max} bytes`,
  }),
};
