import type { ControllerContext } from './controllerContext';
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
 */
export function startControllers(ctx: ControllerContext, opts: { nodeLifecycle: boolean }): void {
  new DeploymentController(ctx);
  new ReplicaSetController(ctx, REPLICA_SET);
  new ReplicaSetController(ctx, REPLICATION_CONTROLLER);
  new GarbageCollector(ctx);
  new NamespaceController(ctx);
  new PodGCController(ctx);
  new EndpointSliceController(ctx);
  new EndpointsController(ctx);
  new ServiceLBController(ctx);
  if (opts.nodeLifecycle) {
    new NodeLifecycleController(ctx);
    new TaintEvictionController(ctx);
  }
}
