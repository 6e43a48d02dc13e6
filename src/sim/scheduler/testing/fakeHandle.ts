// Mirrors the fake clientset and snapshot that plugin tests set up (pkg/scheduler/framework/plugins/testing/
// testing.go SetupPluginWithInformers), for plugin unit tests.
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { ApiClient, DeleteOptions, ListOptions, WatchHandler, WriteContext } from '../../store/types';
import { newSnapshot } from '../cache/snapshot';
import type { Handle } from '../framework/interface';

function unsupported(): never {
  throw new Error('not supported by the fake client');
}

/** FakeClient answers get and list from a fixed set of objects (namespace/name order); it takes no writes. */
export class FakeClient implements ApiClient {
  private readonly objects: KubeObject[];

  constructor(objects: readonly KubeObject[]) {
    this.objects = [...objects].sort((a, b) => {
      const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`;
      const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  }

  get<T extends KubeObject>(kind: string, namespace: string, name: string): T | undefined {
    return this.objects.find(
      (o) => o.kind === kind && (o.metadata.namespace ?? '') === namespace && o.metadata.name === name,
    ) as T | undefined;
  }

  list<T extends KubeObject>(kind: string, opts?: ListOptions): T[] {
    return this.objects.filter(
      (o) => o.kind === kind && (opts?.namespace === undefined || (o.metadata.namespace ?? '') === opts.namespace),
    ) as T[];
  }

  create<T extends KubeObject>(_obj: T, _ctx: WriteContext): T {
    return unsupported();
  }
  update<T extends KubeObject>(_obj: T, _ctx: WriteContext): T {
    return unsupported();
  }
  updateStatus<T extends KubeObject>(_obj: T, _ctx: WriteContext): T {
    return unsupported();
  }
  patch<T extends KubeObject>(_kind: string, _namespace: string, _name: string, _patch: object, _ctx: WriteContext): T {
    return unsupported();
  }
  delete(_kind: string, _namespace: string, _name: string, _ctx: WriteContext, _opts?: DeleteOptions): KubeObject | undefined {
    return unsupported();
  }
  bind(_namespace: string, _podName: string, _nodeName: string, _ctx: WriteContext): KubeObject {
    return unsupported();
  }
  watch<T extends KubeObject>(_kind: string, _handler: WatchHandler<T>): () => void {
    return unsupported();
  }
}

/**
 * fakeHandle is a framework Handle for Filter/Score plugin tests: a snapshot of the pods and nodes and a
 * read-only client over `objects`. The preemption helpers are not available.
 */
export function fakeHandle(pods: readonly Pod[], nodes: readonly Node[], objects: readonly KubeObject[] = []): Handle {
  const snapshot = newSnapshot(pods, nodes);
  const client = new FakeClient(objects);
  return {
    snapshotSharedLister: () => snapshot,
    clientSet: () => client,
    eventRecorder: unsupported,
    now: () => 0,
    podNominator: unsupported,
    runFilterPluginsWithNominatedPods: unsupported,
    runPreFilterExtensionAddPod: unsupported,
    runPreFilterExtensionRemovePod: unsupported,
  };
}
