// Mirrors k8s.io/apimachinery/pkg/fields/selector.go (ParseSelector, escaping, hasTerm/notHasTerm/andTerm),
// the field label conversion funcs of pkg/apis/core/v1/conversion.go and runtime.DefaultMetaV1FieldSelectorConversion,
// and the ToSelectableFields of pkg/registry/core/{pod,node,event}/strategy.go; leaves out Transform chaining
// beyond the label conversion and DeepCopy.
import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

/** Fields is fields.Set: selectable field paths and their string values. A missing field reads as "". */
export type Fields = Readonly<Record<string, string>>;

/** FieldRequirement is one term; `==` is folded into `=` (selection.Equals) as upstream does. */
export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

/** FieldSelector is fields.Selector. */
export interface FieldSelector {
  matches(fields: Fields): boolean;
  /** empty is true when the selector matches everything. */
  empty(): boolean;
  toString(): string;
  readonly requirements: readonly FieldRequirement[];
  /** requiresExactMatch is the value the selector pins `field` to with `=`, if any (used to narrow lists). */
  requiresExactMatch(field: string): string | undefined;
}

/** escapeValue is EscapeValue: backslash-escapes `\`, `,` and `=`. */
export function escapeValue(s: string): string {
  return s.replace(/[\\,=]/g, (ch) => `\\${ch}`);
}

