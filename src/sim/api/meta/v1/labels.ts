// Mirrors k8s.io/apimachinery/pkg/labels/labels.go Equals; a missing map counts as empty.

/** Labels is a label set as objects carry it. */
export type Labels = Readonly<Record<string, string>> | undefined;

/** labelsEqual is labels.Equals: the same keys with the same values. */
export function labelsEqual(a: Labels, b: Labels): boolean {
  if (a === b) return true;
  const [ka, kb] = [Object.keys(a ?? {}), Object.keys(b ?? {})];
  return ka.length === kb.length && ka.every((k) => a?.[k] === b?.[k]);
}
