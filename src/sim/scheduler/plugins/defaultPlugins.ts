// Mirrors pkg/scheduler/apis/config/v1/default_plugins.go (getDefaultPlugins, MultiPoint); leaves out
// VolumeRestrictions, NodeVolumeLimits, VolumeBinding and VolumeZone (no volumes are simulated) and
// DynamicResources (no DRA), so the FailedScheduling text has no "no new claims to deallocate" fragment.
import type { PluginConfig } from '../framework/runtime';
import * as names from './names';

/** defaultPlugins is the default profile: each plugin runs at every extension point it implements, in this order. */
export const defaultPlugins: readonly PluginConfig[] = [
  { name: names.SchedulingGates },
  { name: names.PrioritySort },
  { name: names.NodeUnschedulable },
  { name: names.NodeName },
  { name: names.TaintToleration, weight: 3 },
  { name: names.NodeAffinity, weight: 2 },
  { name: names.NodePorts },
  { name: names.NodeResourcesFit, weight: 1 },
  { name: names.PodTopologySpread, weight: 2 },
  { name: names.InterPodAffinity, weight: 2 },
  { name: names.DefaultPreemption },
  { name: names.NodeResourcesBalancedAllocation, weight: 1 },
  { name: names.ImageLocality, weight: 1 },
  { name: names.DefaultBinder },
];
