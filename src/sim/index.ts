/** The simulation core's public surface: hosts (worker, tests, benchmarks) import from here only. */
export { Cluster, createCluster, type ClusterOptions, type SettleOptions } from './cluster/cluster';
export type { ChangeBatch } from './cluster/changeBatch';
export type { NodeOptions } from './cluster/nodeTemplate';
export type { ApplyResult } from './apply/apply';
export type { Action, WatchEvent } from './store/types';
export type { KubeObject, ObjectRef } from './api/object';
export type { SchedulingTrace } from './scheduler/trace';
export type { Flow, TrafficCounters, TrafficSample, TrafficStats, TrafficSource, Hop, HopKind, OutcomeStatus } from './network/index';
export type { KubectlResult } from './kubectl/verb';
