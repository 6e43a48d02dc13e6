// Mirrors pkg/scheduler/framework/plugins/names/names.go; leaves out the volume, DRA and gang plugins we do
// not simulate.

export const PrioritySort = 'PrioritySort';
export const DefaultBinder = 'DefaultBinder';
export const DefaultPreemption = 'DefaultPreemption';
export const ImageLocality = 'ImageLocality';
export const InterPodAffinity = 'InterPodAffinity';
export const NodeAffinity = 'NodeAffinity';
export const NodeName = 'NodeName';
export const NodePorts = 'NodePorts';
export const NodeResourcesBalancedAllocation = 'NodeResourcesBalancedAllocation';
export const NodeResourcesFit = 'NodeResourcesFit';
export const NodeUnschedulable = 'NodeUnschedulable';
export const PodTopologySpread = 'PodTopologySpread';
export const SchedulingGates = 'SchedulingGates';
export const TaintToleration = 'TaintToleration';
