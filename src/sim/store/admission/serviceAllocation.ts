// Mirrors pkg/registry/core/service/storage/alloc.go (allocateCreate, initIPFamilyFields, allocClusterIPs,
// initNodePorts, allocHealthCheckNodePort, allocateUpdate, updateNodePorts, updateHealthCheckNodePort), storage.go
// (patchAllocatedValues, normalizeClusterIPs for updates) and strategy.go dropTypeDependentFields, for a single-stack
// IPv4 cluster. Leaves out dual-stack upgrades and downgrades, dry runs and the IPAddress objects: what is allocated is
// read from the stored Services, so deleting a Service frees its IPs and ports with no separate release.
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import { externallyAccessible } from '../../api/core/v1/defaults';
import { goStringSlice } from '../../api/core/v1/validation/goValue';
import { validateClusterIPsRelatedFields } from '../../api/core/v1/validation/service';
import { type FieldError, fieldErrors, type PathSegment } from '../../api/fieldError';
import type { KubeObject, Writable } from '../../api/object';
import { StatusError, statusErrors } from '../../api/statusError';
import { parseIP } from '../../api/validation/names';
import type { SeededRandom } from '../../clock/random';
import type { AdmissionView } from '../../kinds/kindSpec';
import type { AdmissionPlugin, Operation } from './admissionPlugin';
import { ErrFull, PortRange, ServiceIPRange } from './serviceAllocators';
import { ipv4ToNumber } from '../../api/util/ipv4';

/** DEFAULT_SERVICE_CIDR is kubeadm's networking.serviceSubnet. */
export const DEFAULT_SERVICE_CIDR = '10.96.0.0/12';
/** DEFAULT_NODE_PORT_RANGE is kube-apiserver's --service-node-port-range default. */
export const DEFAULT_NODE_PORT_RANGE = '30000-32767';

/** What other Services hold, plus what this request has taken so far (a PortAllocationOperation's view). */
interface InUse {
  ips: Set<number>;
  ports: Set<number>;
}

/**
 * ServiceAllocation is the Service REST storage's allocator, run as a mutating admission step so that it happens
 * before validation, as BeginCreate/BeginUpdate do: it hands out cluster IPs and node ports (at random, from the
 * cluster's seeded generator), honours requested ones when free and in range, and refuses the rest with the API
 * server's words.
 */
export class ServiceAllocation implements AdmissionPlugin {
  readonly name = 'ServiceAllocation';
  readonly serviceIPs: ServiceIPRange;
  readonly nodePorts: PortRange;

  constructor(
    private readonly random: SeededRandom,
    serviceCIDR: string = DEFAULT_SERVICE_CIDR,
    nodePortRange: string = DEFAULT_NODE_PORT_RANGE,
  ) {
    this.serviceIPs = new ServiceIPRange(serviceCIDR);
    this.nodePorts = PortRange.parse(nodePortRange);
  }

  admit(obj: KubeObject, old: KubeObject | undefined, op: Operation, view: AdmissionView): void {
    if (obj.kind !== 'Service') return;
    const svc = obj as unknown as Service & KubeObject;
    if (op === 'CREATE' || !old) {
      this.allocateCreate(svc, inUse(view, svc, undefined));
      return;
    }
    const before = old as unknown as Service & KubeObject;
    patchAllocatedValues(svc, before);
    normalizeClusterIPsForUpdate(svc, before);
    dropTypeDependentFields(svc, before);
    this.allocateUpdate(svc, before, inUse(view, svc, before));
  }

  private allocateCreate(svc: Service & KubeObject, used: InUse): void {
    initIPFamilyFields(svc);
    this.allocClusterIPs(svc, used);
    const type = svc.spec?.type;
    if (type === 'NodePort' || type === 'LoadBalancer') this.initNodePorts(svc, used);
    if (needsHealthCheck(svc)) this.allocHealthCheckNodePort(svc, used);
  }

  private allocateUpdate(svc: Service & KubeObject, old: Service, used: InUse): void {
    initIPFamilyFields(svc);
    // Case A of updateClusterIPs: leaving ExternalName allocates afresh. Every release is implicit.
    if (old.spec?.type === 'ExternalName' && svc.spec?.type !== 'ExternalName') this.allocClusterIPs(svc, used);
    const type = svc.spec?.type;
    if (type === 'NodePort' || type === 'LoadBalancer') this.updateNodePorts(svc, old, used);
    if (!needsHealthCheck(old) && needsHealthCheck(svc)) this.allocHealthCheckNodePort(svc, used);
  }

