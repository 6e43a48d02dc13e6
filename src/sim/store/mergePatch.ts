import { deepCopy } from './deepCopy';

/**
 * applyMergePatch implements JSON Merge Patch (RFC 7386), the `application/merge-patch+json` patch type of the
 * Kubernetes API: objects merge recursively, `null` removes a field, anything else (lists included) replaces.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return deepCopy(patch);
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}

/** createMergePatch is the inverse: the merge patch that turns `from` into `to` (as kubectl computes for apply). */
export function createMergePatch(from: unknown, to: unknown): unknown {
  if (!isPlainObject(from) || !isPlainObject(to)) return deepCopy(to);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(from)) {
    if (!(key in to)) patch[key] = null;
  }
  for (const [key, value] of Object.entries(to)) {
    if (!(key in from)) {
      patch[key] = deepCopy(value);
    } else if (!deepEqual(from[key], value)) {
      patch[key] = isPlainObject(from[key]) && isPlainObject(value) ? createMergePatch(from[key], value) : deepCopy(value);
    }
  }
  return patch;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * deepEqual compares JSON values structurally (key order ignored, undefined fields absent). Every update of a stored
 * object is compared with the stored version, so it walks without allocating.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let defined = 0;
  for (const k in ao) {
    const v = ao[k];
    if (v === undefined) continue;
    if (!deepEqual(v, bo[k])) return false;
    defined++;
  }
  for (const k in bo) if (bo[k] !== undefined) defined--;
  return defined === 0;
}
