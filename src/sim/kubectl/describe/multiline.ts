// Mirrors k8s.io/kubectl/pkg/describe/describe.go printLabelsMultilineWithIndent, printAnnotationsMultiline (with
// skipAnnotations and maxAnnotationLen), printTaintsMultilineWithIndent, printTolerationsMultilineWithIndent,
// printController, stringOrNone, printBool/printBoolPtr, findNodeRoles, and labels.FormatLabels.
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { taintToString } from '../../api/core/v1/taint';
import { LEVEL_0, type PrefixWriter } from './prefixWriter';

/** Annotations describe never shows: the last applied configuration would drown everything else. */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
/** Longer annotations (value, key and ": ") are printed on their own lines, each cut at this length. */
const MAX_ANNOTATION_LEN = 140;

type StringMap = Readonly<Record<string, string>> | null | undefined;

/** byteOrder compares strings as Go's sort.Strings does. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** printLabelsMultiline prints `Title:\tk=v`, one label a line, sorted by key; `<none>` when empty. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: StringMap): void {
  printLabelsMultilineWithIndent(w, '', title, '\t', labels);
}

export function printLabelsMultilineWithIndent(w: PrefixWriter, initialIndent: string, title: string, innerIndent: string, labels: StringMap): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort(byteOrder);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

/** printAnnotationsMultiline prints `Title:\tk: v`, long or multi-line values below their key, cut at 138 chars. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: StringMap): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort(byteOrder);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key].replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

function shorten(s: string, maxLength: number): string {
  return s.length > maxLength ? `${s.slice(0, maxLength)}...` : s;
}

/** printNodeTaintsMultiline prints taints sorted by effect then key, as `key=value:Effect`. */
export function printNodeTaintsMultiline(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const key = (t: Taint) => `${t.effect},${t.key}`;
  const sorted = [...taints].sort((a, b) => byteOrder(key(a), key(b)));
  sorted.forEach((taint, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintToString(taint)}\n`);
  });
}

/** printTolerationsMultiline prints tolerations sorted by key: `key=value:Effect op=Exists for 300s`. */
export function printTolerationsMultiline(w: PrefixWriter, initialIndent: string, title: string, tolerations: readonly Toleration[] | undefined): void {
  const innerIndent = '\t';
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...tolerations].sort((a, b) => byteOrder(a.key ?? '', b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    // `operator: Exists` with no key and no effect tolerates everything.
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${text}\n`);
  });
}

/** formatLabels is labels.FormatLabels: `k=v,k2=v2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: StringMap): string {
  const keys = Object.keys(labels ?? {}).sort(byteOrder);
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** printController is `Kind/name` of the object's controller, '' when it has none. */
export function printController(metadata: ObjectMeta): string {
  const ref = metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

export function stringOrNone(s: string | undefined): string {
  return s ? s : '<none>';
}

export function printBool(value: boolean | undefined): string {
  return value ? 'True' : 'False';
}

export function printBoolPtr(value: boolean | undefined | null): string {
  return value === undefined || value === null ? '<unset>' : printBool(value);
}

const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_LABEL_ROLE = 'kubernetes.io/role';

/** findNodeRoles lists a node's roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels. */
export function findNodeRoles(labels: StringMap): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_LABEL_ROLE && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort(byteOrder);
}