  /** allocClusterIPs gives a Service its address: the requested one if it is free, else the next random one. */
  private allocClusterIPs(svc: Service & KubeObject, used: InUse): void {
    const spec = svc.spec ?? {};
    if (spec.type === 'ExternalName' || spec.clusterIPs?.[0] === 'None') return;
    const requested = spec.clusterIPs?.[0];
    if (!requested) {
      const ip = this.serviceIPs.allocateNext(used.ips, this.random);
      if (ip === undefined) throw statusErrors.internal(`failed to allocate a serviceIP: ${ErrFull}`);
      spec.clusterIPs = [ip, ...(spec.clusterIPs ?? []).slice(1)];
      spec.clusterIP = ip;
      used.ips.add(ipv4ToNumber(ip) ?? 0);
      return;
    }
    const err = this.serviceIPs.allocate(requested, used.ips);
    if (err) throw invalid(svc, [fieldErrors.invalid(['spec', 'clusterIPs'], goStringSlice(spec.clusterIPs), `failed to allocate IP ${requested}: ${err}`)]);
    spec.clusterIP = requested;
    used.ips.add(ipv4ToNumber(requested) ?? 0);
  }

  /** initNodePorts: ports sharing a port number (53/UDP and 53/TCP) share one node port. */
  private initNodePorts(svc: Service & KubeObject, used: InUse): void {
    const ports = svc.spec?.ports ?? [];
    const byServicePort = new Map<number, number>();
    ports.forEach((sp, i) => {
      if (!sp.nodePort && !shouldAllocateNodePorts(svc)) return;
      const path = ['spec', 'ports', i, 'nodePort'];
      const allocated = byServicePort.get(sp.port) ?? 0;
      if (allocated === 0) {
        const requested = findRequestedNodePort(sp.port, ports);
        if (requested !== 0) this.allocatePort(svc, requested, path, used);
        const nodePort = requested !== 0 ? requested : this.nextPort(used, 'a nodePort');
        sp.nodePort = nodePort;
        byServicePort.set(sp.port, nodePort);
      } else if (sp.nodePort !== allocated) {
        if (!sp.nodePort) sp.nodePort = allocated;
        else this.allocatePort(svc, sp.nodePort, path, used);
      }
    });
  }

  /** updateNodePorts keeps the node ports the Service had, allocates new requests and fills in missing ones. */
  private updateNodePorts(svc: Service & KubeObject, old: Service, used: InUse): void {
    const oldNodePorts = collectServiceNodePorts(old);
    const seen = new Set<string>();
    const allocatedNow = new Set<number>();
    (svc.spec?.ports ?? []).forEach((sp, i) => {
      if (!sp.nodePort && !shouldAllocateNodePorts(svc)) return;
      if (sp.nodePort) {
        if (!oldNodePorts.includes(sp.nodePort) && !allocatedNow.has(sp.nodePort)) {
          this.allocatePort(svc, sp.nodePort, ['spec', 'ports', i, 'nodePort'], used);
          allocatedNow.add(sp.nodePort);
        }
      } else {
        sp.nodePort = this.nextPort(used, 'a nodePort');
      }
      const id = `{${sp.protocol ?? ''} ${sp.nodePort}}`;
      if (seen.has(id)) throw statusErrors.internal(`duplicate nodePort: ${id}`);
      seen.add(id);
    });
  }

  /** allocHealthCheckNodePort reserves the requested health-check port or draws one; failures are internal errors. */
  private allocHealthCheckNodePort(svc: Service, used: InUse): void {
    const spec = svc.spec ?? {};
    const requested = spec.healthCheckNodePort ?? 0;
    if (requested === 0) {
      spec.healthCheckNodePort = this.nextPort(used, 'a HealthCheck NodePort 0');
      return;
    }
    const err = this.nodePorts.allocate(requested, used.ports);
    if (err) throw statusErrors.internal(`failed to allocate requested HealthCheck NodePort ${requested}: ${err}`);
    used.ports.add(requested);
  }

  private allocatePort(svc: Service & KubeObject, port: number, path: PathSegment[], used: InUse): void {
    const err = this.nodePorts.allocate(port, used.ports);
    if (err) throw invalid(svc, [fieldErrors.invalid(path, port, err)]);
    used.ports.add(port);
  }

