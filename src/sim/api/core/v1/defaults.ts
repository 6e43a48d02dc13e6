// Mirrors pkg/apis/core/v1/defaults.go and the declarative defaults of zz_generated.defaults.go (container port
// protocol, gRPC probe service, replicas). Leaves out SetDefaults_ResourceList (rounding to milli units), image
// volumes, pod-level resource defaults (PodLevelResources), LimitRange, PersistentVolume, the cloud volume sources, and
// SetDefaults_ConfigMap (its empty data map is omitted on the wire, so it never shows).
import type {
  Container,
  Endpoints,
  Namespace,
  Node,
  PersistentVolumeClaim,
  PersistentVolumeClaimSpec,
  PersistentVolumeClaimStatus,
  Pod,
  PodSpec,
  PodTemplateSpec,
  Probe,
  ReplicationController,
  Secret,
  Service,
  Volume,
} from 'kubernetes-types/core/v1';
import { imageTag } from './imageName';

/** DefaultTerminationGracePeriodSeconds is v1.DefaultTerminationGracePeriodSeconds. */
export const DefaultTerminationGracePeriodSeconds = 30;
/** DefaultSchedulerName is v1.DefaultSchedulerName. */
export const DefaultSchedulerName = 'default-scheduler';
/** DefaultClientIPServiceAffinitySeconds is v1.DefaultClientIPServiceAffinitySeconds (3 hours). */
export const DefaultClientIPServiceAffinitySeconds = 10800;
/** LabelMetadataName is the label every namespace carries with its own name. */
export const LabelMetadataName = 'kubernetes.io/metadata.name';
/** Default file modes of projected volumes: 0644, as JSON prints it. */
const DefaultVolumeMode = 0o644;
const DefaultServiceAccountTokenExpirationSeconds = 3600;

/** The two lists a pod's containers are in, in the order SetDefaults_Pod walks them. */
const CONTAINER_LISTS = ['containers', 'initContainers'] as const;

/** setDefaultsPod is SetObjectDefaults_Pod: SetDefaults_Pod, then the pod spec, volumes and containers. */
export function setDefaultsPod(pod: Pod): void {
  const spec = (pod.spec ??= { containers: [] });
  // Requests default to limits only on a Pod, never on a template (see SetDefaults_Pod's comment).
  for (const list of CONTAINER_LISTS) {
    const containers = spec[list] ?? [];
    for (let i = 0; i < containers.length; i++) {
      const limits = containers[i]!.resources?.limits;
      if (!limits || !lacksRequests(containers[i]!)) continue;
      const requests = (writableContainer(spec, list, i).resources!.requests ??= {});
      for (const name of Object.keys(limits)) if (!(name in requests)) requests[name] = limits[name]!;
    }
  }
  spec.enableServiceLinks ??= true;
  if (spec.hostNetwork) {
    for (const list of CONTAINER_LISTS) {
      const containers = spec[list] ?? [];
      for (let i = 0; i < containers.length; i++) {
        if (!(containers[i]!.ports ?? []).some((p) => !p.hostPort)) continue;
        for (const p of writableContainer(spec, list, i).ports!) if (!p.hostPort) p.hostPort = p.containerPort;
      }
    }
  }
  // The parts a pod shares with its stored template were defaulted by this same tree when the template was
  // stored, so the tree finds nothing to write in them.
  setDefaultsPodSpecTree(spec);
}

/** lacksRequests: the container limits a resource it does not request, which SetDefaults_Pod fills in. */
function lacksRequests(c: Container): boolean {
  const { limits, requests } = c.resources!;
  if (!requests) return true;
  for (const name of Object.keys(limits!)) if (!(name in requests)) return true;
  return false;
}

/**
 * writableContainer returns spec[list][i] ready to change. A pod made from a stored template shares the template's
 * frozen containers (getPodFromTemplate); the first change copies the list and that container.
 */
function writableContainer(spec: PodSpec, list: (typeof CONTAINER_LISTS)[number], i: number): Container {
  let containers = spec[list]!;
  if (Object.isFrozen(containers)) spec[list] = containers = [...containers];
  let c = containers[i]!;
  if (Object.isFrozen(c)) containers[i] = c = structuredClone(c);
  return c;
}

