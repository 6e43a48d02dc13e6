// Mirrors k8s.io/component-helpers/apimachinery/lease/controller.go as the kubelet runs it (pkg/kubelet/kubelet.go
// nodeLeaseController): the Lease kube-node-lease/<node>, owned by the Node, renewed every 0.25 × its duration.
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { KubeObject } from '../api/object';
import { rfc3339Micro } from '../clock/timeFormat';
import type { VirtualClock } from '../clock/virtualClock';
import { Repeating } from '../clock/repeating';
import type { ApiClient } from '../store/types';

/** nodeLeaseDurationSeconds, the kubelet default. */
export const NODE_LEASE_DURATION_SECONDS = 40;
/** The lease is renewed every 0.25 × its duration: 10 s. */
export const NODE_LEASE_RENEW_INTERVAL_MS = (NODE_LEASE_DURATION_SECONDS * 1000) / 4;
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

type LeaseObject = Lease & KubeObject;

/** NodeLeaseController keeps the node's heartbeat Lease fresh while the kubelet lives. Its writes are quiet. */
export class NodeLeaseController {
  private readonly loop: Repeating;

  constructor(
    private readonly nodeName: string,
    private readonly client: ApiClient,
    private readonly clock: VirtualClock,
    private readonly owner: string,
  ) {
    this.loop = new Repeating(clock, owner, 'renew node lease', NODE_LEASE_RENEW_INTERVAL_MS, () => this.sync());
  }

  /** start renews the lease now and then every 10 s. */
  start(): void {
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
  }


  private sync(): void {
    const renewTime = rfc3339Micro(this.clock.now());
    const existing = this.client.get<LeaseObject>('Lease', NODE_LEASE_NAMESPACE, this.nodeName);
    const ctx = { actor: this.owner, reason: `renewed the node lease of ${this.nodeName}`, quiet: true };
    if (existing) {
      this.client.update<LeaseObject>({ ...existing, spec: { ...existing.spec, holderIdentity: this.nodeName, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime } }, ctx);
      return;
    }
    const node = this.client.get<KubeObject>('Node', '', this.nodeName);
    this.client.create<LeaseObject>(
      {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: {
          name: this.nodeName,
          namespace: NODE_LEASE_NAMESPACE,
          ownerReferences: node ? [{ apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid: node.metadata.uid ?? '' }] : undefined,
        },
        spec: { holderIdentity: this.nodeName, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime },
      },
      { ...ctx, reason: `created the node lease of ${this.nodeName}` },
    );
  }
}
