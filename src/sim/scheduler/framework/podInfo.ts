// Mirrors PodInfo, AffinityTerm and WeightedAffinityTerm of pkg/scheduler/framework/types.go; leaves out
// pod-level resources, in-place resize and the matchLabelKeys merge (the API server already merged them).
import type { Affinity, Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import { cachedPodRequests } from './podRequests';
import { Resource } from './resource';
import { labelSelectorAsSelector, type Labels, type Selector } from '../../api/meta/v1/labelSelector';

/** AffinityTerm is a processed version of v1.PodAffinityTerm: selectors parsed once per pod. */
export interface AffinityTerm {
  namespaces: ReadonlySet<string>;
  selector: Selector;
  topologyKey: string;
  namespaceSelector: Selector;
}

/** WeightedAffinityTerm is a "processed" representation of v1.WeightedPodAffinityTerm. */
export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

/** affinityTermMatches returns true if the pod matches the term: namespace (list or selector) and labels. */
export function affinityTermMatches(term: AffinityTerm, pod: Pod, nsLabels: Labels): boolean {
  if (term.namespaces.has(pod.metadata?.namespace ?? '') || term.namespaceSelector.matches(nsLabels)) {
    return term.selector.matches(pod.metadata?.labels);
  }
  return false;
}

/** PodResource is a pod's requests as the NodeInfo accounts them, plus the non-zero cpu/memory for scoring. */
export interface PodResource {
  resource: Resource;
  non0CPU: number;
  non0Mem: number;
}

function namespacesFromPodAffinityTerm(pod: Pod, term: PodAffinityTerm): Set<string> {
  if ((term.namespaces ?? []).length === 0 && term.namespaceSelector == null) {
    return new Set([pod.metadata?.namespace ?? '']);
  }
  return new Set(term.namespaces ?? []);
}

function newAffinityTerm(pod: Pod, term: PodAffinityTerm): AffinityTerm {
  return {
    namespaces: namespacesFromPodAffinityTerm(pod, term),
    selector: labelSelectorAsSelector(term.labelSelector),
    topologyKey: term.topologyKey,
    namespaceSelector: labelSelectorAsSelector(term.namespaceSelector),
  };
}

/** getAffinityTerms receives a Pod and affinity terms and returns the namespaces and selectors of the terms. */
export function getAffinityTerms(pod: Pod, terms: PodAffinityTerm[] | undefined): AffinityTerm[] {
  return (terms ?? []).map((t) => newAffinityTerm(pod, t));
}

function getWeightedAffinityTerms(pod: Pod, terms: WeightedPodAffinityTerm[] | undefined): WeightedAffinityTerm[] {
  return (terms ?? []).map((t) => ({ ...newAffinityTerm(pod, t.podAffinityTerm), weight: t.weight }));
}

/** podWithAffinity is true when the pod has pod affinity or anti-affinity. */
export function podWithAffinity(pod: Pod): boolean {
  const a: Affinity | undefined = pod.spec?.affinity;
  return !!a && (!!a.podAffinity || !!a.podAntiAffinity);
}

/** podWithRequiredAntiAffinity is true when the pod has required pod anti-affinity terms. */
export function podWithRequiredAntiAffinity(pod: Pod): boolean {
  const anti = pod.spec?.affinity?.podAntiAffinity;
  return !!anti && (anti.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
}

/**
 * PodInfo is a wrapper to a Pod with additional pre-computed information to accelerate processing: parsed
 * affinity terms and (lazily) the pod's requests. It is shared between the cache, the queue and the snapshot.
 */
export class PodInfo {
  pod!: Pod;
  requiredAffinityTerms: AffinityTerm[] = [];
  requiredAntiAffinityTerms: AffinityTerm[] = [];
  preferredAffinityTerms: WeightedAffinityTerm[] = [];
  preferredAntiAffinityTerms: WeightedAffinityTerm[] = [];
  private cachedResource: PodResource | undefined;

  constructor(pod: Pod) {
    this.update(pod);
  }

  /**
   * update refreshes the PodInfo. A pod with the same uid keeps its parsed affinity terms (immutable) and only
   * forgets its cached requests, as upstream; a different pod is parsed from scratch.
   */
  update(pod: Pod): void {
    if (this.pod && this.pod.metadata?.uid !== undefined && this.pod.metadata.uid === pod.metadata?.uid) {
      this.pod = pod;
      this.cachedResource = undefined;
      return;
    }
    const affinity = pod.spec?.affinity;
    this.requiredAffinityTerms = getAffinityTerms(pod, affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
    this.requiredAntiAffinityTerms = getAffinityTerms(
      pod,
      affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
    );
    this.preferredAffinityTerms = getWeightedAffinityTerms(
      pod,
      affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
    );
    this.preferredAntiAffinityTerms = getWeightedAffinityTerms(
      pod,
      affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
    );
    this.pod = pod;
    this.cachedResource = undefined;
  }

  /**
   * withNodeName returns a PodInfo for this pod bound to a node (the scheduler's assumed pod), sharing the parsed
   * terms and the requests: binding changes nothing else.
   */
  withNodeName(nodeName: string): PodInfo {
    this.calculateResource(); // computed once here, then shared by the assumed PodInfo
    // Object.assign, not a spread: V8 takes a slow path when a spread copy gains a key (nodeName).
    return this.withPod({ ...this.pod, spec: Object.assign({}, this.pod.spec, { nodeName }) });
  }

  /**
   * withPod returns a PodInfo for another version of the same pod whose requests and affinity terms are unchanged
   * (a status update, a binding): it shares the parsed terms and, once computed, the requests.
   */
  withPod(pod: Pod): PodInfo {
    const pi: PodInfo = Object.create(PodInfo.prototype);
    Object.assign(pi, this);
    pi.pod = pod;
    return pi;
  }

  /**
   * calculateResource returns the pod's requests (component-helpers PodRequests) and the non-zero cpu/memory
   * (containers without a cpu/memory request count as 100m/200Mi), computed once per pod.
   */
  calculateResource(): PodResource {
    if (this.cachedResource) return this.cachedResource;
    const resource = new Resource();
    resource.addAmounts(cachedPodRequests(this.pod, false));
    const non0 = cachedPodRequests(this.pod, true);
    this.cachedResource = {
      resource,
      non0CPU: non0.cpu ?? 0,
      non0Mem: Math.ceil((non0.memory ?? 0) / 1000),
    };
    return this.cachedResource;
  }
}