/** setDefaultsPodTemplateSpec is what every workload's generated defaulter applies to its pod template. */
export function setDefaultsPodTemplateSpec(template: PodTemplateSpec | undefined): void {
  if (!template) return;
  setDefaultsPodSpecTree((template.spec ??= { containers: [] }));
}

function setDefaultsPodSpecTree(spec: PodSpec): void {
  setDefaultsPodSpec(spec);
  for (const v of spec.volumes ?? []) setDefaultsVolume(v);
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) setDefaultsContainer(c);
}

/** setDefaultsPodSpec is SetDefaults_PodSpec. */
export function setDefaultsPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= DefaultTerminationGracePeriodSeconds;
  spec.schedulerName ||= DefaultSchedulerName;
}

/** setDefaultsContainer is SetDefaults_Container plus the generated defaults of its ports, env, probes and hooks. */
export function setDefaultsContainer(c: Container): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  // Resources is a struct, not a pointer, in the Go type: the API server always returns it, if only as {}.
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ||= 'TCP';
  for (const e of c.env ?? []) {
    const fieldRef = e.valueFrom?.fieldRef;
    if (fieldRef) fieldRef.apiVersion ||= 'v1';
  }
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe) setDefaultsProbe(probe);
  for (const hook of [c.lifecycle?.postStart, c.lifecycle?.preStop]) {
    if (hook?.httpGet) setDefaultsHTTPGetAction(hook.httpGet);
  }
}

/** setDefaultsProbe is SetDefaults_Probe with the handler defaults (HTTPGetAction path and scheme, gRPC service). */
export function setDefaultsProbe(p: Probe): void {
  p.timeoutSeconds ||= 1;
  p.periodSeconds ||= 10;
  p.successThreshold ||= 1;
  p.failureThreshold ||= 3;
  if (p.httpGet) setDefaultsHTTPGetAction(p.httpGet);
  if (p.grpc) p.grpc.service ??= '';
}

function setDefaultsHTTPGetAction(action: { path?: string; scheme?: string }): void {
  action.path ||= '/';
  action.scheme ||= 'HTTP';
}

const VOLUME_SOURCES = [
  'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'configMap', 'csi', 'downwardAPI', 'emptyDir',
  'ephemeral', 'fc', 'flexVolume', 'flocker', 'gcePersistentDisk', 'gitRepo', 'glusterfs', 'hostPath', 'image', 'iscsi',
  'nfs', 'persistentVolumeClaim', 'photonPersistentDisk', 'portworxVolume', 'projected', 'quobyte', 'rbd', 'scaleIO',
  'secret', 'storageos', 'vsphereVolume',
] as const;

/** volumeSourceNames lists the volume sources a volume sets (exactly one is valid). */
export function volumeSourceNames(v: Volume): string[] {
  const record = v as unknown as Record<string, unknown>;
  return VOLUME_SOURCES.filter((name) => record[name] !== undefined && record[name] !== null);
}

/** setDefaultsVolume is SetDefaults_Volume and the defaults of the volume sources Kubeplay knows. */
export function setDefaultsVolume(v: Volume): void {
  if (volumeSourceNames(v).length === 0) v.emptyDir = {};
  if (v.hostPath) v.hostPath.type ??= '';
  if (v.secret) v.secret.defaultMode ??= DefaultVolumeMode;
  if (v.configMap) v.configMap.defaultMode ??= DefaultVolumeMode;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= DefaultVolumeMode;
    for (const item of v.downwardAPI.items ?? []) if (item.fieldRef) item.fieldRef.apiVersion ||= 'v1';
  }
  if (v.projected) {
    v.projected.defaultMode ??= DefaultVolumeMode;
    for (const source of v.projected.sources ?? []) {
      for (const item of source.downwardAPI?.items ?? []) if (item.fieldRef) item.fieldRef.apiVersion ||= 'v1';
      if (source.serviceAccountToken) source.serviceAccountToken.expirationSeconds ??= DefaultServiceAccountTokenExpirationSeconds;
    }
  }
  if (v.ephemeral?.volumeClaimTemplate) setDefaultsPersistentVolumeClaimSpec(v.ephemeral.volumeClaimTemplate.spec);
}

