// Mirrors NodeToStatus, Diagnosis and FitError of pkg/scheduler/framework/types.go and
// k8s.io/kube-scheduler/framework/interface.go; leaves out extenders.
import type { Pod } from 'kubernetes-types/core/v1';
import { Code, Status, newStatus, statusCode, type NodeInfoLister } from './interface';
import type { NodeInfo } from './nodeInfo';

/** NodeToStatusReader is a read-only interface of NodeToStatus passed to each PostFilter plugin. */
export interface NodeToStatusReader {
  /** get returns the status for the node; nodes absent from the map get the absentNodesStatus. */
  get(nodeName: string): Status;
  /**
   * nodesForStatusCode returns the NodeInfos of the nodes that have the given status code, including the
   * matching nodes denoted by absentNodesStatus.
   */
  nodesForStatusCode(nodeLister: NodeInfoLister, code: Code): NodeInfo[];
}

/**
 * NodeToStatus contains the statuses of the nodes that were rejected in PreFilter (via PreFilterResult) or
 * Filter, and one status for every node absent from the map (by default UnschedulableAndUnresolvable).
 */
export class NodeToStatus implements NodeToStatusReader {
  private readonly nodeToStatus = new Map<string, Status>();
  private absentNodesStatus: Status;

  constructor(absentNodesStatus: Status = newStatus(Code.UnschedulableAndUnresolvable)) {
    this.absentNodesStatus = absentNodesStatus;
  }

  get(nodeName: string): Status {
    return this.nodeToStatus.get(nodeName) ?? this.absentNodesStatus;
  }

  set(nodeName: string, status: Status): void {
    this.nodeToStatus.set(nodeName, status);
  }

  /** len returns the number of nodes with an explicit status. */
  len(): number {
    return this.nodeToStatus.size;
  }

  getAbsentNodesStatus(): Status {
    return this.absentNodesStatus;
  }

  setAbsentNodesStatus(status: Status): void {
    this.absentNodesStatus = status;
  }

  /** forEachExplicitNode runs fn for each node whose status was set explicitly, in insertion order. */
  forEachExplicitNode(fn: (nodeName: string, status: Status) => void): void {
    for (const [name, status] of this.nodeToStatus) fn(name, status);
  }

  nodesForStatusCode(nodeLister: NodeInfoLister, code: Code): NodeInfo[] {
    if (statusCode(this.absentNodesStatus) === code) {
      const all = nodeLister.list();
      if (this.len() === 0) return all;
      return all.filter((n) => statusCode(this.get(n.nodeName())) === code);
    }
    const out: NodeInfo[] = [];
    for (const [name, status] of this.nodeToStatus) {
      if (statusCode(status) !== code) continue;
      const ni = nodeLister.get(name);
      if (ni) out.push(ni);
    }
    return out;
  }
}

/** Diagnosis records the details to diagnose a scheduling failure. */
export class Diagnosis {
  /** nodeToStatus records the status of the nodes rejected in PreFilter or Filter. */
  nodeToStatus = new NodeToStatus();
  /** unschedulablePlugins are plugins that returned Unschedulable or UnschedulableAndUnresolvable. */
  unschedulablePlugins = new Set<string>();
  /** pendingPlugins are plugins that returned Pending. */
  pendingPlugins = new Set<string>();
  /** preFilterMsg records the messages returned from PreFilter plugins. */
  preFilterMsg = '';
  /** postFilterMsg records the messages returned from PostFilter plugins. */
  postFilterMsg = '';

  /** addPluginStatus records the plugin of a rejecting or pending status. */
  addPluginStatus(sts: Status): void {
    if (sts.plugin === '') return;
    if (sts.isRejected()) this.unschedulablePlugins.add(sts.plugin);
    if (sts.code === Code.Pending) this.pendingPlugins.add(sts.plugin);
  }
}

/** NoNodeAvailableMsg is used to format message when no nodes available. */
export function noNodeAvailableMsg(numAllNodes: number): string {
  return `0/${numAllNodes} nodes are available`;
}

/** compareStrings orders strings by UTF-16 code units, which equals Go's sort.Strings byte order for ASCII. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** FitError describes a fit error of a pod. */
export class FitError {
  constructor(
    readonly pod: Pod,
    readonly numAllNodes: number,
    readonly diagnosis: Diagnosis,
  ) {}

  /**
   * The message format is "0/X nodes are available: <PreFilterMsg>. <FilterMsg>. <PostFilterMsg>". The filter
   * part is a histogram "<count> <reason>" sorted as strings (so "10 x" sorts before "2 y"). The PostFilter
   * message (preemption) brings its own final period.
   */
  error(): string {
    let reasonMsg = `${noNodeAvailableMsg(this.numAllNodes)}:`;
    const d = this.diagnosis;
    if (d.preFilterMsg !== '') {
      reasonMsg += ` ${d.preFilterMsg}.`;
    } else {
      // When PreFilter rejects, every node carries the same status, so the histogram would only repeat it.
      const reasons = new Map<string, number>();
      d.nodeToStatus.forEachExplicitNode((_, status) => {
        for (const r of status.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
      });
      const explicit = d.nodeToStatus.len();
      if (explicit < this.numAllNodes) {
        for (const r of d.nodeToStatus.getAbsentNodesStatus().reasons) {
          reasons.set(r, (reasons.get(r) ?? 0) + this.numAllNodes - explicit);
        }
      }
      const histogram = [...reasons].map(([reason, n]) => `${n} ${reason}`).sort(compareStrings);
      if (histogram.length > 0) reasonMsg += ` ${histogram.join(', ')}.`;
    }
    if (d.postFilterMsg !== '') reasonMsg += ` ${d.postFilterMsg}`;
    return reasonMsg;
  }
}
