// Mirrors the SpreadConstraint / NodeAffinity builders of pkg/scheduler/testing/wrappers.go that the
// PodTopologySpread tests use, on top of the shared PodWrapper.
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { makePod, PodWrapper, type TestNode } from '../../testing/wrappers';

/** SpreadOptions are the optional fields of st.SpreadConstraint (minDomains, policies, matchLabelKeys). */
export interface SpreadOptions {
  minDomains?: number;
  nodeAffinityPolicy?: 'Honor' | 'Ignore';
  nodeTaintsPolicy?: 'Honor' | 'Ignore';
  matchLabelKeys?: string[];
}

/** SpreadPodWrapper adds topology spread, node affinity and owner builders to the PodWrapper. */
export class SpreadPodWrapper extends PodWrapper {
  spreadConstraint(
    maxSkew: number,
    topologyKey: string,
    whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway',
    labelSelector: LabelSelector | undefined,
    opts: SpreadOptions = {},
  ): this {
    const spec = this.pod.spec!;
    spec.topologySpreadConstraints = [
      ...(spec.topologySpreadConstraints ?? []),
      { maxSkew, topologyKey, whenUnsatisfiable, labelSelector, ...opts },
    ];
    return this;
  }
  /** nodeAffinityIn adds a required node affinity term `key In values`. */
  nodeAffinityIn(key: string, values: string[]): this {
    return this.nodeAffinity(key, 'In', values);
  }
  /** nodeAffinityNotIn adds a required node affinity term `key NotIn values`. */
  nodeAffinityNotIn(key: string, values: string[]): this {
    return this.nodeAffinity(key, 'NotIn', values);
  }
  private nodeAffinity(key: string, operator: string, values: string[]): this {
    this.pod.spec!.affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key, operator, values }] }],
        },
      },
    };
    return this;
  }
  /** ownerReference sets a controller owner reference, as st.MakePod().OwnerReference(). */
  ownerReference(name: string, apiVersion: string, kind: string): this {
    this.pod.metadata.ownerReferences = [{ apiVersion, kind, name, uid: `uid-${name}`, controller: true }];
    return this;
  }
}

/** spreadPod starts a SpreadPodWrapper named `name`. */
export function spreadPod(name: string): SpreadPodWrapper {
  return new SpreadPodWrapper().name(name);
}

/**
 * node builds a Node with exactly the given labels (st.MakeNode().Name().Label()...: no hostname label unless
 * given) and taints.
 */
export function node(name: string, labels: Record<string, string>, taints?: Taint[]): TestNode {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, labels },
    spec: taints ? { taints } : {},
    status: {},
  };
}

/** existsSelector is st.MakeLabelSelector().Exists(key).Obj(). */
export function existsSelector(key: string): LabelSelector {
  return { matchExpressions: [{ key, operator: 'Exists' }] };
}

/** unschedulableTaints is the taint list the upstream tests put on tainted nodes. */
export const unschedulableTaints: Taint[] = [{ key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' }];

/** existing is an assigned pod on nodeName with the given labels (default `foo: ""`) and namespace. */
export function existing(name: string, nodeName: string, labels: Record<string, string> = { foo: '' }, ns?: string): Pod {
  const w = makePod().name(name).node(nodeName);
  for (const [k, v] of Object.entries(labels)) w.label(k, v);
  if (ns) w.namespace(ns);
  return w.obj();
}

/** zoneNodes are node-a, node-b in zone1 and node-x, node-y in zone2, each with a `node` label. */
export function zoneNodes(): Node[] {
  return [
    node('node-a', { zone: 'zone1', node: 'node-a' }),
    node('node-b', { zone: 'zone1', node: 'node-b' }),
    node('node-x', { zone: 'zone2', node: 'node-x' }),
    node('node-y', { zone: 'zone2', node: 'node-y' }),
  ];
}

/** spread2103 spreads pods matching `foo` over node-a/b/x/y as 2/1/0/3. */
export function spread2103(): Pod[] {
  return [
    existing('p-a1', 'node-a'),
    existing('p-a2', 'node-a'),
    existing('p-b1', 'node-b'),
    existing('p-y1', 'node-y'),
    existing('p-y2', 'node-y'),
    existing('p-y3', 'node-y'),
  ];
}
