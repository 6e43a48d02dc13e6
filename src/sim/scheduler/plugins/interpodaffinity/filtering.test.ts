// Ports TestRequiredAffinitySingleNode, TestRequiredAffinityMultipleNodes, TestPreFilterDisabled and
// TestPreFilterStateAddRemovePod (first case) from
// pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go. The invalid-label-syntax cases are left
// out: the API server rejects such selectors before the scheduler sees them.
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/object';
import { CycleState } from '../../framework/cycleState';
import { Code, newStatus, type Status } from '../../framework/interface';
import { PodInfo } from '../../framework/podInfo';
import { fakeHandle } from '../../testing/fakeHandle';
import { nodeInfoOf } from '../../testing/wrappers';
import { getPreFilterState } from './filtering';
import {
  ErrReasonAffinityRulesNotMatch,
  ErrReasonAntiAffinityRulesNotMatch,
  ErrReasonExistingAntiAffinityRulesNotMatch,
  New,
} from './interPodAffinity';
import { affinityPod, labelledNode, namespace, teamNamespaces } from './testBuilders';

const affinityFails = newStatus(Code.UnschedulableAndUnresolvable, ErrReasonAffinityRulesNotMatch);
const antiAffinityFails = newStatus(Code.Unschedulable, ErrReasonAntiAffinityRulesNotMatch);
const existingAntiAffinityFails = newStatus(Code.Unschedulable, ErrReasonExistingAntiAffinityRulesNotMatch);
const skip = newStatus(Code.Skip);

const podLabel = { service: 'securityscan' };
const podLabel2 = { security: 'S1' };

function runPreFilter(pod: Pod, pods: Pod[], nodes: Node[], objects: KubeObject[]) {
  const handle = fakeHandle(pods, nodes, objects);
  const pl = New({}, handle);
  const state = new CycleState();
  const lister = handle.snapshotSharedLister().nodeInfos();
  const [, status] = pl.preFilter(state, pod, lister.list());
  return { pl, state, status, lister };
}

interface SingleNodeCase {
  name: string;
  pod: Pod;
  pods?: Pod[];
  wantPreFilterStatus?: Status;
  wantFilterStatus?: Status;
}

const node1 = labelledNode('node1', { region: 'r1', zone: 'z11' });
const existingScan = () => affinityPod('scan').labels(podLabel).node('node1').obj();
const serviceIn = (values: string[]) => ({ matchExpressions: [{ key: 'service', operator: 'In', values }] });

