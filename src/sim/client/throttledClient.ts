import type { KubeObject } from '../api/object';
import type { ApiClient, DeleteOptions, ListOptions, WatchHandler, WriteContext } from '../store/types';
import type { TokenBucketRateLimiter } from './flowcontrol/tokenBucketRateLimiter';

/**
 * ThrottledClient is a controller's own clientset: every request takes a token from its rate limiter, as client-go's
 * rest client does before sending. The request itself goes at once; the debt it leaves is waited out before the
 * controller's next sync (WorkQueue) or next paced request (RequestPacer), which keeps the client's rate at its qps
 * as client-go's blocking Wait does. Watches are not throttled: one request opens them for good.
 */
export class ThrottledClient implements ApiClient {
  constructor(
    readonly inner: ApiClient,
    readonly limiter: TokenBucketRateLimiter,
  ) {}

  create<T extends KubeObject>(obj: T, ctx: WriteContext): T {
    this.limiter.reserve();
    return this.inner.create(obj, ctx);
  }

  update<T extends KubeObject>(obj: T, ctx: WriteContext): T {
    this.limiter.reserve();
    return this.inner.update(obj, ctx);
  }

  updateStatus<T extends KubeObject>(obj: T, ctx: WriteContext): T {
    this.limiter.reserve();
    return this.inner.updateStatus(obj, ctx);
  }

  patch<T extends KubeObject>(kind: string, namespace: string, name: string, patch: object, ctx: WriteContext): T {
    this.limiter.reserve();
    return this.inner.patch<T>(kind, namespace, name, patch, ctx);
  }

  delete(kind: string, namespace: string, name: string, ctx: WriteContext, opts?: DeleteOptions): KubeObject | undefined {
    this.limiter.reserve();
    return this.inner.delete(kind, namespace, name, ctx, opts);
  }

  bind(namespace: string, podName: string, nodeName: string, ctx: WriteContext): KubeObject {
    this.limiter.reserve();
    return this.inner.bind(namespace, podName, nodeName, ctx);
  }

  get<T extends KubeObject>(kind: string, namespace: string, name: string): T | undefined {
    this.limiter.reserve();
    return this.inner.get<T>(kind, namespace, name);
  }

  list<T extends KubeObject>(kind: string, opts?: ListOptions): T[] {
    this.limiter.reserve();
    return this.inner.list<T>(kind, opts);
  }

  watch<T extends KubeObject>(kind: string, handler: WatchHandler<T>): () => void {
    return this.inner.watch(kind, handler);
  }
}

/**
 * asOneRequest runs writes that the API server makes for one request, such as a DeleteCollection (which deletes each
 * object server-side): they take one token of the client's rate limit, not one each.
 */
export function asOneRequest<T>(client: ApiClient, run: (server: ApiClient) => T): T {
  if (!(client instanceof ThrottledClient)) return run(client);
  client.limiter.reserve();
  return run(client.inner);
}
