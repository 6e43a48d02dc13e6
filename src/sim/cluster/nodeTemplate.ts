import type { Node, Taint } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../api/resource/quantity';
import type { KubeObject } from '../api/object';

/** NodeOptions describes one simulated machine as a user asks for it. */
export interface NodeOptions {
  name: string;
  /** CPU capacity, e.g. `4` or `3500m`. Default 4. */
  cpu?: string;
  /** Memory capacity, e.g. `8Gi`. Default 8Gi. */
  memory?: string;
  /** Maximum pods (kubelet --max-pods). Default 110. */
  pods?: number;
  labels?: Record<string, string>;
  taints?: Taint[];
  /** A kubeadm control-plane node: role label and the NoSchedule control-plane taint. */
  controlPlane?: boolean;
  /** Internal IP; default assigned in registration order from 172.18.0.2 (kind's docker network). */
  internalIP?: string;
}

/** KUBELET_VERSION is the version every simulated kubelet reports. */
export const KUBELET_VERSION = 'v1.35.0';

/** The kubelet's default hard eviction threshold memory.available<100Mi is withheld from allocatable. */
const EVICTION_HARD_MEMORY_BYTES = 100 * 1024 * 1024;

/**
 * nodeObject builds the Node a kubelet registers: kubeadm's well-known labels (and their deprecated `beta.` forms,
 * which old manifests such as Sock Shop still select on), capacity and allocatable, and node info.
 */
export function nodeObject(opts: NodeOptions, index: number, now: string): Node & KubeObject {
  const cpu = opts.cpu ?? '4';
  const memory = opts.memory ?? '8Gi';
  const pods = String(opts.pods ?? 110);
  const memoryBytes = parseQuantity(memory).value();
  const allocatableMemory = `${Math.floor(Math.max(0, memoryBytes - EVICTION_HARD_MEMORY_BYTES) / 1024)}Ki`;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': opts.name,
    'kubernetes.io/os': 'linux',
    ...(opts.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
    ...opts.labels,
  };
  const taints: Taint[] = [
    ...(opts.controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : []),
    ...(opts.taints ?? []),
  ];
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: opts.name, labels },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      ...(taints.length > 0 ? { taints } : {}),
    },
    status: {
      capacity: { cpu, memory, pods, 'ephemeral-storage': '100Gi' },
      allocatable: { cpu, memory: allocatableMemory, pods, 'ephemeral-storage': '100Gi' },
      addresses: [
        { type: 'InternalIP', address: opts.internalIP ?? `172.18.0.${index + 2}` },
        { type: 'Hostname', address: opts.name },
      ],
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://2.1.1',
        kernelVersion: '6.8.0-kubeplay',
        kubeProxyVersion: KUBELET_VERSION,
        kubeletVersion: KUBELET_VERSION,
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '',
      },
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', now),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', now),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', now),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', now),
      ],
      images: [],
    },
  };
}

/** DEFAULT_NODES: one kubeadm control-plane node and three workers, as a small real cluster has. */
export const DEFAULT_NODES: readonly NodeOptions[] = [
  { name: 'control-plane', cpu: '2', memory: '4Gi', controlPlane: true },
  { name: 'node-1', cpu: '4', memory: '8Gi' },
  { name: 'node-2', cpu: '4', memory: '8Gi' },
  { name: 'node-3', cpu: '4', memory: '8Gi' },
];

function condition(type: string, status: string, reason: string, message: string, now: string) {
  return { type, status, reason, message, lastHeartbeatTime: now, lastTransitionTime: now };
}
