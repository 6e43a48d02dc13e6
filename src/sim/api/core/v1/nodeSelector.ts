// Mirrors k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go (and MatchNodeSelectorTerms of
// scheduling/corev1/helpers.go); parse errors only make a term match nothing (upstream keeps their text, which
// only the API server's validation shows, and the API server already rejects such terms).
import type { Node, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, Pod, PreferredSchedulingTerm } from 'kubernetes-types/core/v1';

type Labels = Readonly<Record<string, string>> | undefined;

/** A parsed requirement; `invalid` ones (bad operator or values) make their term fail to parse. */
interface Requirement {
  key: string;
  operator: string;
  values: ReadonlySet<string>;
  /** For Gt/Lt: the single integer value. */
  bound: bigint;
}

const int64Pattern = /^[+-]?\d+$/;

function parseInt64(s: string): bigint | undefined {
  if (!int64Pattern.test(s)) return undefined;
  const v = BigInt(s);
  return v < -(2n ** 63n) || v > 2n ** 63n - 1n ? undefined : v;
}

const qualifiedNamePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const labelValuePattern = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** isQualifiedName mirrors validation.IsQualifiedName: `[prefix/]name`, name <= 63 chars, prefix a DNS subdomain. */
function isQualifiedName(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  if (name.length === 0 || name.length > 63 || !qualifiedNamePart.test(name)) return false;
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0 || prefix.length > 253 || !dns1123Subdomain.test(prefix)) return false;
  }
  return true;
}

/** isValidLabelValue mirrors validation.IsValidLabelValue: <= 63 chars of [A-Za-z0-9-_.], alphanumeric at both ends. */
function isValidLabelValue(value: string): boolean {
  return value.length <= 63 && labelValuePattern.test(value);
}

/**
 * newRequirement mirrors labels.NewRequirement's checks: a qualified key; In/NotIn need valid values,
 * Exists/DoesNotExist none, Gt/Lt one integer.
 */
function newRequirement(expr: NodeSelectorRequirement): Requirement | undefined {
  const values = expr.values ?? [];
  if (!isQualifiedName(expr.key)) return undefined;
  switch (expr.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0 || !values.every(isValidLabelValue)) return undefined;
      return { key: expr.key, operator: expr.operator, values: new Set(values), bound: 0n };
    case 'Exists':
    case 'DoesNotExist':
      if (values.length !== 0) return undefined;
      return { key: expr.key, operator: expr.operator, values: new Set(), bound: 0n };
    case 'Gt':
    case 'Lt': {
      const bound = values.length === 1 ? parseInt64(values[0]) : undefined;
      if (bound === undefined) return undefined;
      return { key: expr.key, operator: expr.operator, values: new Set(), bound };
    }
    default:
      return undefined;
  }
}

