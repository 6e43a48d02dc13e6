// Mirrors the API server's TTL storage (k8s.io/apiserver/pkg/registry/generic/registry/store.go TTLFunc, which the
// Event registry in pkg/registry/core/event/storage sets to kube-apiserver's --event-ttl): every create or update of
// such an object gives its key a fresh etcd lease of the TTL, and etcd deletes the key when the lease runs out unless
// a later write replaced it. Leaves out the API server's lease reuse (storage/etcd3/lease_manager.go: writes within
// 60 s share one lease, given the TTL plus that minute), by which a real key may outlive its TTL by up to a minute:
// here a key goes at exactly its write plus the TTL.
import type { KubeObject } from '../api/object';
import type { TimerHandle, VirtualClock, VirtualMs } from '../clock/virtualClock';

/** Leased is one write's lease: the version it stored and when the lease runs out. */
export interface Leased {
  namespace: string;
  name: string;
  resourceVersion: string;
  expiresAt: VirtualMs;
}

/** Compact the queue once this many leases ahead of its head have run out, and they are most of it. */
const COMPACT_AFTER = 1024;

/**
 * ObjectTTL holds the leases of one kind's writes, in write order, which with one TTL is also expiry order. When a
 * lease runs out it hands it to `expire`, which deletes the object if the version it names is still the stored one.
 * Its timer is periodic to the clock: `settle()` does not wait an hour for Events to expire, as `kubectl wait`
 * does not.
 */
export class ObjectTTL {
  private leases: Leased[] = [];
  private head = 0;
  private timer: TimerHandle | undefined;

  constructor(
    private readonly clock: VirtualClock,
    private readonly ttlSeconds: number,
    private readonly expire: (lease: Leased) => void,
  ) {}

  /** track leases the version of `obj` just stored. */
  track(obj: KubeObject): void {
    const { namespace = '', name = '', resourceVersion = '' } = obj.metadata;
    this.leases.push({ namespace, name, resourceVersion, expiresAt: this.clock.now() + this.ttlSeconds * 1000 });
    if (!this.timer) this.arm();
  }

  private arm(): void {
    const next = this.leases[this.head];
    if (!next) return;
    this.timer = this.clock.schedule(Math.max(0, next.expiresAt - this.clock.now()), { owner: 'kube-apiserver', label: 'expireLeases', periodic: true, run: () => this.run() });
  }

  private run(): void {
    this.timer = undefined;
    const now = this.clock.now();
    while (this.head < this.leases.length && this.leases[this.head].expiresAt <= now) this.expire(this.leases[this.head++]);
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.leases.length) {
      this.leases = this.leases.slice(this.head);
      this.head = 0;
    }
    this.arm();
  }
}
