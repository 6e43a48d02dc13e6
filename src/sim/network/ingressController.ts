// Mirrors ingress-nginx's status sync (internal/ingress/status/status.go runningAddresses, statusAddressFromService,
// lessLoadBalancerIngress, ingressSliceEqual; internal/k8s GetNodeIPOrName with the InternalIP) and its store's
// Ingress event handlers (internal/ingress/controller/store/store.go: `Sync` — `Scheduled for sync` on every add and
// every change of a served Ingress, status changes included, hence the familiar "2x"). The address is the
// load-balancer address of the published Service (--publish-service ingress-nginx/ingress-nginx-controller) when it
// has one, else the InternalIPs of the nodes running ready controller pods. Upstream polls every 60 s under leader
// election; here a work queue syncs an Ingress as soon as it or the addresses change. Nothing happens while no
// controller pod is running and ready: the controller is those pods.
import type { IngressLoadBalancerIngress } from 'kubernetes-types/networking/v1';
import type { Informer } from '../client/informer';
import { keyFunc, splitKey } from '../client/informer';
import { WorkQueue } from '../client/workqueue';
import type { Controller, ControllerContext } from '../controllers/controllerContext';
import { isPodReady } from '../controllers/podUtil';
import type { EventSource } from '../events/recorder';
import { controllerClasses, INGRESS_NGINX, isControllerPod, isIngressOfController, servedIngresses, type IngressControllerConfig } from './ingressClass';
import { nodeInternalIP } from './listers';
import type { IngressClassObject, IngressObject, NodeObject, PodObject, ServiceObject } from './types';

/** INGRESS_NGINX_CONTROLLER is the name the controller's writes carry. */
export const INGRESS_NGINX_CONTROLLER = 'ingress-nginx-controller';
/** INGRESS_NGINX_EVENT_SOURCE is the component ingress-nginx's event recorder reports as. */
export const INGRESS_NGINX_EVENT_SOURCE: EventSource = { component: 'nginx-ingress-controller' };

interface Addresses {
  ingress: IngressLoadBalancerIngress[];
  why: string;
}

