// Mirrors apimachinery pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector and pkg/labels Requirement.Matches,
// limited to what the scheduler needs (no string grammar).
import type { LabelSelector } from 'kubernetes-types/meta/v1';

/** Labels is a label set as stored in metadata.labels. */
export type Labels = Readonly<Record<string, string>> | undefined;

/** Selector matches label sets, as labels.Selector. */
export interface Selector {
  matches(labels: Labels): boolean;
  /** empty is true for the selector that matches everything. */
  empty(): boolean;
}

type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

interface Requirement {
  key: string;
  operator: Operator;
  values: ReadonlySet<string>;
}

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
  }
}

class RequirementsSelector implements Selector {
  constructor(private readonly requirements: Requirement[]) {}
  matches(labels: Labels): boolean {
    for (const r of this.requirements) if (!requirementMatches(r, labels)) return false;
    return true;
  }
  empty(): boolean {
    return this.requirements.length === 0;
  }
}

const nothing: Selector = { matches: () => false, empty: () => false };
const everything: Selector = new RequirementsSelector([]);

/** everythingSelector matches all label sets (labels.Everything). */
export function everythingSelector(): Selector {
  return everything;
}

/** nothingSelector matches no label set (labels.Nothing). */
export function nothingSelector(): Selector {
  return nothing;
}

/**
 * labelSelectorAsSelector converts a metav1.LabelSelector: undefined/null selects nothing, `{}` selects everything.
 * matchLabels become `key In (value)`. An unknown operator throws, as upstream returns an error.
 */
export function labelSelectorAsSelector(ls: LabelSelector | null | undefined): Selector {
  if (!ls) return nothing;
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(ls.matchLabels ?? {})) {
    reqs.push({ key, operator: 'In', values: new Set([value]) });
  }
  for (const expr of ls.matchExpressions ?? []) {
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        reqs.push({ key: expr.key, operator: expr.operator, values: new Set(expr.values ?? []) });
        break;
      case 'Exists':
      case 'DoesNotExist':
        reqs.push({ key: expr.key, operator: expr.operator, values: new Set() });
        break;
      default:
        throw new Error(`"${expr.operator}" is not a valid label selector operator`);
    }
  }
  if (reqs.length === 0) return everything;
  // Upstream sorts requirements by key; matching is an AND, so order only matters for printing.
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new RequirementsSelector(reqs);
}