const singleNodeCases: SingleNodeCase[] = [
  {
    name: 'A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods',
    pod: affinityPod('p').obj(),
    wantPreFilterStatus: skip,
  },
  {
    name: 'satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod',
    pod: affinityPod('p').labels(podLabel2).podAffinityIn('service', 'region', ['securityscan', 'value2']).obj(),
    pods: [existingScan()],
  },
  {
    name: 'satisfies the pod with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using not in operator in labelSelector that matches the existing pod',
    pod: affinityPod('p').labels(podLabel2).podAffinityNotIn('service', 'region', ['securityscan3', 'value3']).obj(),
    pods: [existingScan()],
  },
  {
    name: 'Does not satisfy the PodAffinity with labelSelector because of diff Namespace',
    pod: affinityPod('p')
      .labels(podLabel2)
      .requiredTerms('podAffinity', [{ labelSelector: serviceIn(['securityscan', 'value2']), namespaces: ['DiffNameSpace'], topologyKey: '' }])
      .obj(),
    pods: [affinityPod('scan').namespace('ns').label('service', 'securityscan').node('node1').obj()],
    wantFilterStatus: affinityFails,
  },
  {
    name: "Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod",
    pod: affinityPod('p').labels(podLabel).podAffinityIn('service', '', ['antivirusscan', 'value2']).obj(),
    pods: [existingScan()],
    wantFilterStatus: affinityFails,
  },
  {
    name: 'satisfies the PodAffinity with different label Operators in multiple RequiredDuringSchedulingIgnoredDuringExecution ',
    pod: affinityPod('p')
      .labels(podLabel2)
      .requiredTerms('podAffinity', [
        {
          labelSelector: { matchExpressions: [{ key: 'service', operator: 'Exists' }, { key: 'wrongkey', operator: 'DoesNotExist' }] },
          topologyKey: 'region',
        },
        {
          labelSelector: {
            matchExpressions: [
              { key: 'service', operator: 'In', values: ['securityscan'] },
              { key: 'service', operator: 'NotIn', values: ['WrongValue'] },
            ],
          },
          topologyKey: 'region',
        },
      ])
      .obj(),
    pods: [existingScan()],
  },
  {
    name: "The labelSelector requirements(items of matchExpressions) are ANDed, the pod cannot schedule onto the node because one of the matchExpression item don't match.",
    pod: affinityPod('p')
      .labels(podLabel2)
      .requiredTerms('podAffinity', [
        {
          labelSelector: { matchExpressions: [{ key: 'service', operator: 'Exists' }, { key: 'wrongkey', operator: 'DoesNotExist' }] },
          topologyKey: 'region',
        },
        {
          labelSelector: {
            matchExpressions: [
              { key: 'service', operator: 'In', values: ['securityscan2'] },
              { key: 'service', operator: 'NotIn', values: ['WrongValue'] },
            ],
          },
          topologyKey: 'region',
        },
      ])
      .obj(),
    pods: [existingScan()],
    wantFilterStatus: affinityFails,
  },
  {
    name: 'satisfies the PodAffinity and PodAntiAffinity with the existing pod',
    pod: affinityPod('p')
      .labels(podLabel2)
      .podAffinityIn('service', 'region', ['securityscan', 'value2'])
      .podAntiAffinityIn('service', 'node', ['antivirusscan', 'value2'])
      .obj(),
    pods: [existingScan()],
  },
  {
    name: 'satisfies the PodAffinity and PodAntiAffinity and PodAntiAffinity symmetry with the existing pod',
    pod: affinityPod('p')
      .labels(podLabel2)
      .podAffinityIn('service', 'region', ['securityscan', 'value2'])
      .podAntiAffinityIn('service', 'node', ['antivirusscan', 'value2'])
      .obj(),
    pods: [affinityPod('scan').node('node1').labels(podLabel).podAntiAffinityIn('service', 'node', ['antivirusscan', 'value2']).obj()],
  },
  {
    name: "satisfies the PodAffinity but doesn't satisfy the PodAntiAffinity with the existing pod",
    pod: affinityPod('p')
      .labels(podLabel2)
      .podAffinityIn('service', 'region', ['securityscan', 'value2'])
      .podAntiAffinityIn('service', 'zone', ['securityscan', 'value2'])
      .obj(),
    pods: [existingScan()],
    wantFilterStatus: antiAffinityFails,
  },
  {
    name: "satisfies the PodAffinity and PodAntiAffinity but doesn't satisfy PodAntiAffinity symmetry with the existing pod",
    pod: affinityPod('p')
      .labels(podLabel)
      .podAffinityIn('service', 'region', ['securityscan', 'value2'])
      .podAntiAffinityIn('service', 'node', ['antivirusscan', 'value2'])
      .obj(),
    pods: [affinityPod('scan').labels(podLabel).node('node1').podAntiAffinityIn('service', 'zone', ['securityscan', 'value2']).obj()],
    wantFilterStatus: existingAntiAffinityFails,
  },
  {
    name: 'pod matches its own Label in PodAffinity and that matches the existing pod Labels',
    pod: affinityPod('p').labels(podLabel).podAffinityNotIn('service', 'region', ['securityscan', 'value2']).obj(),
    pods: [affinityPod('scan').label('service', 'securityscan').node('node2').obj()],
    wantFilterStatus: affinityFails,
  },
  {
    name: "verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. doesn't satisfy PodAntiAffinity symmetry with the existing pod",
    pod: affinityPod('p').labels(podLabel).obj(),
    pods: [affinityPod('scan').node('node1').labels(podLabel).podAntiAffinityIn('service', 'zone', ['securityscan', 'value2']).obj()],
    wantFilterStatus: existingAntiAffinityFails,
  },
  {
    name: 'verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. satisfy PodAntiAffinity symmetry with the existing pod',
    pod: affinityPod('p').labels(podLabel).obj(),
    pods: [affinityPod('scan').node('node1').labels(podLabel).podAntiAffinityNotIn('service', 'zone', ['securityscan', 'value2']).obj()],
    wantPreFilterStatus: skip,
  },
  {
    name: "satisfies the PodAntiAffinity with existing pod but doesn't satisfy PodAntiAffinity symmetry with incoming pod",
    pod: affinityPod('p').labels(podLabel).podAntiAffinityExists('service', 'region').podAntiAffinityExists('security', 'region').obj(),
    pods: [affinityPod('sec').node('node1').labels(podLabel2).podAntiAffinityExists('security', 'zone').obj()],
    wantFilterStatus: antiAffinityFails,
  },
  {
    name: 'PodAntiAffinity symmetry check a1: incoming pod and existing pod partially match each other on AffinityTerms',
    pod: affinityPod('p').labels(podLabel).podAntiAffinityExists('service', 'zone').podAntiAffinityExists('security', 'zone').obj(),
    pods: [affinityPod('sec').node('node1').labels(podLabel2).podAntiAffinityExists('security', 'zone').obj()],
    wantFilterStatus: antiAffinityFails,
  },
  {
    name: 'PodAntiAffinity symmetry check a2: incoming pod and existing pod partially match each other on AffinityTerms',
    pod: affinityPod('p').labels(podLabel2).podAntiAffinityExists('security', 'zone').obj(),
    pods: [affinityPod('scan').node('node1').labels(podLabel).podAntiAffinityExists('service', 'zone').podAntiAffinityExists('security', 'zone').obj()],
    wantFilterStatus: existingAntiAffinityFails,
  },
  {
    name: 'PodAntiAffinity symmetry check b1: incoming pod and existing pod partially match each other on AffinityTerms',
    pod: affinityPod('p').labels({ abc: '', xyz: '' }).podAntiAffinityExists('abc', 'zone').podAntiAffinityExists('def', 'zone').obj(),
    pods: [affinityPod('def').node('node1').labels({ def: '', xyz: '' }).podAntiAffinityExists('abc', 'zone').podAntiAffinityExists('def', 'zone').obj()],
    wantFilterStatus: antiAffinityFails,
  },
  {
    name: 'PodAntiAffinity symmetry check b2: incoming pod and existing pod partially match each other on AffinityTerms',
    pod: affinityPod('p').labels({ def: '', xyz: '' }).podAntiAffinityExists('abc', 'zone').podAntiAffinityExists('def', 'zone').obj(),
    pods: [affinityPod('abc').node('node1').labels({ abc: '', xyz: '' }).podAntiAffinityExists('abc', 'zone').podAntiAffinityExists('def', 'zone').obj()],
    wantFilterStatus: antiAffinityFails,
  },
  {
    name: 'affinity with NamespaceSelector',
    pod: affinityPod('p')
      .labels(podLabel2)
      .requiredTerms('podAffinity', [
        {
          labelSelector: serviceIn(['securityscan', 'value2']),
          namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] },
          topologyKey: 'region',
        },
      ])
      .obj(),
    pods: [affinityPod('scan').namespace('subteam1.team1').labels(podLabel).node('node1').obj()],
  },
  {
    name: 'affinity with non-matching NamespaceSelector',
    pod: affinityPod('p')
      .labels(podLabel2)
      .requiredTerms('podAffinity', [
        {
          labelSelector: serviceIn(['securityscan', 'value2']),
          namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] },
          topologyKey: 'region',
        },
      ])
      .obj(),
    pods: [affinityPod('scan').namespace('subteam1.team2').labels(podLabel).node('node1').obj()],
    wantFilterStatus: affinityFails,
  },
  {
    name: 'anti-affinity with matching NamespaceSelector',
    pod: affinityPod('p')
      .namespace('subteam1.team1')
      .labels(podLabel2)
      .requiredTerms('podAntiAffinity', [
        {
          labelSelector: serviceIn(['securityscan', 'value2']),
          namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] },
          topologyKey: 'zone',
        },
      ])
      .obj(),
    pods: [affinityPod('scan').namespace('subteam2.team1').labels(podLabel).node('node1').obj()],
    wantFilterStatus: antiAffinityFails,
  },
  {
    name: 'anti-affinity with matching all NamespaceSelector',
    pod: affinityPod('p')
      .namespace('subteam1.team1')
      .labels(podLabel2)
      .requiredTerms('podAntiAffinity', [{ labelSelector: serviceIn(['securityscan', 'value2']), namespaceSelector: {}, topologyKey: 'zone' }])
      .obj(),
    pods: [affinityPod('scan').namespace('subteam2.team1').labels(podLabel).node('node1').obj()],
    wantFilterStatus: antiAffinityFails,
  },
  {
    name: 'anti-affinity with non-matching NamespaceSelector',
    pod: affinityPod('p')
      .namespace('subteam1.team1')
      .labels(podLabel2)
      .requiredTerms('podAntiAffinity', [
        {
          labelSelector: serviceIn(['securityscan', 'value2']),
          namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] },
          topologyKey: 'zone',
        },
      ])
      .obj(),
    pods: [affinityPod('scan').namespace('subteam1.team2').labels(podLabel).node('node1').obj()],
  },
];

