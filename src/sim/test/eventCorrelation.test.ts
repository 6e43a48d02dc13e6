// client-go's event correlation as a learner meets it in `kubectl describe`: a ReplicaSet that creates 100 pods shows
// nine SuccessfulCreate Events, then one "(combined from similar events)" Event counting 16 more, and no more than
// that: the replicaset-controller may say 25 things about one object in a burst.
import { describe, expect, it } from 'vitest';
import { nginxDeployment, roomyCluster } from './largeDeployment';

describe('Events of a large ReplicaSet, correlated as client-go does', () => {
  it('kubectl describe rs lists 9 SuccessfulCreate Events and one combined Event x16 for 100 pods', () => {
    const cluster = roomyCluster();
    cluster.apply(nginxDeployment(100));
    cluster.advance(30_000);
    const out = cluster.kubectl('describe rs').stdout;
    const rows = out.slice(out.indexOf('Events:')).split('\n').slice(3);
    expect(rows.filter((r) => r.includes('SuccessfulCreate'))).toHaveLength(10);
    expect(rows.slice(0, 9).every((r) => /^ {2}Normal {2}SuccessfulCreate {2}30s {17}replicaset-controller {2}Created pod: web-766486c5b6-[a-z0-9]{5}$/.test(r))).toBe(true);
    expect(rows[9]).toBe('  Normal  SuccessfulCreate  30s (x16 over 30s)  replicaset-controller  (combined from similar events): Created pod: web-766486c5b6-7c7gn');
  });
});
