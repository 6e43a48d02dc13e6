// Mirrors k8s.io/kubectl/pkg/describe/describe.go genericDescriber.Describe, printUnstructuredContent and
// smartLabelFor (with github.com/fatih/camelcase Split): what kubectl prints for kinds without their own describer.
import type { KubeObject } from '../../api/object';
import type { DescriberSettings } from './describer';
import { describeEvents, refOf, searchEvents } from './eventsTable';
import { byteOrder, printAnnotationsMultiline, printLabelsMultiline } from './multiline';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefixWriter';

/** Fields the header already shows, or that only machines read. */
const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

export function describeGeneric(obj: KubeObject, settings: DescriberSettings): string {
  const events = settings.showEvents ? searchEvents(settings.client, refOf(obj)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    printUnstructuredContent(w, LEVEL_0, obj as Record<string, unknown>, '');
    if (events) describeEvents(events, w, settings.now);
  });
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** printUnstructuredContent prints every field, sorted, maps and lists as indented sections. */
function printUnstructuredContent(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string): void {
  for (const field of Object.keys(content).sort(byteOrder)) {
    const value = content[field];
    if (value === undefined) continue;
    const skipExpr = `${skipPrefix}.${field}`;
    if (SKIP.has(skipExpr)) continue;
    if (isMap(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value, skipExpr);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (isMap(child)) printUnstructuredContent(w, level + 1, child, skipExpr);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

/** goValue is Go's %v of a decoded JSON value: `<nil>`, `[a b]`, `map[k:v]`. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (isMap(v)) {
    return `map[${Object.keys(v)
      .sort(byteOrder)
      .map((k) => `${k}:${goValue(v[k])}`)
      .join(' ')}]`;
  }
  return String(v);
}

const COMMON_ACRONYMS = new Set(['API', 'URL', 'UID', 'GUID']);

/** smartLabelFor turns a field name into a label: `apiVersion` → `API Version`, `holderIdentity` → `Holder Identity`. */
export function smartLabelFor(field: string): string {
  // Fields with anything but letters and dashes (label keys, digits) are printed as they are.
  if (/[^\p{L}-]/u.test(field)) return field;
  const parts = camelcaseSplit(field);
  const merged: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    // An acronym run followed by a capitalised word stays one part (`URLPath`).
    if (next !== undefined && part.length >= 2 && isAllUpperLetters(part) && isUpper(next[0])) {
      merged.push(part + next);
      i++;
      continue;
    }
    merged.push(part);
  }
  return merged
    .filter((part) => part !== '_')
    .map((part) => {
      if (COMMON_ACRONYMS.has(part.toUpperCase())) return part.toUpperCase();
      return part.toLowerCase() === part ? part.charAt(0).toUpperCase() + part.slice(1) : part;
    })
    .join(' ');
}

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();
const isAllUpperLetters = (s: string) => [...s].every((c) => !/\p{L}/u.test(c) || isUpper(c));

function charClass(c: string): number {
  if (isLower(c)) return 1;
  if (isUpper(c)) return 2;
  if (/\p{Nd}/u.test(c)) return 3;
  return 4;
}

/** camelcaseSplit is camelcase.Split: runs of one character class, `PDFLoader` → `PDF`, `Loader`. */
function camelcaseSplit(src: string): string[] {
  const runs: string[][] = [];
  let lastClass = 0;
  for (const c of src) {
    const cls = charClass(c);
    if (cls === lastClass) runs[runs.length - 1].push(c);
    else runs.push([c]);
    lastClass = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (isUpper(runs[i][0]) && isLower(runs[i + 1][0])) {
      runs[i + 1].unshift(runs[i].pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}