  private nextPort(used: InUse, what: string): number {
    const port = this.nodePorts.allocateNext(used.ports, this.random);
    if (port === undefined) throw statusErrors.internal(`failed to allocate ${what}: ${ErrFull}`);
    used.ports.add(port);
    return port;
  }
}

/**
 * inUse collects what the stored Services hold. On create that is every Service (re-creating one with its own IP is
 * refused as allocated). On update the Service's own addresses are its to keep, while its old node ports stay
 * reserved until the update commits (ReleaseDeferred), so a new draw never lands on them.
 */
function inUse(view: AdmissionView, svc: KubeObject, old: Service | undefined): InUse {
  const used: InUse = { ips: new Set(), ports: new Set() };
  const self = (s: KubeObject) => s.metadata.namespace === svc.metadata.namespace && s.metadata.name === svc.metadata.name;
  for (const stored of view.list('Service')) {
    if (old && self(stored)) continue;
    holdings(stored as unknown as Service, used);
  }
  if (old) for (const port of [...collectServiceNodePorts(old), old.spec?.healthCheckNodePort ?? 0]) if (port) used.ports.add(port);
  return used;
}

function holdings(svc: Service, used: InUse): void {
  const spec = svc.spec ?? {};
  for (const ip of spec.clusterIPs ?? []) {
    const n = ipv4ToNumber(ip);
    if (n !== undefined) used.ips.add(n);
  }
  for (const port of [...collectServiceNodePorts(svc), spec.healthCheckNodePort ?? 0]) if (port) used.ports.add(port);
}

/**
 * initIPFamilyFields for a cluster whose only family is IPv4: the loose pre-validation, the policy checks, and the
 * headless-without-selector case that asks for both families.
 */
