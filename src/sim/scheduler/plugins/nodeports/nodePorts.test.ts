// Ports TestNodePorts, TestPreFilterDisabled and TestFits from
// pkg/scheduler/framework/plugins/nodeports/node_ports_test.go.
import { describe, expect, it } from 'vitest';
import type { ContainerPort, Pod } from 'kubernetes-types/core/v1';
import { CycleState } from '../../framework/cycleState';
import { Code, newStatus, type Status } from '../../framework/interface';
import { NodeInfo } from '../../framework/nodeInfo';
import { ErrReason, NodePorts, fits } from './nodePorts';

/** newPod builds a pod with host ports given as "PROTOCOL/hostIP/port". */
function newPod(host: string, ...hostPortInfos: string[]): Pod {
  const ports: ContainerPort[] = hostPortInfos.map((info) => {
    const [protocol, hostIP, port] = info.split('/');
    return { containerPort: 0, hostIP, hostPort: Number(port), protocol };
  });
  return { metadata: { name: `p-${host}-${hostPortInfos.join(',')}`, uid: `uid-${hostPortInfos.join(',')}` }, spec: { nodeName: host, containers: [{ name: 'c', image: 'i', ports }] } };
}

function newNodeInfo(...hostPortInfos: string[]): NodeInfo {
  return new NodeInfo(newPod('p1', ...hostPortInfos));
}

function initContainerPod(sidecar: boolean): Pod {
  return {
    metadata: { name: 'init', uid: 'uid-init' },
    spec: {
      containers: [],
      initContainers: [{ name: 'init', image: 'i', restartPolicy: sidecar ? 'Always' : undefined, ports: [{ containerPort: 8001, hostPort: 8001, protocol: 'TCP' }] }],
    },
  };
}

const conflict = newStatus(Code.Unschedulable, ErrReason);

describe('NodePorts', () => {
  it.each<{ name: string; pod: Pod; nodeInfo: NodeInfo; wantPreFilterStatus?: Status; wantFilterStatus?: Status }>([
    { name: 'skip filter', pod: { spec: { containers: [] } }, nodeInfo: new NodeInfo(), wantPreFilterStatus: newStatus(Code.Skip) },
    { name: 'other port', pod: newPod('m1', 'UDP/127.0.0.1/8080'), nodeInfo: newNodeInfo('UDP/127.0.0.1/9090') },
    { name: 'same udp port', pod: newPod('m1', 'UDP/127.0.0.1/8080'), nodeInfo: newNodeInfo('UDP/127.0.0.1/8080'), wantFilterStatus: conflict },
    { name: 'same tcp port', pod: newPod('m1', 'TCP/127.0.0.1/8080'), nodeInfo: newNodeInfo('TCP/127.0.0.1/8080'), wantFilterStatus: conflict },
    { name: 'different host ip', pod: newPod('m1', 'TCP/127.0.0.1/8080'), nodeInfo: newNodeInfo('TCP/127.0.0.2/8080') },
    { name: 'different protocol', pod: newPod('m1', 'UDP/127.0.0.1/8080'), nodeInfo: newNodeInfo('TCP/127.0.0.1/8080') },
    { name: 'second udp port conflict', pod: newPod('m1', 'UDP/127.0.0.1/8000', 'UDP/127.0.0.1/8080'), nodeInfo: newNodeInfo('UDP/127.0.0.1/8080'), wantFilterStatus: conflict },
    { name: 'first tcp port conflict', pod: newPod('m1', 'TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8080'), nodeInfo: newNodeInfo('TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8081'), wantFilterStatus: conflict },
    { name: 'first tcp port conflict due to 0.0.0.0 hostIP', pod: newPod('m1', 'TCP/0.0.0.0/8001'), nodeInfo: newNodeInfo('TCP/127.0.0.1/8001'), wantFilterStatus: conflict },
    { name: 'TCP hostPort conflict due to 0.0.0.0 hostIP', pod: newPod('m1', 'TCP/10.0.10.10/8001', 'TCP/0.0.0.0/8001'), nodeInfo: newNodeInfo('TCP/127.0.0.1/8001'), wantFilterStatus: conflict },
    { name: 'second tcp port conflict to 0.0.0.0 hostIP', pod: newPod('m1', 'TCP/127.0.0.1/8001'), nodeInfo: newNodeInfo('TCP/0.0.0.0/8001'), wantFilterStatus: conflict },
    { name: 'second different protocol', pod: newPod('m1', 'UDP/127.0.0.1/8001'), nodeInfo: newNodeInfo('TCP/0.0.0.0/8001') },
    { name: 'UDP hostPort conflict due to 0.0.0.0 hostIP', pod: newPod('m1', 'UDP/127.0.0.1/8001'), nodeInfo: newNodeInfo('TCP/0.0.0.0/8001', 'UDP/0.0.0.0/8001'), wantFilterStatus: conflict },
    { name: 'non-sidecar initContainer using hostPort', pod: initContainerPod(false), nodeInfo: newNodeInfo('TCP/0.0.0.0/8001'), wantPreFilterStatus: newStatus(Code.Skip) },
    { name: 'TCP hostPort conflict from sidecar initContainer', pod: initContainerPod(true), nodeInfo: newNodeInfo('TCP/0.0.0.0/8001'), wantFilterStatus: conflict },
  ])('$name', ({ pod, nodeInfo, wantPreFilterStatus, wantFilterStatus }) => {
    const p = new NodePorts();
    const state = new CycleState();
    const [, preFilterStatus] = p.preFilter(state, pod);
    expect(preFilterStatus).toEqual(wantPreFilterStatus ?? null);
    if (preFilterStatus) return;
    expect(p.filter(state, pod, nodeInfo)).toEqual(wantFilterStatus ?? null);
  });

  it('reports an Error status when Filter runs without PreFilter', () => {
    const status = new NodePorts().filter(new CycleState(), { spec: { containers: [] } }, new NodeInfo());
    expect(status?.code).toBe(Code.Error);
    expect(status?.message()).toBe('reading "PreFilterNodePorts" from cycleState: not found');
  });
});

describe('fits', () => {
  it.each([
    { desc: 'non-conflicting ports', pod: newPod('p', 'TCP/127.0.0.1/80'), existing: newNodeInfo('TCP/127.0.0.1/9090'), expect: true },
    {
      desc: 'multiple non-conflicting ports',
      pod: newPod('p', 'TCP/127.0.0.1/80', 'TCP/127.0.1.1/80', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/100'),
      existing: newNodeInfo('TCP/127.0.0.1/9090', 'TCP/127.0.0.1/9191', 'TCP/127.0.1.1/8080'),
      expect: true,
    },
    { desc: 'same ports on different protocols', pod: newPod('m1', 'TCP/127.0.0.1/80'), existing: newNodeInfo('UDP/127.0.0.1/80'), expect: true },
    { desc: 'conflicting ports', pod: newPod('m1', 'TCP/127.0.0.1/80'), existing: newNodeInfo('TCP/127.0.0.1/80'), expect: false },
    {
      desc: 'multiple ports, some conflicting',
      pod: newPod('p', 'TCP/127.0.0.1/80', 'TCP/127.0.1.1/80', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/100'),
      existing: newNodeInfo('TCP/127.0.0.1/9090', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/8080'),
      expect: false,
    },
  ])('$desc', ({ pod, existing, expect: want }) => {
    expect(fits(pod, existing)).toBe(want);
  });
});
