import type { KubeObject } from '../api/object';
import { parseSelector, type Selector } from '../api/meta/v1/labelSelector';
import { fieldSetFor, parseFieldSelectorForKind, type FieldSelector } from '../api/meta/v1/fieldSelector';
import type { ListOptions } from './types';

const labelSelectors = new Map<string, Selector>();
const fieldSelectors = new Map<string, FieldSelector>();

/**
 * filterList applies a list call's namespace, label selector and field selector, keeping the store's order. A
 * selector the API server would reject throws its error, as a list request would fail.
 */
export function filterList(kind: string, sorted: readonly KubeObject[], opts: ListOptions | undefined): KubeObject[] {
  if (!opts || (!opts.namespace && !opts.labelSelector && !opts.fieldSelector)) return sorted.slice();
  const labels = opts.labelSelector ? cached(labelSelectors, opts.labelSelector, parseSelector) : undefined;
  const fields = opts.fieldSelector
    ? cached(fieldSelectors, `${kind}\u0000${opts.fieldSelector}`, () => parseFieldSelectorForKind(opts.fieldSelector!, kind))
    : undefined;
  return sorted.filter(
    (obj) =>
      (!opts.namespace || obj.metadata.namespace === opts.namespace) &&
      (!labels || labels.matches(obj.metadata.labels)) &&
      (!fields || fields.matches(fieldSetFor(obj))),
  );
}

function cached<T>(cache: Map<string, T>, key: string, parse: (text: string) => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = parse(key);
    cache.set(key, value);
  }
  return value;
}
