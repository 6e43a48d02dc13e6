import type { ControllerContext } from './controllerContext';
import { DeploymentController } from './deployment/deploymentController';
import { ReplicaSetController } from './replicaset/replicaSetController';
import { REPLICA_SET, REPLICATION_CONTROLLER } from './replicaset/conversion';

/**
 * startControllers runs kube-controller-manager's controllers, each watching through the shared informers. The
 * order only decides who is told first about the same change; every controller is level-driven.
 */
export function startControllers(ctx: ControllerContext): void {
  new DeploymentController(ctx);
  new ReplicaSetController(ctx, REPLICA_SET);
  new ReplicaSetController(ctx, REPLICATION_CONTROLLER);
}
