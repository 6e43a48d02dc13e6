import type { ControllerContext } from './controllerContext';
import { withOwnClient } from './clientBuilder';
import { DeploymentController } from './deployment/deploymentController';
import { ReplicaSetController } from './replicaset/replicaSetController';
import { REPLICA_SET, REPLICATION_CONTROLLER } from './replicaset/conversion';
import { GarbageCollector } from './garbagecollector/garbageCollector';
import { NamespaceController } from './namespace/namespaceController';
import { PodGCController } from './podgc/gcController';
import { NodeLifecycleController } from './nodelifecycle/nodeLifecycleController';
import { TaintEvictionController } from './tainteviction/taintEvictionController';
import { EndpointSliceController } from './endpointslice/endpointSliceController';
import { EndpointsController } from './endpoint/endpointsController';
import { ServiceLBController } from './servicelb/serviceLBController';

/**
 * startControllers runs kube-controller-manager's controllers, each watching through the shared informers. The
 * order only decides who is told first about the same change; every controller is level-driven. The node
 * lifecycle controllers need kubelets that heartbeat: without them every node would turn Unknown after 50 s.
 * ServiceLBController stands in for the cloud-controller-manager's service controller (a simulated cloud).
 * Each controller talks through its own rate-limited client (20 requests/s, burst 30), as upstream.
 */
export function startControllers(ctx: ControllerContext, opts: { nodeLifecycle: boolean }): void {
  new DeploymentController(withOwnClient(ctx));
  new ReplicaSetController(withOwnClient(ctx), REPLICA_SET);
  new ReplicaSetController(withOwnClient(ctx), REPLICATION_CONTROLLER);
  new GarbageCollector(withOwnClient(ctx));
  new NamespaceController(withOwnClient(ctx));
  new PodGCController(withOwnClient(ctx));
  new EndpointSliceController(withOwnClient(ctx));
  new EndpointsController(withOwnClient(ctx));
  new ServiceLBController(withOwnClient(ctx));
  if (opts.nodeLifecycle) {
    new NodeLifecycleController(withOwnClient(ctx));
    new TaintEvictionController(withOwnClient(ctx));
  }
}