/** unescapeValue is UnescapeValue; unescaped `,`/`=` and unknown escapes are errors worded as upstream. */
export function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const ch of s) {
    if (inSlash) {
      if (ch !== '\\' && ch !== ',' && ch !== '=') {
        throw new Error(`invalid field selector: invalid escape sequence: \\${ch}`);
      }
      out += ch;
      inSlash = false;
    } else if (ch === '\\') {
      inSlash = true;
    } else if (ch === ',' || ch === '=') {
      // Go prints the rune with %v, i.e. as its code point number.
      throw new Error(`invalid field selector: unescaped character in value: ${ch.codePointAt(0)}`);
    } else {
      out += ch;
    }
  }
  if (inSlash) throw new Error('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** splitTerms splits on commas that are not backslash-escaped; the escapes stay in the terms. */
function splitTerms(selector: string): string[] {
  if (selector.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

/** splitTerm splits at the first operator; `!=` and `==` are tried before `=` at each position. */
function splitTerm(term: string): { lhs: string; op: '!=' | '==' | '='; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '='] as const) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

class AndSelector implements FieldSelector {
  constructor(readonly requirements: readonly FieldRequirement[]) {}

  matches(fields: Fields): boolean {
    for (const r of this.requirements) {
      const v = Object.hasOwn(fields, r.field) ? fields[r.field] : '';
      if ((v === r.value) !== (r.operator === '=')) return false;
    }
    return true;
  }

  empty(): boolean {
    return this.requirements.length === 0;
  }

  toString(): string {
    return this.requirements.map((r) => `${r.field}${r.operator}${escapeValue(r.value)}`).join(',');
  }

  requiresExactMatch(field: string): string | undefined {
    return this.requirements.find((r) => r.field === field && r.operator === '=')?.value;
  }
}

/** everythingFields is fields.Everything(). */
export const everythingFields: FieldSelector = new AndSelector([]);

/** fieldSelectorFromSet is SelectorFromSet: `field=value` for each entry. */
export function fieldSelectorFromSet(set: Fields): FieldSelector {
  return new AndSelector(Object.entries(set).map(([field, value]) => ({ field, operator: '=', value })));
}

/**
 * parseFieldSelector is fields.ParseSelector: comma-separated `field=value`, `field==value`, `field!=value`,
 * terms sorted as text. Throws `invalid selector: '<s>'; can't understand '<term>'` like upstream.
 */
export function parseFieldSelector(text: string): FieldSelector {
  const parts = splitTerms(text).sort();
  const requirements: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const term = splitTerm(part);
    if (!term) throw new Error(`invalid selector: '${text}'; can't understand '${part}'`);
    requirements.push({ field: term.lhs, operator: term.op === '!=' ? '!=' : '=', value: unescapeValue(term.rhs) });
  }
  return new AndSelector(requirements);
}

const POD_FIELD_LABELS = new Set([
  'metadata.name',
  'metadata.namespace',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.schedulerName',
  'spec.serviceAccountName',
  'spec.hostNetwork',
  'status.phase',
  'status.podIP',
  'status.nominatedNodeName',
]);
const NODE_FIELD_LABELS = new Set(['metadata.name', 'spec.unschedulable']);
const EVENT_FIELD_LABELS = new Set([
  'involvedObject.kind',
  'involvedObject.namespace',
  'involvedObject.name',
  'involvedObject.uid',
  'involvedObject.apiVersion',
  'involvedObject.resourceVersion',
  'involvedObject.fieldPath',
  'reason',
  'reportingComponent',
  'source',
  'type',
  'metadata.namespace',
  'metadata.name',
]);

/**
 * convertFieldLabel is the kind's field label conversion func: it returns the (possibly renamed) label or throws.
 * Pods, Nodes and Events have their own lists ("field label not supported: x"); every other kind accepts only
 * metadata.name and metadata.namespace (`"x" is not a known field selector: only "metadata.name", "metadata.namespace"`).
 */
export function convertFieldLabel(kind: string, label: string): string {
  const supported = kind === 'Pod' ? POD_FIELD_LABELS : kind === 'Node' ? NODE_FIELD_LABELS : kind === 'Event' ? EVENT_FIELD_LABELS : undefined;
  if (supported) {
    // Old v1 clients send spec.host for a pod's node.
    if (kind === 'Pod' && label === 'spec.host') return 'spec.nodeName';
    if (supported.has(label)) return label;
    throw new Error(`field label not supported: ${label}`);
  }
  if (label === 'metadata.name' || label === 'metadata.namespace') return label;
  throw new Error(`${JSON.stringify(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`);
}

/** parseFieldSelectorForKind is ParseAndTransformSelector with the kind's field label conversion, as a list call does. */
export function parseFieldSelectorForKind(text: string, kind: string): FieldSelector {
  const parsed = parseFieldSelector(text);
  return new AndSelector(parsed.requirements.map((r) => ({ ...r, field: convertFieldLabel(kind, r.field) })));
}

/** objectMetaFieldSet is generic.ObjectMetaFieldsSet: metadata.name, and metadata.namespace for namespaced kinds. */
export function objectMetaFieldSet(obj: { metadata?: ObjectMeta }, namespaced = true): Fields {
  const name = obj.metadata?.name ?? '';
  return namespaced ? { 'metadata.name': name, 'metadata.namespace': obj.metadata?.namespace ?? '' } : { 'metadata.name': name };
}

/** podFieldSet is pod.ToSelectableFields: the fields `kubectl get pods --field-selector` can use. */
export function podFieldSet(pod: Pod): Fields {
  return {
    ...objectMetaFieldSet(pod),
    'spec.nodeName': pod.spec?.nodeName ?? '',
    'spec.restartPolicy': pod.spec?.restartPolicy ?? '',
    'spec.schedulerName': pod.spec?.schedulerName ?? '',
    'spec.serviceAccountName': pod.spec?.serviceAccountName ?? '',
    'spec.hostNetwork': String(pod.spec?.hostNetwork ?? false),
    'status.phase': pod.status?.phase ?? '',
    // The first of status.podIPs, as upstream reads it.
    'status.podIP': pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP ?? '',
    'status.nominatedNodeName': pod.status?.nominatedNodeName ?? '',
  };
}

/** nodeFieldSet is node.ToSelectableFields (Nodes are cluster-scoped: no metadata.namespace). */
export function nodeFieldSet(node: Node): Fields {
  return { ...objectMetaFieldSet(node, false), 'spec.unschedulable': String(node.spec?.unschedulable ?? false) };
}

/** eventFieldSet is event.ToSelectableFields: involvedObject.*, reason, source, type. */
export function eventFieldSet(event: Event): Fields {
  const io = event.involvedObject;
  return {
    ...objectMetaFieldSet(event),
    'involvedObject.kind': io.kind ?? '',
    'involvedObject.namespace': io.namespace ?? '',
    'involvedObject.name': io.name ?? '',
    'involvedObject.uid': io.uid ?? '',
    'involvedObject.apiVersion': io.apiVersion ?? '',
    'involvedObject.resourceVersion': io.resourceVersion ?? '',
    'involvedObject.fieldPath': io.fieldPath ?? '',
    reason: event.reason ?? '',
    reportingComponent: event.reportingComponent ?? '',
    source: event.source?.component || event.reportingComponent || '',
    type: event.type ?? '',
  };
}

/** fieldSetFor picks the kind's selectable fields; `namespaced` only matters for kinds without their own set. */
export function fieldSetFor(obj: { kind?: string; metadata?: ObjectMeta }, namespaced = true): Fields {
  switch (obj.kind) {
    case 'Pod':
      return podFieldSet(obj as Pod);
    case 'Node':
      return nodeFieldSet(obj as Node);
    case 'Event':
      return eventFieldSet(obj as Event);
    default:
      return objectMetaFieldSet(obj, namespaced);
  }
}
