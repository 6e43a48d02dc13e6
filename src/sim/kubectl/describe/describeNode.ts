// Mirrors k8s.io/kubectl/pkg/describe/describe.go NodeDescriber.Describe, describeNode and describeNodeLease; leaves
// out Node-Local ResourceSlices (the simulation has no DRA drivers).
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { statusErrors } from '../../api/statusError';
import type { DescriberSettings } from './describer';
import { describeEvents, refOf, searchEvents } from './eventsTable';
import { byteOrder, findNodeRoles, printAnnotationsMultiline, printLabelsMultiline, printNodeTaintsMultiline } from './multiline';
import { describeNodeResource } from './nodeResources';
import { quantityString } from './containers';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter';
import { rfc1123z } from './timestamps';

type NodeObject = Node & KubeObject;

/** NAMESPACE_NODE_LEASE holds one Lease per node, renewed by its kubelet. */
const NAMESPACE_NODE_LEASE = 'kube-node-lease';

export function describeNode(obj: KubeObject, settings: DescriberSettings): string {
  const node = obj as NodeObject;
  const name = node.metadata.name ?? '';
  // Pods bound to the node that still hold resources, in every namespace.
  const pods = settings.client.list<Pod & KubeObject>('Pod', {
    fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`,
  });
  // Controllers record node events with the node's uid, the kubelet with its name as uid: search both.
  const events = settings.showEvents
    ? [...searchEvents(settings.client, refOf(node)), ...searchEvents(settings.client, { ...refOf(node), uid: name })]
    : undefined;
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`);
    const roles = findNodeRoles(node.metadata.labels);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    printNodeTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
    describeNodeLease(settings, name, w);
    if (status.conditions && status.conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of status.conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const address of status.addresses ?? []) w.write(LEVEL_1, `${address.type}:\t${address.address}\n`);
    printResourceList(w, 'Capacity', status.capacity);
    printResourceList(w, 'Allocatable', status.allocatable);
    const info = status.nodeInfo;
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if (spec.podCIDRs && spec.podCIDRs.length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    describeNodeResource(pods, node, w, settings.now);
    if (events) describeEvents(events, w, settings.now);
  });
}

function printResourceList(w: PrefixWriter, title: string, list: Readonly<Record<string, string | number>> | undefined): void {
  const names = Object.keys(list ?? {}).sort(byteOrder);
  if (names.length === 0) return;
  w.write(LEVEL_0, `${title}:\n`);
  for (const name of names) w.write(LEVEL_0, `  ${name}:\t${quantityString(list![name])}\n`);
}

/** describeNodeLease prints the node's heartbeat Lease: holder, acquire and renew times. */
function describeNodeLease(settings: DescriberSettings, name: string, w: PrefixWriter): void {
  const lease = settings.client.get<Lease & KubeObject>('Lease', NAMESPACE_NODE_LEASE, name);
  if (!lease) {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: ${statusErrors.notFound('leases', 'coordination.k8s.io', name).message}\n`);
    return;
  }
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
}
