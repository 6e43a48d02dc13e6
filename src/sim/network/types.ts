// The shapes the simulated data plane shares: where a request comes from, the hops it takes, how it ends, and the
// two questions only the kubelets can answer (does a pod serve this port, is a node up). No upstream counterpart.
import type { Ingress, IngressClass } from 'kubernetes-types/networking/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Namespace, Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import type { VirtualMs } from '../clock/virtualClock';

export type ServiceObject = Service & KubeObject;
export type EndpointSliceObject = EndpointSlice & KubeObject;
export type PodObject = Pod & KubeObject;
export type NodeObject = Node & KubeObject;
export type NamespaceObject = Namespace & KubeObject;
export type IngressObject = Ingress & KubeObject;
export type IngressClassObject = IngressClass & KubeObject;

/** PodAnswer is what a pod does with one HTTP request on one of its ports. */
export type PodAnswer = { kind: 'ok'; status: number } | { kind: 'refused' } | { kind: 'timeout' };

/**
 * PodEndpointServer answers for the containers: the kubelets implement it (a running server answers 200 as
 * ContainerProcess.httpGet does, a closed port refuses, a pod on a dead node times out).
 */
export interface PodEndpointServer {
  /** `clientIP` is the address the pod sees the request come from (the client, or the ingress controller pod). */
  answer(podIP: string, port: number, path: string, now: VirtualMs, clientIP: string): PodAnswer;
}

/**
 * NodeNetwork says whether a node's network stack (its kube-proxy, its NodePorts, the pods it hosts as sources) is
 * up. A killed machine looks Ready to the API server until the node lifecycle controller notices; its packets are
 * gone at once.
 */
export interface NodeNetwork {
  nodeUp(nodeName: string, now: VirtualMs): boolean;
}

/** EXTERNAL_CLIENT_IP is the address of a client outside the cluster when a flow does not name one (TEST-NET-3). */
export const EXTERNAL_CLIENT_IP = '203.0.113.10';

/** TrafficSource is who sends a request: a client outside the cluster, or a pod. */
export type TrafficSource = { kind: 'external'; ip?: string } | { kind: 'pod'; namespace: string; name: string };

export type HopKind = 'client' | 'dns' | 'ingress' | 'service' | 'kube-proxy' | 'kubelet' | 'pod';

/**
 * Hop is one step of a request. `ref` names what the step passed through, as an object key `Kind/namespace/name`
 * (`Service/default/web`, `Node//node-1` for a node's kube-proxy, `Pod/default/web-abc`), `External/<ip>` for a
 * client or nameserver outside the cluster (`External/dns` for public DNS), or `Address/<ip>` for an endpoint no pod
 * stands behind. `detail` says what happened there in one sentence.
 */
export interface Hop {
  kind: HopKind;
  ref: string;
  detail: string;
}

/** OutcomeStatus is an HTTP status code, or how the connection failed before any HTTP answer. */
export type OutcomeStatus = number | 'connection refused' | 'timeout' | 'NXDOMAIN' | 'source not running';

export interface RequestOutcome {
  status: OutcomeStatus;
  detail: string;
}

/** RequestResult is one request resolved hop by hop. */
export interface RequestResult {
  time: VirtualMs;
  hops: Hop[];
  outcome: RequestOutcome;
  /** The Services the request went through (`namespace/name`), in order. */
  services: string[];
  /** The pods that handled it (`namespace/name`), in order; the last one answered. */
  pods: string[];
}

/** isSuccess: an HTTP answer below 400. */
export function isSuccess(status: OutcomeStatus): boolean {
  return typeof status === 'number' && status < 400;
}
