// Mirrors the PodAffinity* / PodAntiAffinity* builders of pkg/scheduler/testing/wrappers.go (required terms)
// that the InterPodAffinity tests use, on top of the shared PodWrapper.
import type { Namespace, PodAffinityTerm } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/object';
import { PodWrapper, type TestNode } from '../../testing/wrappers';

type Operator = 'In' | 'NotIn' | 'Exists';

/** AffinityPodWrapper adds required pod (anti-)affinity builders to the PodWrapper. */
export class AffinityPodWrapper extends PodWrapper {
  /** labels sets all labels at once, as st.MakePod().Labels(). */
  labels(labels: Record<string, string>): this {
    this.pod.metadata.labels = { ...labels };
    return this;
  }
  podAffinityIn(key: string, topologyKey: string, values: string[]): this {
    return this.term('podAffinity', key, topologyKey, 'In', values);
  }
  podAffinityNotIn(key: string, topologyKey: string, values: string[]): this {
    return this.term('podAffinity', key, topologyKey, 'NotIn', values);
  }
  podAffinityExists(key: string, topologyKey: string): this {
    return this.term('podAffinity', key, topologyKey, 'Exists');
  }
  podAntiAffinityIn(key: string, topologyKey: string, values: string[]): this {
    return this.term('podAntiAffinity', key, topologyKey, 'In', values);
  }
  podAntiAffinityNotIn(key: string, topologyKey: string, values: string[]): this {
    return this.term('podAntiAffinity', key, topologyKey, 'NotIn', values);
  }
  podAntiAffinityExists(key: string, topologyKey: string): this {
    return this.term('podAntiAffinity', key, topologyKey, 'Exists');
  }
  /** requiredTerms appends raw required terms, as createPodWithAffinityTerms. */
  requiredTerms(kind: 'podAffinity' | 'podAntiAffinity', terms: PodAffinityTerm[]): this {
    const affinity = (this.pod.spec!.affinity ??= {});
    const section = (affinity[kind] ??= {});
    section.requiredDuringSchedulingIgnoredDuringExecution = [...(section.requiredDuringSchedulingIgnoredDuringExecution ?? []), ...terms];
    return this;
  }
  private term(kind: 'podAffinity' | 'podAntiAffinity', key: string, topologyKey: string, operator: Operator, values?: string[]): this {
    const expr = values ? { key, operator, values } : { key, operator };
    return this.requiredTerms(kind, [{ labelSelector: { matchExpressions: [expr] }, topologyKey }]);
  }
}

/** affinityPod starts an AffinityPodWrapper (name optional, as many upstream test pods have none). */
export function affinityPod(name = ''): AffinityPodWrapper {
  const w = new AffinityPodWrapper();
  return name ? w.name(name) : w;
}

/** labelledNode builds a Node with exactly the given labels. */
export function labelledNode(name: string, labels: Record<string, string>): TestNode {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, uid: `uid-${name}`, labels }, spec: {}, status: {} };
}

/** namespace builds a Namespace object with labels. */
export function namespace(name: string, labels: Record<string, string> = {}): Namespace & KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/** namespaces are the team namespaces of the upstream tests. */
export const teamNamespaces = [
  namespace('subteam1.team1', { team: 'team1' }),
  namespace('subteam2.team1', { team: 'team1' }),
  namespace('subteam1.team2', { team: 'team2' }),
  namespace('subteam2.team2', { team: 'team2' }),
];
