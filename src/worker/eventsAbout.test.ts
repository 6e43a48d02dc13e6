import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/index';
import { eventsAbout } from './eventsAbout';

const pod = (name: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
  - name: app
    image: nginx:1.14.2
`;

describe('eventsAbout', () => {
  it("lists one pod's Events oldest first, slimmed as batches carry them, and none of another pod's", () => {
    const cluster = createCluster();
    cluster.apply(`${pod('p')}---\n${pod('q')}`);
    cluster.advance(30_000);
    const events = eventsAbout(cluster, { kind: 'Pod', namespace: 'default', name: 'p' });
    expect(events.map((e) => [e.involvedObject.name, e.reason, e.source?.component ?? e.reportingComponent])).toEqual([
      ['p', 'Scheduled', 'default-scheduler'],
      ['p', 'Pulling', 'kubelet'],
      ['p', 'Pulled', 'kubelet'],
      ['p', 'Created', 'kubelet'],
      ['p', 'Started', 'kubelet'],
    ]);
    expect(events[0].metadata).toEqual({ name: events[0].metadata.name, namespace: 'default' });
    expect(eventsAbout(cluster, { kind: 'Node', namespace: '', name: 'p' })).toEqual([]);
  });

  it("lists a node's Events, which live in the default namespace about an object of none", () => {
    const cluster = createCluster();
    cluster.advance(1_000);
    cluster.killNode('node-2');
    cluster.advance(60_000);
    const events = eventsAbout(cluster, { kind: 'Node', namespace: '', name: 'node-2' });
    expect(events.map((e) => [e.metadata.namespace, e.reason])).toEqual([
      ['default', 'RegisteredNode'],
      ['default', 'NodeNotReady'],
    ]);
  });
});