/** setDefaultsReplicationController is SetObjectDefaults_ReplicationController. */
export function setDefaultsReplicationController(rc: ReplicationController): void {
  const spec = (rc.spec ??= {});
  const labels = spec.template?.metadata?.labels;
  if (labels) {
    if (!spec.selector || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    if (!rc.metadata?.labels || Object.keys(rc.metadata.labels).length === 0) {
      rc.metadata = { ...rc.metadata, labels: { ...labels } };
    }
  }
  spec.replicas ??= 1;
  setDefaultsPodTemplateSpec(spec.template);
}

/** externallyAccessible is pkg/api/v1/service ExternallyAccessible. */
export function externallyAccessible(svc: Service): boolean {
  const type = svc.spec?.type;
  return type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && (svc.spec?.externalIPs ?? []).length > 0);
}

/**
 * setDefaultsService is SetDefaults_Service, plus what the Service REST strategy and IP allocator fill in before
 * an address is allocated: clusterIPs follows clusterIP (NormalizeClusterIPs) and a single-stack IPv4 cluster's
 * ipFamilyPolicy and ipFamilies (initIPFamilyFields). The address itself is the allocator's business.
 */
export function setDefaultsService(svc: Service): void {
  const spec = (svc.spec ??= {});
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DefaultClientIPServiceAffinitySeconds } };
  }
  spec.type ||= 'ClusterIP';
  for (const p of spec.ports ?? []) {
    p.protocol ||= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(svc) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.internalTrafficPolicy === undefined && ['ClusterIP', 'NodePort', 'LoadBalancer'].includes(spec.type)) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  normalizeClusterIPs(svc);
  if (spec.type !== 'ExternalName') {
    const headlessWithoutSelector = spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0;
    // Headless services without a selector may carry endpoints of both families (alloc.go initIPFamilyFields).
    spec.ipFamilyPolicy ??= headlessWithoutSelector ? 'RequireDualStack' : 'SingleStack';
    if (!(spec.ipFamilies ?? []).length) spec.ipFamilies = ['IPv4'];
  }
}

/** normalizeClusterIPs is NormalizeClusterIPs for a create: a client that sets only clusterIP gets clusterIPs too. */
export function normalizeClusterIPs(svc: Service): void {
  const spec = svc.spec;
  if (spec?.clusterIP && !(spec.clusterIPs ?? []).length) spec.clusterIPs = [spec.clusterIP];
}

/** setDefaultsNamespace is SetObjectDefaults_Namespace: the name label and phase Active. */
export function setDefaultsNamespace(ns: Namespace): void {
  const name = ns.metadata?.name;
  if (name) ns.metadata = { ...ns.metadata, labels: { ...ns.metadata?.labels, [LabelMetadataName]: name } };
  const status = (ns.status ??= {});
  status.phase ||= 'Active';
}

/** setDefaultsNode is SetObjectDefaults_Node: allocatable defaults to capacity. */
export function setDefaultsNode(node: Node): void {
  const status = node.status;
  if (status?.capacity && !status.allocatable) status.allocatable = { ...status.capacity };
}

/** setDefaultsSecret is SetDefaults_Secret, plus the v1 conversion that folds stringData into data (base64). */
export function setDefaultsSecret(secret: Secret): void {
  secret.type ||= 'Opaque';
  if (secret.stringData) {
    const data = (secret.data ??= {});
    for (const [key, value] of Object.entries(secret.stringData)) data[key] = base64(value);
    delete secret.stringData;
  }
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** setDefaultsEndpoints is SetDefaults_Endpoints: port protocol TCP. */
export function setDefaultsEndpoints(ep: Endpoints): void {
  for (const subset of ep.subsets ?? []) for (const p of subset.ports ?? []) p.protocol ||= 'TCP';
}

/** setDefaultsPersistentVolumeClaim is SetObjectDefaults_PersistentVolumeClaim: phase Pending, volumeMode Filesystem. */
export function setDefaultsPersistentVolumeClaim(pvc: PersistentVolumeClaim): void {
  const status = ((pvc as { status?: PersistentVolumeClaimStatus }).status ??= {});
  status.phase ||= 'Pending';
  setDefaultsPersistentVolumeClaimSpec((pvc.spec ??= {}));
}

/** setDefaultsPersistentVolumeClaimSpec is SetDefaults_PersistentVolumeClaimSpec. */
export function setDefaultsPersistentVolumeClaimSpec(spec: PersistentVolumeClaimSpec): void {
  spec.volumeMode ||= 'Filesystem';
}