describe('InterPodAffinity PreFilter and Filter on a single node (TestRequiredAffinitySingleNode)', () => {
  it.each(singleNodeCases)('$name', (tc) => {
    const { pl, state, status, lister } = runPreFilter(tc.pod, tc.pods ?? [], [node1], teamNamespaces);
    expect(status).toEqual(tc.wantPreFilterStatus ?? null);
    if (status) return;
    expect(pl.filter(state, tc.pod, lister.get('node1')!)).toEqual(tc.wantFilterStatus ?? null);
  });
});

interface MultipleNodesCase {
  name: string;
  pod: Pod;
  pods: Pod[];
  nodes: Node[];
  wantPreFilterStatus?: Status;
  wantFilterStatuses: (Status | null)[];
}

const rgChina = { region: 'China' };
const rgChinaAzAz1 = { region: 'China', az: 'az1' };
const rgIndia = { region: 'India' };
const hostA = (name: string, zone: string) => labelledNode(name, { region: 'r1', zone, hostname: name });

const multipleNodesCases: MultipleNodesCase[] = [
  {
    name: 'A pod can be scheduled onto all the nodes that have the same topology key & label value with one of them has an existing pod that matches the affinity rules',
    pod: affinityPod('p').podAffinityIn('foo', 'region', ['bar']).obj(),
    pods: [affinityPod('p1').node('node1').labels({ foo: 'bar' }).obj()],
    nodes: [labelledNode('node1', rgChina), labelledNode('node2', rgChinaAzAz1), labelledNode('node3', rgIndia)],
    wantFilterStatuses: [null, null, affinityFails],
  },
  {
    name: "The affinity rule is to schedule all of the pods of this collection to the same zone. The first pod of the collection should not be blocked from being scheduled onto any node, even there's no existing pod that matches the rule anywhere.",
    pod: affinityPod('p')
      .labels({ foo: 'bar', service: 'securityscan' })
      .podAffinityIn('foo', 'zone', ['bar'])
      .podAffinityIn('service', 'zone', ['securityscan'])
      .obj(),
    pods: [affinityPod('p1').node('nodeA').labels({ foo: 'bar' }).obj()],
    nodes: [labelledNode('nodeA', { zone: 'az1', hostname: 'h1' }), labelledNode('nodeB', { zone: 'az2', hostname: 'h2' })],
    wantFilterStatuses: [null, null],
  },
  {
    name: 'The first pod of the collection can only be scheduled on nodes labelled with the requested topology keys',
    pod: affinityPod('p')
      .labels({ foo: 'bar', service: 'securityscan' })
      .podAffinityIn('foo', 'zone', ['bar'])
      .podAffinityIn('service', 'zone', ['securityscan'])
      .obj(),
    pods: [affinityPod('p1').node('nodeA').labels({ foo: 'bar' }).obj()],
    nodes: [labelledNode('nodeA', { zoneLabel: 'az1', hostname: 'h1' }), labelledNode('nodeB', { zoneLabel: 'az2', hostname: 'h2' })],
    wantFilterStatuses: [affinityFails, affinityFails],
  },
  {
    name: 'NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB.',
    pod: affinityPod('p').podAntiAffinityIn('foo', 'region', ['abc']).obj(),
    pods: [affinityPod('p1').node('nodeA').labels({ foo: 'abc' }).obj()],
    nodes: [labelledNode('nodeA', { region: 'r1', hostname: 'nodeA' }), labelledNode('nodeB', { region: 'r1', hostname: 'nodeB' })],
    wantFilterStatuses: [antiAffinityFails, antiAffinityFails],
  },
  {
    name: 'This test ensures that anti-affinity matches a pod when any term of the anti-affinity rule matches a pod.',
    pod: affinityPod('p').podAntiAffinityIn('foo', 'region', ['abc']).podAntiAffinityIn('service', 'zone', ['securityscan']).obj(),
    pods: [affinityPod('p1').node('nodeA').labels({ foo: 'abc', service: 'securityscan' }).obj()],
    nodes: [
      labelledNode('nodeA', { region: 'r1', zone: 'z1', hostname: 'nodeA' }),
      labelledNode('nodeB', { region: 'r1', zone: 'z2', hostname: 'nodeB' }),
    ],
    wantFilterStatuses: [antiAffinityFails, antiAffinityFails],
  },
  {
    name: 'NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB but can be scheduled onto nodeC',
    pod: affinityPod('p').podAntiAffinityIn('foo', 'region', ['abc']).obj(),
    pods: [affinityPod('p1').node('nodeA').labels({ foo: 'abc' }).obj()],
    nodes: [labelledNode('nodeA', rgChina), labelledNode('nodeB', rgChinaAzAz1), labelledNode('nodeC', rgIndia)],
    wantFilterStatuses: [antiAffinityFails, antiAffinityFails, null],
  },
  {
    name: 'NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA, nodeB, but can be scheduled onto nodeC (NodeC has an existing pod that match the inter pod affinity rule but in different namespace)',
    pod: affinityPod('p').namespace('NS1').labels({ foo: '123' }).podAntiAffinityIn('foo', 'region', ['bar']).obj(),
    pods: [
      affinityPod('p1').node('nodeA').namespace('NS1').labels({ foo: 'bar' }).obj(),
      affinityPod('p2').node('nodeC').namespace('NS2').podAntiAffinityIn('foo', 'region', ['123']).obj(),
    ],
    nodes: [labelledNode('nodeA', rgChina), labelledNode('nodeB', rgChinaAzAz1), labelledNode('nodeC', rgIndia)],
    wantFilterStatuses: [antiAffinityFails, antiAffinityFails, null],
  },
  {
    name: "Test existing pod's anti-affinity: if an existing pod has a term with invalid topologyKey, labelSelector of the term is firstly checked, and then topologyKey of the term is also checked",
    pod: affinityPod('p').label('foo', '').obj(),
    pods: [affinityPod('p1').node('nodeA').podAntiAffinityExists('foo', 'invalid-node-label').obj()],
    nodes: [hostA('nodeA', 'z1'), hostA('nodeB', 'z1')],
    wantPreFilterStatus: skip,
    wantFilterStatuses: [null, null],
  },
  {
    name: "Test incoming pod's anti-affinity: even if labelSelector matches, we still check if topologyKey matches",
    pod: affinityPod('p').node('nodeA').podAntiAffinityExists('foo', 'invalid-node-label').obj(),
    pods: [affinityPod('p1').node('nodeA').labels({ foo: '' }).obj()],
    nodes: [hostA('nodeA', 'z1'), hostA('nodeB', 'z1')],
    wantFilterStatuses: [null, null],
  },
  {
    name: "Test existing pod's anti-affinity: incoming pod wouldn't considered as a fit as it violates each existingPod's terms on all nodes",
    pod: affinityPod('p').label('foo', '').label('bar', '').obj(),
    pods: [
      affinityPod('p1').node('nodeA').podAntiAffinityExists('foo', 'zone').obj(),
      affinityPod('p2').node('nodeA').podAntiAffinityExists('bar', 'region').obj(),
    ],
    nodes: [hostA('nodeA', 'z1'), hostA('nodeB', 'z2')],
    wantFilterStatuses: [existingAntiAffinityFails, existingAntiAffinityFails],
  },
  {
    name: "Test incoming pod's anti-affinity: incoming pod wouldn't considered as a fit as it at least violates one anti-affinity rule of existingPod",
    pod: affinityPod('p').podAntiAffinityExists('foo', 'zone').podAntiAffinityExists('bar', 'region').obj(),
    pods: [affinityPod('p1').node('nodeA').labels({ foo: '' }).obj(), affinityPod('p2').node('nodeB').labels({ bar: '' }).obj()],
    nodes: [hostA('nodeA', 'z1'), hostA('nodeB', 'z2')],
    wantFilterStatuses: [antiAffinityFails, antiAffinityFails],
  },
  {
    name: "Test existing pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when one term has invalid topologyKey",
    pod: affinityPod('p').label('foo', '').label('bar', '').obj(),
    pods: [affinityPod('p1').node('nodeA').podAntiAffinityExists('foo', 'invalid-node-label').podAntiAffinityExists('bar', 'zone').obj()],
    nodes: [hostA('nodeA', 'z1'), hostA('nodeB', 'z2')],
    wantFilterStatuses: [existingAntiAffinityFails, null],
  },
  {
    name: "Test incoming pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when one term has invalid topologyKey",
    pod: affinityPod('p').podAntiAffinityExists('foo', 'invalid-node-label').podAntiAffinityExists('bar', 'zone').obj(),
    pods: [affinityPod('podA').node('nodeA').labels({ foo: '', bar: '' }).obj()],
    nodes: [hostA('nodeA', 'z1'), hostA('nodeB', 'z2')],
    wantFilterStatuses: [antiAffinityFails, null],
  },
  {
    name: "Test existing pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when all terms have valid topologyKey",
    pod: affinityPod('p').label('foo', '').label('bar', '').obj(),
    pods: [affinityPod('p1').node('nodeA').podAntiAffinityExists('foo', 'region').podAntiAffinityExists('bar', 'zone').obj()],
    nodes: [hostA('nodeA', 'z1'), hostA('nodeB', 'z2')],
    wantFilterStatuses: [existingAntiAffinityFails, existingAntiAffinityFails],
  },
  {
    name: "Test incoming pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when all terms have valid topologyKey",
    pod: affinityPod('p').podAntiAffinityExists('foo', 'region').podAntiAffinityExists('bar', 'zone').obj(),
    pods: [affinityPod('p1').node('nodeA').labels({ foo: '', bar: '' }).obj()],
    nodes: [hostA('nodeA', 'z1'), hostA('nodeB', 'z2')],
    wantFilterStatuses: [antiAffinityFails, antiAffinityFails],
  },
  {
    name: "Test existing pod's anti-affinity: existingPod on nodeA and nodeB has at least one anti-affinity term matches incoming pod, so incoming pod can only be scheduled to nodeC",
    pod: affinityPod('p').label('foo', '').label('bar', '').obj(),
    pods: [
      affinityPod('p1').node('nodeA').podAntiAffinityExists('foo', 'zone').podAntiAffinityExists('labelA', 'zone').obj(),
      affinityPod('p2').node('nodeB').podAntiAffinityExists('bar', 'zone').podAntiAffinityExists('labelB', 'zone').obj(),
    ],
    nodes: [hostA('nodeA', 'z1'), hostA('nodeB', 'z2'), hostA('nodeC', 'z3')],
    wantFilterStatuses: [existingAntiAffinityFails, existingAntiAffinityFails, null],
  },
  {
    name: "Test incoming pod's affinity: firstly check if all affinityTerms match, and then check if all topologyKeys match",
    pod: affinityPod('p').podAffinityExists('foo', 'region').podAffinityExists('bar', 'zone').obj(),
    pods: [affinityPod('pod1').labels({ foo: '', bar: '' }).node('nodeA').obj()],
    nodes: [hostA('nodeA', 'z1'), hostA('nodeB', 'z1')],
    wantFilterStatuses: [null, null],
  },
  {
    name: "Test incoming pod's affinity: firstly check if all affinityTerms match, and then check if all topologyKeys match, and the match logic should be satisfied on the same pod",
    pod: affinityPod('p').podAffinityExists('foo', 'region').podAffinityExists('bar', 'zone').obj(),
    pods: [affinityPod('pod1').node('nodeA').labels({ foo: '' }).obj(), affinityPod('pod2').node('nodeB').labels({ bar: '' }).obj()],
    nodes: [hostA('nodeA', 'z1'), hostA('nodeB', 'z2')],
    wantFilterStatuses: [affinityFails, affinityFails],
  },
];

