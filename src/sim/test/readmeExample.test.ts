import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';

// The README's example, kept true.
describe('the README example', () => {
  it('applies a pod, steps the scheduler, and settles to a started container', () => {
    const cluster = createCluster({ seed: 7 });
    const results = cluster.apply(`
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers: [{ name: nginx, image: nginx:1.14.2, resources: { requests: { cpu: 500m } } }]
`);
    expect(results[0].message).toBe('pod/web created');
    expect(cluster.step().map((a) => `${a.actor} ${a.verb}`)).toEqual(['default-scheduler bind']);
    expect(cluster.get('Pod', 'default', 'web')?.spec).toMatchObject({ nodeName: expect.stringMatching(/^node-[123]$/) });
    expect(cluster.schedulingTrace('default', 'web')?.filter).toHaveLength(4);
    cluster.settle();
    expect(cluster.events().filter((e) => e.involvedObject.name === 'web').map((e) => e.reason)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
  });
});