/** requirementMatches mirrors labels.Requirement.Matches. */
function requirementMatches(r: Requirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.operator) {
    case 'In':
      return has && r.values.has(labels![r.key]);
    case 'NotIn':
      return !has || !r.values.has(labels![r.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default: {
      // Gt, Lt: the label must exist and parse as an integer.
      if (!has) return false;
      const v = parseInt64(labels![r.key]);
      if (v === undefined) return false;
      return r.operator === 'Gt' ? v > r.bound : v < r.bound;
    }
  }
}

/** A field requirement on metadata.name: In or NotIn with exactly one value. */
interface FieldRequirement {
  key: string;
  equal: boolean;
  value: string;
}

/** nodeSelectorTerm is a parsed v1.NodeSelectorTerm; matchExpressions and matchFields are ANDed. */
class ParsedTerm {
  matchLabels: Requirement[] | undefined;
  matchFields: FieldRequirement[] | undefined;
  parseError = false;

  constructor(term: NodeSelectorTerm) {
    if ((term.matchExpressions ?? []).length > 0) {
      this.matchLabels = [];
      for (const expr of term.matchExpressions!) {
        const r = newRequirement(expr);
        if (r) this.matchLabels.push(r);
        else this.parseError = true;
      }
    }
    if ((term.matchFields ?? []).length > 0) {
      this.matchFields = [];
      for (const expr of term.matchFields!) {
        const values = expr.values ?? [];
        if ((expr.operator === 'In' || expr.operator === 'NotIn') && values.length === 1) {
          this.matchFields.push({ key: expr.key, equal: expr.operator === 'In', value: values[0] });
        } else {
          this.parseError = true;
        }
      }
    }
  }

  match(node: Node): boolean {
    if (this.parseError) return false;
    const labels = node.metadata?.labels;
    if (this.matchLabels) {
      for (const r of this.matchLabels) if (!requirementMatches(r, labels)) return false;
    }
    // Node fields hold only metadata.name, and only when the node has a name.
    const name = node.metadata?.name ?? '';
    if (this.matchFields && name !== '') {
      for (const f of this.matchFields) {
        const actual = f.key === 'metadata.name' ? name : '';
        if (f.equal ? actual !== f.value : actual === f.value) return false;
      }
    }
    return true;
  }
}

function isEmptyNodeSelectorTerm(term: NodeSelectorTerm): boolean {
  return (term.matchExpressions ?? []).length === 0 && (term.matchFields ?? []).length === 0;
}

/**
 * LazyErrorNodeSelector is a runtime representation of v1.NodeSelector: the terms are ORed; a nil or empty
 * term selects no objects.
 */
export class LazyErrorNodeSelector {
  private readonly terms: ParsedTerm[] = [];

  constructor(ns: NodeSelector) {
    for (const term of ns.nodeSelectorTerms ?? []) {
      if (isEmptyNodeSelectorTerm(term)) continue;
      this.terms.push(new ParsedTerm(term));
    }
  }

  /** match checks whether the node labels and fields match the selector terms, ORed. */
  match(node: Node | undefined): boolean {
    if (!node) return false;
    for (const t of this.terms) if (t.match(node)) return true;
    return false;
  }
}

/** PreferredSchedulingTerms is a runtime representation of []v1.PreferredSchedulingTerm. */
export class PreferredSchedulingTerms {
  private readonly terms: { term: ParsedTerm; weight: number }[] = [];

  /** Terms with weight 0 or an empty preference are skipped, as upstream. */
  constructor(terms: readonly PreferredSchedulingTerm[]) {
    for (const t of terms) {
      if (t.weight === 0 || isEmptyNodeSelectorTerm(t.preference)) continue;
      const parsed = new ParsedTerm(t.preference);
      if (!parsed.parseError) this.terms.push({ term: parsed, weight: t.weight });
    }
  }

  /** score returns the sum of the weights of the terms that match the node. */
  score(node: Node): number {
    let score = 0;
    for (const t of this.terms) if (t.term.match(node)) score += t.weight;
    return score;
  }
}

/** matchNodeSelectorTerms checks whether the node matches the given node selector (terms ORed). */
export function matchNodeSelectorTerms(node: Node, nodeSelector: NodeSelector): boolean {
  return new LazyErrorNodeSelector(nodeSelector).match(node);
}

/** RequiredNodeAffinity is the parsed form of a pod's spec.nodeSelector and required node affinity. */
export class RequiredNodeAffinity {
  private readonly labelSelector: [string, string][] | undefined;
  private readonly nodeSelector: LazyErrorNodeSelector | undefined;

  constructor(pod: Pod) {
    const ns = pod.spec?.nodeSelector;
    this.labelSelector = ns && Object.keys(ns).length > 0 ? Object.entries(ns) : undefined;
    const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    this.nodeSelector = required ? new LazyErrorNodeSelector(required) : undefined;
  }

  /** match checks whether the pod is schedulable onto the node according to both nodeSelector and nodeAffinity. */
  match(node: Node): boolean {
    if (this.labelSelector) {
      const labels = node.metadata?.labels;
      for (const [k, v] of this.labelSelector) {
        if (!labels || !Object.prototype.hasOwnProperty.call(labels, k) || labels[k] !== v) return false;
      }
    }
    if (this.nodeSelector) return this.nodeSelector.match(node);
    return true;
  }
}

/** getRequiredNodeAffinity returns the parsing result of pod's nodeSelector and nodeAffinity. */
export function getRequiredNodeAffinity(pod: Pod): RequiredNodeAffinity {
  return new RequiredNodeAffinity(pod);
}
