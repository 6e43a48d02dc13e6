// Mirrors the storage keys of NamespaceKeyFunc in k8s.io/apiserver/pkg/registry/generic/registry/store.go
// (`<prefix>/<namespace>/<name>`), held as maps instead of joined strings.
import type { KubeObject } from '../api/object';

/**
 * KindBucket holds the stored objects of one kind by namespace ('' for cluster-scoped kinds), then name: etcd's
 * `/<namespace>/<name>` keys without the string. Looking a name up in its namespace's map hashes strings the
 * callers already have (the stored object's own name, mostly), where a joined `namespace/name` key would be a new
 * string to build and hash on every read and write. Names and namespaces are validated, so neither holds a '/'
 * and the two layouts find the same objects.
 */
export class KindBucket {
  private readonly namespaces = new Map<string, Map<string, KubeObject>>();

  get(namespace: string, name: string): KubeObject | undefined {
    return this.namespaces.get(namespace)?.get(name);
  }

  has(namespace: string, name: string): boolean {
    return this.namespaces.get(namespace)?.has(name) ?? false;
  }

  /** set stores obj under its own namespace and name, replacing the version stored there. */
  set(obj: KubeObject): void {
    const namespace = obj.metadata.namespace ?? '';
    let names = this.namespaces.get(namespace);
    if (!names) {
      names = new Map();
      this.namespaces.set(namespace, names);
    }
    names.set(obj.metadata.name ?? '', obj);
  }

  delete(obj: KubeObject): void {
    this.namespaces.get(obj.metadata.namespace ?? '')?.delete(obj.metadata.name ?? '');
  }

  /** values lists every object, in no particular order. */
  values(): KubeObject[] {
    const out: KubeObject[] = [];
    for (const names of this.namespaces.values()) for (const obj of names.values()) out.push(obj);
    return out;
  }
}
