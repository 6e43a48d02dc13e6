// Mirrors the zone handling of pkg/controller/nodelifecycle/node_lifecycle_controller.go (ZoneState,
// ComputeZoneState, HealthyQPSFunc, ReducedQPSFunc, isNodeExcludedFromDisruptionChecks) and GetZoneKey of
// k8s.io/component-helpers/node/topology/helpers.go.
import type { Node, NodeCondition } from 'kubernetes-types/core/v1';
import {
  LabelFailureDomainBetaRegion,
  LabelFailureDomainBetaZone,
  LabelTopologyRegion,
  LabelTopologyZone,
} from '../../api/core/v1/wellKnownLabels';
import type { NodeLifecycleConfig } from './config';

/**
 * ZoneState is how healthy a zone looks to the controller. It decides how fast NoExecute taints may be added there:
 * Normal at --node-eviction-rate, PartialDisruption slower (or not at all in a small zone), and when every zone is in
 * FullDisruption the controller assumes its own network is at fault and stops tainting altogether.
 */
export type ZoneState = 'Initial' | 'Normal' | 'FullDisruption' | 'PartialDisruption';

/** stateInitial is a zone seen for the first time, before its first health count. */
export const stateInitial: ZoneState = 'Initial';
/** stateNormal, stateFullDisruption, statePartialDisruption: see ZoneState and computeZoneState. */
export const stateNormal: ZoneState = 'Normal';
export const stateFullDisruption: ZoneState = 'FullDisruption';
export const statePartialDisruption: ZoneState = 'PartialDisruption';

/** labelNodeDisruptionExclusion excludes a node from the zone health counts. */
export const labelNodeDisruptionExclusion = 'node.kubernetes.io/exclude-disruption';

/**
 * getZoneKey builds a string that is unique per failure zone, '' for no zone. The deprecated
 * failure-domain.beta.kubernetes.io labels win over the topology.kubernetes.io ones; a NUL character separates region
 * and zone in case either has a colon.
 */
export function getZoneKey(node: Node): string {
  const labels = node.metadata?.labels;
  if (!labels) return '';
  const zone = labels[LabelFailureDomainBetaZone] ?? labels[LabelTopologyZone] ?? '';
  const region = labels[LabelFailureDomainBetaRegion] ?? labels[LabelTopologyRegion] ?? '';
  if (region === '' && zone === '') return '';
  return `${region}:\u0000:${zone}`;
}

/** isNodeExcludedFromDisruptionChecks: nodes labelled node.kubernetes.io/exclude-disruption do not count. */
export function isNodeExcludedFromDisruptionChecks(node: Node): boolean {
  return node.metadata?.labels?.[labelNodeDisruptionExclusion] !== undefined;
}

/**
 * computeZoneState counts the zone's nodes whose Ready condition is not True. The zone is:
 *  - FullDisruption if no node is Ready,
 *  - PartialDisruption if more than 2 nodes and at least unhealthyZoneThreshold of them are not Ready,
 *  - Normal otherwise.
 */
export function computeZoneState(readyConditions: readonly (NodeCondition | undefined)[], unhealthyZoneThreshold: number): { unhealthy: number; state: ZoneState } {
  const ready = readyConditions.filter((c) => c?.status === 'True').length;
  const notReady = readyConditions.length - ready;
  if (ready === 0 && notReady > 0) return { unhealthy: notReady, state: stateFullDisruption };
  if (notReady > 2 && Math.fround(notReady / (notReady + ready)) >= Math.fround(unhealthyZoneThreshold)) {
    return { unhealthy: notReady, state: statePartialDisruption };
  }
  return { unhealthy: notReady, state: stateNormal };
}

/** healthyQPS is the tainting rate of a fully disrupted zone while other zones are healthy: the normal rate. */
export function healthyQPS(config: NodeLifecycleConfig): number {
  return config.evictionLimiterQPS;
}

/** reducedQPS is the tainting rate of a partially disrupted zone: slower in a large zone, none in a small one. */
export function reducedQPS(config: NodeLifecycleConfig, zoneSize: number): number {
  return zoneSize > config.largeClusterThreshold ? config.secondaryEvictionLimiterQPS : 0;
}
