// Test support: a read-only ApiClient over a fixed set of objects, filtered as the API server filters lists, so
// describers can be checked against upstream describe_test.go fixtures without running a cluster.
import type { KubeObject } from '../../api/object';
import { filterList } from '../../store/listFilter';
import type { ApiClient } from '../../store/types';

const readOnly = (): never => {
  throw new Error('the describe tests only read from the API');
};

/** fakeClient serves get and list over the objects; every write throws. */
export function fakeClient(objects: readonly KubeObject[]): ApiClient {
  const sameKey = (o: KubeObject, kind: string, namespace: string, name: string) =>
    o.kind === kind && (o.metadata.namespace ?? '') === namespace && o.metadata.name === name;
  return {
    get: <T extends KubeObject>(kind: string, namespace: string, name: string) => objects.find((o) => sameKey(o, kind, namespace, name)) as T | undefined,
    list: <T extends KubeObject>(kind: string, opts?: Parameters<ApiClient['list']>[1]) => filterList(kind, objects.filter((o) => o.kind === kind), opts) as T[],
    create: readOnly,
    update: readOnly,
    updateStatus: readOnly,
    patch: readOnly,
    delete: readOnly,
    bind: readOnly,
    watch: readOnly,
  };
}