function initIPFamilyFields(svc: Service & KubeObject): void {
  const spec = svc.spec ?? {};
  if (spec.type === 'ExternalName') return;
  const pre = validateClusterIPsRelatedFields(svc);
  if (pre.length > 0) throw invalid(svc, pre);
  const errs: FieldError[] = [];
  const policy = spec.ipFamilyPolicy;
  const ips = spec.clusterIPs ?? [];
  const families = (spec.ipFamilies ??= []);
  if (policy === 'SingleStack') {
    if (ips.length === 2) errs.push(fieldErrors.invalid(['spec', 'ipFamilyPolicy'], policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
    if (families.length === 2) errs.push(fieldErrors.invalid(['spec', 'ipFamilyPolicy'], policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
  }
  for (let i = 0; i < ips.length && ips[i] !== 'None'; i++) {
    if (i < families.length) continue;
    const family = familyOf(ips[i]);
    if (family === 'IPv4') families.push(family);
    else errs.push(fieldErrors.invalid(['spec', 'clusterIPs', i], goStringSlice(ips), `${family} is not configured on this cluster`));
  }
  if (errs.length > 0) throw invalid(svc, errs);
  if (spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0) {
    if (families.length === 0) families.push('IPv4');
    if (families.length < 2 && policy !== 'SingleStack') families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
    return;
  }
  if (policy === 'RequireDualStack') errs.push(fieldErrors.invalid(['spec', 'ipFamilyPolicy'], policy, 'this cluster is not configured for dual-stack services'));
  families.forEach((family, i) => {
    if (family !== 'IPv4') errs.push(fieldErrors.invalid(['spec', 'ipFamilies', i], family, 'not configured on this cluster'));
  });
  if (errs.length > 0) throw invalid(svc, errs);
  if (families.length === 0) families.push('IPv4');
}

/** patchAllocatedValues lets a client resubmit its manifest without the values the API server filled in. */
function patchAllocatedValues(svc: Service, old: Service): void {
  const spec = (svc.spec ??= {});
  const oldSpec = old.spec ?? {};
  if (needsClusterIP(old) && needsClusterIP(svc)) {
    if (!spec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (!(spec.clusterIPs ?? []).length && (oldSpec.clusterIPs ?? []).length > 0) spec.clusterIPs = [...(oldSpec.clusterIPs ?? [])];
  }
  if (needsNodePort(old) && needsNodePort(svc)) {
    const newPorts = new Set(collectServiceNodePorts(svc));
    const used = new Set(collectServiceNodePorts(old).filter((p) => newPorts.has(p)));
    // Node ports are matched by port name: the user may have changed every other property of the port.
    const byName = new Map((oldSpec.ports ?? []).map((p) => [p.name ?? '', p.nodePort ?? 0]));
    for (const p of spec.ports ?? []) {
      const oldValue = byName.get(p.name ?? '') ?? 0;
      if (!p.nodePort && oldValue && !used.has(oldValue)) p.nodePort = oldValue;
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(svc) && !spec.healthCheckNodePort) spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
}

/** normalizeClusterIPsForUpdate keeps clusterIP and clusterIPs in step for clients that send only one of them. */
function normalizeClusterIPsForUpdate(svc: Service, old: Service): void {
  const spec = (svc.spec ??= {});
  const oldSpec = old.spec ?? {};
  if ((oldSpec.clusterIPs ?? []).length > 0 && !(spec.clusterIPs ?? []).length && oldSpec.clusterIP === spec.clusterIP) {
    spec.clusterIPs = [...(oldSpec.clusterIPs ?? [])];
  }
  if (oldSpec.clusterIP === spec.clusterIP) return;
  const sameIPs = sameStrings(oldSpec.clusterIPs, spec.clusterIPs);
  if (oldSpec.clusterIP && !spec.clusterIP) {
    if (sameIPs) delete spec.clusterIPs;
  } else if (sameIPs) {
    spec.clusterIPs = [spec.clusterIP ?? ''];
  }
}

/**
 * dropTypeDependentFields clears what the new type has no use for, when the user did not also change it: the cluster
 * IPs of a Service turned ExternalName, node ports of one turned ClusterIP, and the load-balancer status of any
 * Service that is no longer a LoadBalancer.
 */
function dropTypeDependentFields(svc: Service, old: Service): void {
  const spec = (svc.spec ??= {});
  const oldSpec = old.spec ?? {};
  if (needsClusterIP(old) && !needsClusterIP(svc)) {
    if (oldSpec.clusterIP === spec.clusterIP && sameStrings(oldSpec.clusterIPs, spec.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameStrings(oldSpec.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
    if (oldSpec.ipFamilyPolicy === spec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  const oldNodePorts = new Set(collectServiceNodePorts(old));
  if (needsNodePort(old) && !needsNodePort(svc) && collectServiceNodePorts(svc).every((p) => oldNodePorts.has(p))) {
    for (const p of spec.ports ?? []) delete p.nodePort;
  }
  if (needsHealthCheck(old) && !needsHealthCheck(svc) && oldSpec.healthCheckNodePort === spec.healthCheckNodePort) delete spec.healthCheckNodePort;
  if (oldSpec.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts === oldSpec.allocateLoadBalancerNodePorts) {
      delete spec.allocateLoadBalancerNodePorts;
    }
    if (spec.loadBalancerClass === oldSpec.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (externallyAccessible(old) && !externallyAccessible(svc) && oldSpec.externalTrafficPolicy === spec.externalTrafficPolicy) {
    delete spec.externalTrafficPolicy;
  }
  if (spec.type !== 'LoadBalancer' && svc.status) (svc as Writable<Service>).status = { ...svc.status, loadBalancer: {} };
}

const needsClusterIP = (svc: Service) => svc.spec?.type !== 'ExternalName';
const needsNodePort = (svc: Service) => svc.spec?.type === 'NodePort' || svc.spec?.type === 'LoadBalancer';
/** needsHealthCheck is apiservice.NeedsHealthCheck: a LoadBalancer that keeps traffic on the receiving node. */
const needsHealthCheck = (svc: Service) => svc.spec?.type === 'LoadBalancer' && svc.spec.externalTrafficPolicy === 'Local';

/** shouldAllocateNodePorts: NodePort always; LoadBalancer unless allocateLoadBalancerNodePorts is false. */
function shouldAllocateNodePorts(svc: Service): boolean {
  if (svc.spec?.type === 'NodePort') return true;
  return svc.spec?.type === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts !== false;
}

function findRequestedNodePort(port: number, ports: readonly ServicePort[]): number {
  return ports.find((p) => p.port === port && p.nodePort)?.nodePort ?? 0;
}

function collectServiceNodePorts(svc: Service): number[] {
  return (svc.spec?.ports ?? []).map((p) => p.nodePort ?? 0).filter((p) => p !== 0);
}

function familyOf(ip: string): string {
  const bytes = parseIP(ip);
  if (!bytes) return 'unknown';
  return ipv4ToNumber(ip) !== undefined ? 'IPv4' : 'IPv6';
}

function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function invalid(svc: KubeObject, errs: FieldError[]): StatusError {
  return statusErrors.invalid('Service', '', svc.metadata.name ?? '', errs);
}
