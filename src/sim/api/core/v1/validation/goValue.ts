// Mirrors the %#v branch of k8s.io/apimachinery/pkg/util/validation/field/errors.go ErrorBody: a bad value that
// is neither a string, a number nor a fmt.Stringer is printed in Go syntax. Leaves out every Go type Kubeplay
// never reports (only string maps, IntOrString, string slices and LabelSelector are printed this way).
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';

/**
 * GoValue is a bad value that prints the way the API server prints it: toString() gives Go's %#v text
 * (`map[string]string{"app":"web"}`), toJSON() gives the value itself for anyone reading errors as data.
 */
export class GoValue {
  constructor(
    readonly value: unknown,
    private readonly goSyntax: string,
  ) {}

  toString(): string {
    return this.goSyntax;
  }

  toJSON(): unknown {
    return this.value;
  }
}

/** goQuote is strconv.Quote for the printable strings manifests carry. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** goStringMapSyntax prints a map[string]string: keys sorted (fmt sorts map keys), nil as `map[string]string(nil)`. */
export function goStringMapSyntax(m: Readonly<Record<string, string>> | undefined | null): string {
  if (m === undefined || m === null) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`).join(', ')}}`;
}

/** goStringSliceSyntax prints a []string, nil as `[]string(nil)`. */
export function goStringSliceSyntax(list: readonly string[] | undefined | null): string {
  if (list === undefined || list === null) return '[]string(nil)';
  return `[]string{${list.map(goQuote).join(', ')}}`;
}

/** goStringMap is a map[string]string bad value, e.g. a template's labels. */
export function goStringMap(m: Readonly<Record<string, string>> | undefined): GoValue {
  return new GoValue(m ?? null, goStringMapSyntax(m));
}

/** goStringSlice is a []string bad value, e.g. spec.clusterIPs. */
export function goStringSlice(list: readonly string[] | undefined): GoValue {
  return new GoValue(list ?? null, goStringSliceSyntax(list));
}

/**
 * goIntOrString is an intstr.IntOrString passed by value; its String() has a pointer receiver, so Go prints the
 * struct: `intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}` (Type 0 is Int, 1 is String).
 */
export function goIntOrString(v: number | string | undefined): GoValue {
  const syntax =
    typeof v === 'string'
      ? `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`
      : `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`;
  return new GoValue(v ?? 0, syntax);
}

function requirementSyntax(r: LabelSelectorRequirement): string {
  return `v1.LabelSelectorRequirement{Key:${goQuote(r.key)}, Operator:${goQuote(r.operator)}, Values:${goStringSliceSyntax(r.values)}}`;
}

/**
 * goLabelSelector is a *metav1.LabelSelector bad value; ErrorBody dereferences the pointer, so it prints as
 * `v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`.
 */
export function goLabelSelector(ls: LabelSelector | undefined): GoValue {
  if (!ls) return new GoValue(null, 'null');
  const exprs = ls.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${ls.matchExpressions.map(requirementSyntax).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return new GoValue(ls, `v1.LabelSelector{MatchLabels:${goStringMapSyntax(ls.matchLabels)}, MatchExpressions:${exprs}}`);
}
