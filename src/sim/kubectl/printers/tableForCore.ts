// Mirrors the core/v1 printers of pkg/printers/internalversion/printers.go (printNode, printNamespace, printService,
// printEndpoints, printConfigMap, printSecret, printServiceAccount, printPersistentVolumeClaim,
// printReplicationController); leaves out PersistentVolumes and ComponentStatus, which Kubeplay does not serve.
import type {
  ConfigMap,
  Endpoints,
  Namespace,
  Node,
  PersistentVolumeClaim,
  ReplicationController,
  Secret,
  Service,
  ServiceAccount,
} from 'kubernetes-types/core/v1';
import { AGE, CONTAINERS, IMAGES, NAME, SELECTOR, age, formatLabels, layoutContainerCells, tableHandler } from './table';

const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_LABEL_ROLE = 'kubernetes.io/role';

/** nodeTable: STATUS is Ready/NotReady/Unknown plus SchedulingDisabled; ROLES from node-role labels. */
export const nodeTable = tableHandler<Node>(
  [
    NAME,
    { name: 'Status' },
    { name: 'Roles' },
    AGE,
    { name: 'Version' },
    { name: 'Internal-IP', priority: 1 },
    { name: 'External-IP', priority: 1 },
    { name: 'OS-Image', priority: 1 },
    { name: 'Kernel-Version', priority: 1 },
    { name: 'Container-Runtime', priority: 1 },
  ],
  (node, now) => {
    const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop();
    const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
    if (node.spec?.unschedulable) status.push('SchedulingDisabled');
    const roles = new Set<string>();
    for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
      if (key.startsWith(LABEL_NODE_ROLE_PREFIX) && key.length > LABEL_NODE_ROLE_PREFIX.length) roles.add(key.slice(LABEL_NODE_ROLE_PREFIX.length));
      else if (key === NODE_LABEL_ROLE && value !== '') roles.add(value);
    }
    const address = (type: string) => node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
    const info = node.status?.nodeInfo;
    return [
      node.metadata.name ?? '',
      status.join(','),
      roles.size === 0 ? '<none>' : [...roles].sort().join(','),
      age(node, now),
      info?.kubeletVersion ?? '',
      address('InternalIP'),
      address('ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
);

export const namespaceTable = tableHandler<Namespace>([NAME, { name: 'Status' }, AGE], (ns, now) => [
  ns.metadata.name ?? '',
  ns.status?.phase ?? '',
  age(ns, now),
]);

/** serviceTable: CLUSTER-IP, EXTERNAL-IP (<none>, <pending>, LB addresses) and PORT(S) as kubectl prints them. */
export const serviceTable = tableHandler<Service>(
  [NAME, { name: 'Type' }, { name: 'Cluster-IP' }, { name: 'External-IP' }, { name: 'Port(s)' }, AGE, SELECTOR],
  (svc, now) => {
    const ports = (svc.spec?.ports ?? [])
      .map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`))
      .join(',');
    return [
      svc.metadata.name ?? '',
      svc.spec?.type ?? '',
      svc.spec?.clusterIPs?.[0] ?? '<none>',
      externalIP(svc),
      ports || '<none>',
      age(svc, now),
      formatLabels(svc.spec?.selector),
    ];
  },
);

/**
 * loadBalancerAddresses is loadBalancerStatusStringer: sorted unique IPs or hostnames. Upstream clips them to 16
 * characters outside -o wide, but the API server always builds tables as wide, so kubectl never shows the clip.
 */
export function loadBalancerAddresses(ingress: readonly { ip?: string; hostname?: string }[] | undefined): string {
  const set = new Set<string>();
  for (const i of ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(',');
}

function externalIP(svc: Service): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(svc.status?.loadBalancer?.ingress);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** endpointsTable: the first three ip:port pairs, then ` + N more...`. */
export const endpointsTable = tableHandler<Endpoints>([NAME, { name: 'Endpoints' }, AGE], (ep, now) => [
  ep.metadata.name ?? '',
  formatEndpoints(ep),
  age(ep, now),
]);

function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    // Headless services may have no ports: list bare IPs.
    const ports = ss.ports && ss.ports.length > 0 ? ss.ports.map((p) => p.port) : [undefined];
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(port === undefined ? a.ip : a.ip.includes(':') ? `[${a.ip}]:${port}` : `${a.ip}:${port}`);
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

export const configMapTable = tableHandler<ConfigMap>([NAME, { name: 'Data' }, AGE], (cm, now) => [
  cm.metadata.name ?? '',
  Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
  age(cm, now),
]);

export const secretTable = tableHandler<Secret>([NAME, { name: 'Type' }, { name: 'Data' }, AGE], (secret, now) => [
  secret.metadata.name ?? '',
  secret.type ?? '',
  Object.keys(secret.data ?? {}).length,
  age(secret, now),
]);

export const serviceAccountTable = tableHandler<ServiceAccount>([NAME, { name: 'Secrets' }, AGE], (sa, now) => [
  sa.metadata.name ?? '',
  (sa.secrets ?? []).length,
  age(sa, now),
]);

/** persistentVolumeClaimTable: CAPACITY and ACCESS MODES only once bound to a volume. */
export const persistentVolumeClaimTable = tableHandler<PersistentVolumeClaim>(
  [
    NAME,
    { name: 'Status' },
    { name: 'Volume' },
    { name: 'Capacity' },
    { name: 'Access Modes' },
    { name: 'StorageClass' },
    { name: 'VolumeAttributesClass' },
    AGE,
    { name: 'VolumeMode', priority: 1 },
  ],
  (pvc, now) => {
    const bound = Boolean(pvc.spec?.volumeName);
    return [
      pvc.metadata.name ?? '',
      pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      pvc.spec?.volumeName ?? '',
      bound ? (pvc.status?.capacity?.storage ?? '') : '',
      bound ? accessModes(pvc.status?.accessModes) : '',
      pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '',
      pvc.spec?.volumeAttributesClassName ?? '<unset>',
      age(pvc, now),
      pvc.spec?.volumeMode ?? '<unset>',
    ];
  },
);

/** accessModes is GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, each once. */
function accessModes(modes: readonly string[] | undefined): string {
  const short: [string, string][] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return short
    .filter(([mode]) => (modes ?? []).includes(mode))
    .map(([, s]) => s)
    .join(',');
}

export const replicationControllerTable = tableHandler<ReplicationController>(
  [NAME, { name: 'Desired' }, { name: 'Current' }, { name: 'Ready' }, AGE, CONTAINERS, IMAGES, SELECTOR],
  (rc, now) => {
    const [names, images] = layoutContainerCells(rc.spec?.template?.spec?.containers);
    return [
      rc.metadata.name ?? '',
      rc.spec?.replicas ?? 1,
      rc.status?.replicas ?? 0,
      rc.status?.readyReplicas ?? 0,
      age(rc, now),
      names,
      images,
      formatLabels(rc.spec?.selector),
    ];
  },
);
