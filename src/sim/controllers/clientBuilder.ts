// Mirrors k8s.io/controller-manager/pkg/clientbuilder SimpleControllerClientBuilder.ClientOrDie: kube-controller-manager
// builds one clientset per controller from the same rest.Config, so each has its own client-side rate limiter.
import { TokenBucketRateLimiter } from '../client/flowcontrol/tokenBucketRateLimiter';
import { ThrottledClient } from '../client/throttledClient';
import type { ControllerContext } from './controllerContext';

/** kube-controller-manager's --kube-api-qps and --kube-api-burst defaults. */
export const KUBE_API_QPS = 20;
export const KUBE_API_BURST = 30;

/** withOwnClient gives one controller its own clientset: the shared API server behind its own rate limiter. */
export function withOwnClient(ctx: ControllerContext): ControllerContext {
  const rateLimiter = new TokenBucketRateLimiter(ctx.clock, KUBE_API_QPS, KUBE_API_BURST);
  return { ...ctx, client: new ThrottledClient(ctx.client, rateLimiter), rateLimiter };
}
