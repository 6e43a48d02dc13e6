/**
 * deepFreeze makes a stored object immutable, so a component that edits a cached object instead of a copy fails
 * loudly (client-go: "NEVER modify objects from the store").
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value as object)) deepFreeze(child);
  return value;
}