/** IngressNginxController publishes the controller's address in the status of every Ingress it serves. */
export class IngressNginxController implements Controller {
  readonly name = INGRESS_NGINX_CONTROLLER;
  private readonly queue: WorkQueue;
  private readonly ingresses: Informer<IngressObject>;
  private readonly classes: Informer<IngressClassObject>;
  private readonly services: Informer<ServiceObject>;
  private readonly pods: Informer<PodObject>;
  private readonly nodes: Informer<NodeObject>;
  /** `Sync` events seen by the store's handlers and not yet recorded, per Ingress key. */
  private readonly pendingEvents = new Map<string, number>();
  private running: boolean;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly config: IngressControllerConfig = INGRESS_NGINX,
  ) {
    this.queue = new WorkQueue(ctx.clock, this.name, (key) => this.sync(key));
    this.ingresses = ctx.informers.forKind<IngressObject>('Ingress');
    this.classes = ctx.informers.forKind<IngressClassObject>('IngressClass');
    this.services = ctx.informers.forKind<ServiceObject>('Service');
    this.pods = ctx.informers.forKind<PodObject>('Pod');
    this.nodes = ctx.informers.forKind<NodeObject>('Node');
    this.running = this.readyControllerPods().length > 0;
    this.ingresses.addEventHandler({
      add: (ing) => this.onIngress(undefined, ing),
      update: (old, cur) => this.onIngress(old, cur),
    });
    this.classes.addEventHandler({ add: () => this.enqueueAll(), update: () => this.enqueueAll(), delete: () => this.enqueueAll() });
    const onService = (svc: ServiceObject) => {
      if (svc.metadata.namespace === config.namespace && svc.metadata.name === config.serviceName) this.enqueueAll();
    };
    this.services.addEventHandler({ add: onService, update: (_, cur) => onService(cur), delete: onService });
    const onPod = (pod: PodObject) => {
      if (isControllerPod(pod, config)) this.onControllerPod();
    };
    this.pods.addEventHandler({ add: onPod, update: (_, cur) => onPod(cur), delete: onPod });
  }

  /** onIngress is the store's handler: a served Ingress that appears or changes is scheduled for sync. */
  private onIngress(old: IngressObject | undefined, cur: IngressObject): void {
    if (!isIngressOfController(cur, controllerClasses(this.classes.list(), this.config), this.config)) return;
    if (old === cur) return;
    const key = keyFunc(cur);
    if (this.running) this.pendingEvents.set(key, (this.pendingEvents.get(key) ?? 0) + 1);
    this.queue.add(key);
  }

  /** onControllerPod notices the controller starting (it then lists every Ingress) or stopping. */
  private onControllerPod(): void {
    const running = this.readyControllerPods().length > 0;
    if (running === this.running) return this.enqueueAll();
    this.running = running;
    this.pendingEvents.clear();
    if (!running) return;
    for (const ing of this.served()) this.pendingEvents.set(keyFunc(ing), 1);
    this.enqueueAll();
  }

  private enqueueAll(): void {
    for (const ing of this.served()) this.queue.add(keyFunc(ing));
  }

  private served(): IngressObject[] {
    return servedIngresses(this.ingresses.list(), this.classes.list(), this.config);
  }

  /** sync records the Ingress's pending events and brings its status.loadBalancer to the controller's addresses. */
  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const ing = this.ingresses.get(namespace, name);
    const events = this.pendingEvents.get(key) ?? 0;
    this.pendingEvents.delete(key);
    if (!ing || !this.running) return;
    for (let i = 0; i < events; i++) this.ctx.recorder.event(ing, 'Normal', 'Sync', 'Scheduled for sync', INGRESS_NGINX_EVENT_SOURCE);
    const addresses = this.runningAddresses();
    const current = ing.status?.loadBalancer?.ingress ?? [];
    if (JSON.stringify(current) === JSON.stringify(addresses.ingress)) return;
    const status = structuredClone(ing.status ?? {});
    status.loadBalancer = { ingress: addresses.ingress };
    const list = addresses.ingress.map((a) => a.ip ?? a.hostname).join(', ');
    this.ctx.client.updateStatus({ ...ing, status }, { actor: this.name, reason: `set the address of Ingress ${key} to ${list}: ${addresses.why}` });
  }

  /** runningAddresses is statusAddressFromService when the Service has a load-balancer address, else the node IPs. */
  private runningAddresses(): Addresses {
    const svc = this.services.get(this.config.namespace, this.config.serviceName);
    const lb = (svc?.status?.loadBalancer?.ingress ?? []).flatMap((i): IngressLoadBalancerIngress[] => (i.ip ? [{ ip: i.ip }] : i.hostname ? [{ hostname: i.hostname }] : []));
    if (lb.length > 0) return { ingress: lb.sort(lessLoadBalancerIngress), why: `the load-balancer address of Service ${this.config.namespace}/${this.config.serviceName}` };
    const byIP = new Map<string, string>();
    for (const pod of this.readyControllerPods()) {
      const node = this.nodes.get('', pod.spec?.nodeName ?? '');
      const ip = node && nodeInternalIP(node);
      if (ip && !byIP.has(ip)) byIP.set(ip, pod.spec!.nodeName!);
    }
    const ingress = [...byIP.keys()].map((ip) => ({ ip })).sort(lessLoadBalancerIngress);
    const nodes = ingress.map((a) => byIP.get(a.ip)).join(', ');
    return { ingress, why: `the InternalIP of ${byIP.size === 1 ? 'node' : 'nodes'} ${nodes}, where ready ingress controller pods run (Service ${this.config.namespace}/${this.config.serviceName} has no load-balancer address)` };
  }

  /** readyControllerPods: only Running and Ready pods count, as runningAddresses checks. */
  private readyControllerPods(): PodObject[] {
    return this.pods.list(this.config.namespace).filter((pod) => isControllerPod(pod, this.config) && pod.status?.phase === 'Running' && isPodReady(pod) && pod.spec?.nodeName);
  }
}

/** lessLoadBalancerIngress orders addresses by IP, then hostname. */
function lessLoadBalancerIngress(a: IngressLoadBalancerIngress, b: IngressLoadBalancerIngress): number {
  const [ai, bi] = [a.ip ?? '', b.ip ?? ''];
  if (ai !== bi) return ai < bi ? -1 : 1;
  const [ah, bh] = [a.hostname ?? '', b.hostname ?? ''];
  return ah < bh ? -1 : ah > bh ? 1 : 0;
}
