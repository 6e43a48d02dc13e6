// Mirrors staging/src/k8s.io/cloud-provider/controllers/service/controller.go (the informer handlers, needsUpdate,
// needsCleanup, wantsLoadBalancer, syncService, syncLoadBalancerIfNeeded, addFinalizer/removeFinalizer, patchStatus)
// with a simulated cloud in the role cloud-provider-kind or MetalLB play on kind: a load balancer is an address from
// a fixed pool, lowest free first, reported as status.loadBalancer.ingress [{ ip, ipMode: VIP }]. Leaves out node
// syncing, the per-Service cache and loadBalancerIP/source-range handling. Events a watch would have recorded are
// recorded when the key is synced (handlers only enqueue), and a Service the pool cannot serve waits for an address
// to free instead of retrying on a back-off.
import type { LoadBalancerStatus, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { type Informer, keyFunc, splitKey } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { EventType } from '../../events/recorder';
import { ipv4ToNumber, numberToIPv4 } from '../../api/util/ipv4';
import type { WriteContext } from '../../store/types';
import type { Controller, ControllerContext } from '../controllerContext';

/** SERVICE_LB_CONTROLLER is the name the controller acts under (kube-controller-manager's controller name). */
export const SERVICE_LB_CONTROLLER = 'service-lb-controller';
/** EVENT_SOURCE is the component its Events name: the cloud service controller's recorder. */
const EVENT_SOURCE = { component: 'service-controller' };
/** LOAD_BALANCER_CLEANUP_FINALIZER keeps a Service until its load balancer is gone (servicehelper.LoadBalancerCleanupFinalizer). */
export const LOAD_BALANCER_CLEANUP_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';
/** DEFAULT_LB_POOL is the simulated cloud's address pool, on kind's docker network 172.18.0.0/16. */
export const DEFAULT_LB_POOL = { first: '172.18.255.200', last: '172.18.255.250' };

type ServiceObject = Service & KubeObject;
type PendingEvent = [type: EventType, reason: string, message: string];

/** wantsLoadBalancer: type LoadBalancer without a loadBalancerClass (a class means another controller serves it). */
const wantsLoadBalancer = (svc: Service) => svc.spec?.type === 'LoadBalancer' && svc.spec.loadBalancerClass === undefined;
const hasFinalizer = (svc: ServiceObject) => (svc.metadata.finalizers ?? []).includes(LOAD_BALANCER_CLEANUP_FINALIZER);

/** needsCleanup: the Service holds the finalizer but is being deleted or no longer a LoadBalancer. */
function needsCleanup(svc: ServiceObject): boolean {
  if (!hasFinalizer(svc)) return false;
  return svc.metadata.deletionTimestamp !== undefined || svc.spec?.type !== 'LoadBalancer';
}

/**
 * ServiceLBController provisions load balancers for Services of type LoadBalancer: it adds the cleanup finalizer,
 * takes the lowest free address of its pool and writes it to the Service's status; when the Service is deleted or
 * changes type, it deletes the load balancer and removes the finalizer, and the address is free again.
 */
export class ServiceLBController implements Controller {
  readonly name = SERVICE_LB_CONTROLLER;
  private readonly queue: WorkQueue;
  private readonly services: Informer<ServiceObject>;
  private readonly first: number;
  private readonly last: number;
  /** Events noticed by the update handler (needsUpdate's), recorded at the key's next sync. */
  private readonly pendingEvents = new Map<string, PendingEvent[]>();
  /** Services the pool could not serve; any address freed wakes them. */
  private readonly waiting = new Set<string>();

  constructor(
    private readonly ctx: ControllerContext,
    pool: { first: string; last: string } = DEFAULT_LB_POOL,
  ) {
    this.first = ipv4ToNumber(pool.first) ?? 0;
    this.last = ipv4ToNumber(pool.last) ?? -1;
    this.queue = new WorkQueue(ctx.clock, this.name, (key) => this.syncService(key), { rateLimiter: ctx.rateLimiter });
    this.services = ctx.informers.forKind<ServiceObject>('Service');
    this.services.addEventHandler({
      add: (svc) => {
        // Checking cleanup here mends what a controller that stopped half-way left behind.
        if (wantsLoadBalancer(svc) || needsCleanup(svc)) this.queue.add(keyFunc(svc));
      },
      update: (old, cur) => {
        if (this.needsUpdate(old, cur) || needsCleanup(cur)) this.queue.add(keyFunc(cur));
        if (this.poolAddress(old) !== undefined && this.poolAddress(cur) === undefined) this.wakeWaiting();
      },
      delete: (svc) => {
        if (this.poolAddress(svc) !== undefined) this.wakeWaiting();
      },
    });
  }

  /** poolSize is how many addresses the pool holds. */
  get poolSize(): number {
    return Math.max(0, this.last - this.first + 1);
  }

  /**
   * needsUpdate is the cloud controller's test for an update worth a sync. The reasons it reports as Events are
   * queued for the sync: a watch handler must not write.
   */
  private needsUpdate(old: ServiceObject, cur: ServiceObject): boolean {
    if (!wantsLoadBalancer(old) && !wantsLoadBalancer(cur)) return false;
    const note = (reason: string, message: string) => {
      const key = keyFunc(cur);
      this.pendingEvents.set(key, [...(this.pendingEvents.get(key) ?? []), ['Normal', reason, message]]);
    };
    const [o, c] = [old.spec ?? {}, cur.spec ?? {}];
    if (wantsLoadBalancer(old) !== wantsLoadBalancer(cur)) {
      note('Type', `${o.type} -> ${c.type}`);
      return true;
    }
    if (JSON.stringify(o.ports) !== JSON.stringify(c.ports) || o.sessionAffinity !== c.sessionAffinity) return true;
    if (JSON.stringify(o.sessionAffinityConfig) !== JSON.stringify(c.sessionAffinityConfig)) return true;
    if (JSON.stringify(old.metadata.annotations ?? {}) !== JSON.stringify(cur.metadata.annotations ?? {})) return true;
    if (old.metadata.uid !== cur.metadata.uid) {
      note('UID', `${old.metadata.uid} -> ${cur.metadata.uid}`);
      return true;
    }
    if (o.externalTrafficPolicy !== c.externalTrafficPolicy) {
      note('ExternalTrafficPolicy', `${o.externalTrafficPolicy} -> ${c.externalTrafficPolicy}`);
      return true;
    }
    if ((o.healthCheckNodePort ?? 0) !== (c.healthCheckNodePort ?? 0)) {
      note('HealthCheckNodePort', `${o.healthCheckNodePort ?? 0} -> ${c.healthCheckNodePort ?? 0}`);
      return true;
    }
    return JSON.stringify(o.ipFamilies) !== JSON.stringify(c.ipFamilies);
  }

  /** syncService converges one Service; a Service already gone left nothing behind (its address freed with it). */
  private syncService(key: string): void {
    const svc = this.services.get(splitKey(key).namespace, splitKey(key).name);
    const noticed = this.pendingEvents.get(key) ?? [];
    this.pendingEvents.delete(key);
    if (!svc) {
      this.waiting.delete(key);
      return;
    }
    for (const [type, reason, message] of noticed) this.event(svc, type, reason, message);
    if (!wantsLoadBalancer(svc) || needsCleanup(svc)) this.deleteLoadBalancer(svc, key);
    else this.ensureLoadBalancer(svc, key);
  }

  /** ensureLoadBalancer: finalizer first, so the Service cannot vanish before its load balancer does. */
  private ensureLoadBalancer(svc: ServiceObject, key: string): void {
    this.event(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
    let current = svc;
    if (!hasFinalizer(svc)) {
      current = this.ctx.client.patch<ServiceObject>(
        'Service',
        svc.metadata.namespace ?? '',
        svc.metadata.name ?? '',
        { metadata: { finalizers: [...(svc.metadata.finalizers ?? []), LOAD_BALANCER_CLEANUP_FINALIZER] } },
        this.write(`added finalizer ${LOAD_BALANCER_CLEANUP_FINALIZER} to Service ${key} before creating its load balancer, so the Service cannot be removed before the load balancer is`),
      );
    }
    const held = this.poolAddress(current);
    const inUse = this.addressesInUse(key);
    const ip = held ?? this.lowestFree(inUse);
    if (ip === undefined) {
      this.waiting.add(key);
      const detail = `no address left in the pool ${this.poolName()}: all ${this.poolSize} are in use`;
      this.event(current, 'Warning', 'SyncLoadBalancerFailed', `Error syncing load balancer: failed to ensure load balancer: ${detail}`);
      return;
    }
    this.waiting.delete(key);
    this.event(current, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
    const why =
      held !== undefined
        ? `kept load-balancer IP ${ip} for Service ${key}`
        : `assigned load-balancer IP ${ip} to Service ${key}: the lowest free address of the pool ${this.poolName()}, where ${inUse.size} of ${this.poolSize} addresses are in use`;
    this.patchStatus(current, { ingress: [{ ip, ipMode: 'VIP' }] }, why);
  }

  /** deleteLoadBalancer releases the address and the finalizer of a Service that no longer wants a load balancer. */
  private deleteLoadBalancer(svc: ServiceObject, key: string): void {
    this.waiting.delete(key);
    const ip = this.poolAddress(svc);
    const why = svc.metadata.deletionTimestamp ? 'the Service is being deleted' : `the Service is now of type ${svc.spec?.type}`;
    if (hasFinalizer(svc) || ip !== undefined) this.event(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer');
    let current: ServiceObject | undefined = svc;
    if (hasFinalizer(svc)) {
      const remaining = (svc.metadata.finalizers ?? []).filter((f) => f !== LOAD_BALANCER_CLEANUP_FINALIZER);
      this.ctx.client.patch<ServiceObject>(
        'Service',
        svc.metadata.namespace ?? '',
        svc.metadata.name ?? '',
        // An empty list is dropped, as omitempty drops it from the upstream patch.
        { metadata: { finalizers: remaining.length > 0 ? remaining : null } },
        this.write(`removed finalizer ${LOAD_BALANCER_CLEANUP_FINALIZER} from Service ${key}: ${why}, so its load balancer${ip ? ` (IP ${ip})` : ''} was deleted`),
      );
      // A Service being deleted goes with its last finalizer.
      current = this.ctx.client.get<ServiceObject>('Service', svc.metadata.namespace ?? '', svc.metadata.name ?? '');
    }
    this.event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
    if (current) this.patchStatus(current, {}, `cleared the load-balancer status of Service ${key}: ${why}`);
  }

  /** patchStatus writes the load-balancer status when it changed; it carries no resourceVersion, as a patch would not. */
  private patchStatus(svc: ServiceObject, loadBalancer: LoadBalancerStatus, why: string): void {
    if (JSON.stringify(svc.status?.loadBalancer ?? {}) === JSON.stringify(loadBalancer)) return;
    const metadata = { ...svc.metadata };
    delete metadata.resourceVersion;
    this.ctx.client.updateStatus<ServiceObject>({ ...svc, metadata, status: { ...svc.status, loadBalancer } }, this.write(why));
  }

  /** poolAddress is the first ingress IP of the Service's status that lies in the pool. */
  private poolAddress(svc: Service): string | undefined {
    for (const ingress of svc.status?.loadBalancer?.ingress ?? []) {
      const n = ingress.ip ? ipv4ToNumber(ingress.ip) : undefined;
      if (n !== undefined && n >= this.first && n <= this.last) return ingress.ip;
    }
    return undefined;
  }

  /** addressesInUse is every pool address other Services report. */
  private addressesInUse(except: string): Set<number> {
    const used = new Set<number>();
    for (const svc of this.services.list()) {
      const ip = keyFunc(svc) === except ? undefined : this.poolAddress(svc);
      if (ip !== undefined) used.add(ipv4ToNumber(ip) ?? 0);
    }
    return used;
  }

  private lowestFree(used: ReadonlySet<number>): string | undefined {
    for (let n = this.first; n <= this.last; n++) if (!used.has(n)) return numberToIPv4(n);
    return undefined;
  }

  private wakeWaiting(): void {
    for (const key of this.waiting) this.queue.add(key);
  }

  private poolName(): string {
    return `${numberToIPv4(this.first)}-${numberToIPv4(this.last)}`;
  }

  private event(svc: ServiceObject, type: EventType, reason: string, message: string): void {
    this.ctx.recorder.event(svc, type, reason, message, EVENT_SOURCE);
  }

  private write(reason: string): WriteContext {
    return { actor: this.name, reason };
  }
}
