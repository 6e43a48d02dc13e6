import type { ObjectMeta } from 'kubernetes-types/meta/v1';

/** KubeObject is any API object as stored: apiVersion, kind, metadata, and kind-specific fields. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: unknown;
  status?: unknown;
  [field: string]: unknown;
}

/** ObjectRef names one object; namespace is '' for cluster-scoped kinds. */
export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
}

/** objectKey is the store key of an object: `Kind/namespace/name` (namespace empty when cluster-scoped). */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

/** keyOf is objectKey for an object. */
export function keyOf(obj: KubeObject): string {
  return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name ?? '');
}

/** namespacedName is `namespace/name` as Kubernetes prints it (just `name` for cluster-scoped objects). */
export function namespacedName(obj: { metadata: ObjectMeta }): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : (obj.metadata.name ?? '');
}

/** Writable drops `readonly`: kubernetes-types marks server-set metadata read-only, and the API server sets it. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** serverMeta gives the API server write access to an object's metadata. */
export function serverMeta(obj: KubeObject): Writable<ObjectMeta> {
  return obj.metadata as Writable<ObjectMeta>;
}
