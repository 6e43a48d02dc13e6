// Mirrors k8s.io/kubectl/pkg/cmd/util/helpers.go GetResourcesAndPairs and ParsePairs: the `TYPE NAME KEY=VALUE KEY-`
// arguments of label, annotate and set image, and the `KEY=VALUE` lists of run --annotations.
import { KubectlError } from '../verb';

/** ResourcesAndPairs splits arguments into resource arguments and the KEY=VALUE / KEY- changes after them. */
export interface ResourcesAndPairs {
  resources: string[];
  pairs: string[];
}

/**
 * getResourcesAndPairs takes every argument up to the first `KEY=VALUE` or `KEY-` as a resource; all after it must
 * be changes (`all resources must be specified before label changes: web`).
 */
export function getResourcesAndPairs(args: readonly string[], pairType: string): ResourcesAndPairs {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) pairs.push(s);
    else if (pairs.length > 0) throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

/** ParsedPairs are the keys to set, in the order given, and the keys to remove. */
export interface ParsedPairs {
  set: Map<string, string>;
  remove: string[];
}

/**
 * parsePairs reads `KEY=VALUE` (split at the first `=`) and, when supportRemove, `KEY-`; anything else is
 * `invalid <pairType> format: a, b`.
 */
export function parsePairs(pairArgs: readonly string[], pairType: string, supportRemove: boolean): ParsedPairs {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const arg of pairArgs) {
    if (arg.includes('=') && arg[0] !== '=') {
      const eq = arg.indexOf('=');
      set.set(arg.slice(0, eq), arg.slice(eq + 1));
    } else if (supportRemove && arg.endsWith('-') && arg !== '-') {
      remove.push(arg.slice(0, -1));
    } else {
      invalid.push(arg);
    }
  }
  if (invalid.length > 0) throw new KubectlError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return { set, remove };
}
