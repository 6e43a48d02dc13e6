// Mirrors pkg/scheduler/framework/plugins/registry.go; leaves out the volume and DRA plugins we do not simulate.
import type { PluginFactory } from '../framework/interface';
import * as defaultbinder from './defaultbinder/defaultBinder';
import * as defaultpreemption from './defaultpreemption/defaultPreemption';
import * as imagelocality from './imagelocality/imageLocality';
import * as interpodaffinity from './interpodaffinity/interPodAffinity';
import * as names from './names';
import * as nodeaffinity from './nodeaffinity/nodeAffinity';
import * as nodename from './nodename/nodeName';
import * as nodeports from './nodeports/nodePorts';
import * as balancedallocation from './noderesources/balancedAllocation';
import * as fit from './noderesources/fit';
import * as nodeunschedulable from './nodeunschedulable/nodeUnschedulable';
import * as podtopologyspread from './podtopologyspread/podTopologySpread';
import * as queuesort from './queuesort/prioritySort';
import * as schedulinggates from './schedulinggates/schedulingGates';
import * as tainttoleration from './tainttoleration/taintToleration';

/** newInTreeRegistry builds the registry with all the in-tree plugins: name -> factory, one map. */
export function newInTreeRegistry(): Record<string, PluginFactory> {
  return {
    [names.SchedulingGates]: schedulinggates.New,
    [names.PrioritySort]: queuesort.New,
    [names.NodeUnschedulable]: nodeunschedulable.New,
    [names.NodeName]: nodename.New,
    [names.TaintToleration]: tainttoleration.New,
    [names.NodeAffinity]: nodeaffinity.New,
    [names.NodePorts]: nodeports.New,
    [names.NodeResourcesFit]: fit.New,
    [names.PodTopologySpread]: podtopologyspread.New,
    [names.InterPodAffinity]: interpodaffinity.New,
    [names.DefaultPreemption]: defaultpreemption.New,
    [names.NodeResourcesBalancedAllocation]: balancedallocation.New,
    [names.ImageLocality]: imagelocality.New,
    [names.DefaultBinder]: defaultbinder.New,
  };
}