describe('InterPodAffinity PreFilter and Filter on several nodes (TestRequiredAffinityMultipleNodes)', () => {
  it.each(multipleNodesCases)('$name', (tc) => {
    const { pl, state, status, lister } = runPreFilter(tc.pod, tc.pods, tc.nodes, [namespace('NS1')]);
    expect(status).toEqual(tc.wantPreFilterStatus ?? null);
    if (status) return;
    expect(lister.list().map((ni) => pl.filter(state, tc.pod, ni))).toEqual(tc.wantFilterStatuses);
  });
});

describe('InterPodAffinity Filter without PreFilter (TestPreFilterDisabled)', () => {
  it('returns an Error status naming the missing state', () => {
    const pl = New({}, fakeHandle([], []));
    const status = pl.filter(new CycleState(), affinityPod('p').obj(), nodeInfoOf(labelledNode('node1', {})));
    expect(status?.code).toBe(Code.Error);
    expect(status?.message()).toBe('error reading "PreFilterInterPodAffinity" from cycleState: not found');
  });
});

describe('InterPodAffinity PreFilterExtensions (TestPreFilterStateAddRemovePod)', () => {
  const antiFooBar = (w: ReturnType<typeof affinityPod>) => w.podAntiAffinityIn('foo', 'region', ['bar']);
  const nodes = [
    labelledNode('nodeA', { region: 'r1', zone: 'z11' }),
    labelledNode('nodeB', { region: 'r1', zone: 'z12' }),
    labelledNode('nodeC', { region: 'r2', zone: 'z21' }),
  ];
  const pending = antiFooBar(affinityPod('pending').labels({ foo: 'bar' })).obj();
  const existingPods = [affinityPod('p1').labels({ foo: 'bar' }).node('nodeA').obj(), antiFooBar(affinityPod('p2').node('nodeC')).obj()];
  const added = antiFooBar(affinityPod('addedPod').labels({ foo: 'bar' }).node('nodeB')).obj();
  const view = (counts: Map<string, Map<string, number>>) => Object.fromEntries([...counts].map(([k, v]) => [k, Object.fromEntries(v)]));

  it('preFilterState anti-affinity terms are updated correctly after adding and removing a pod', () => {
    const { pl, state, lister } = runPreFilter(pending, existingPods, nodes, []);
    const before = getPreFilterState(state).clone();
    expect(pl.addPod(state, pending, new PodInfo(added), lister.get('nodeB')!)).toBeNull();
    const s = getPreFilterState(state);
    expect(view(s.existingAntiAffinityCounts.counts)).toEqual({ region: { r1: 1, r2: 1 } });
    expect(view(s.antiAffinityCounts.counts)).toEqual({ region: { r1: 2 } });
    expect(view(s.affinityCounts.counts)).toEqual({});
    expect(pl.removePod(state, pending, new PodInfo(added), lister.get('nodeB')!)).toBeNull();
    expect(view(getPreFilterState(state).antiAffinityCounts.counts)).toEqual(view(before.antiAffinityCounts.counts));
    expect(view(getPreFilterState(state).existingAntiAffinityCounts.counts)).toEqual({ region: { r2: 1 } });
  });
});
