import { InformerFactory } from '../../client/informer';
import type { Cluster } from '../../cluster/cluster';
import { EventRecorder } from '../../events/recorder';
import type { ApiClient } from '../../store/types';
import type { ControllerContext } from '../controllerContext';

/**
 * controllerContextFor gives a controller under test what kube-controller-manager would give it, on a cluster
 * started without its own controllers (`createCluster({ controllers: false, kubelets: false })`). A test may wrap
 * the client (to inject failures) and give the informers another one (to delay what they see).
 */
export function controllerContextFor(cluster: Cluster, client: ApiClient = cluster.client, informerClient: ApiClient = client): ControllerContext {
  return {
    client,
    informers: new InformerFactory(informerClient),
    clock: cluster.clock,
    random: cluster.random,
    recorder: new EventRecorder(client, cluster.clock),
  };
}
