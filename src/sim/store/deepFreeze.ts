/**
 * deepFreeze makes a stored object immutable, so a component that edits a cached object instead of a copy fails
 * loudly (client-go: "NEVER modify objects from the store"). Every write freezes what it stores, so the walk avoids
 * allocating (no Object.values) and skips subtrees already frozen (parts shared with the previous version).
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) freezeTree(value);
  return value;
}

function freezeTree(obj: object): void {
  Object.freeze(obj);
  if (Array.isArray(obj)) {
    for (let i = 0; i < obj.length; i++) freezeChild(obj[i]);
  } else {
    const record = obj as Record<string, unknown>;
    for (const key in record) freezeChild(record[key]);
  }
}

function freezeChild(child: unknown): void {
  if (typeof child === 'object' && child !== null && !Object.isFrozen(child)) freezeTree(child);
}
