import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: sleeper
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    livenessProbe:
      exec:
        command: ["true"]
      periodSeconds: 1
      failureThreshold: 1
`;

describe('a terminating pod', () => {
  it('stops acting on liveness: a failing probe during the grace period kills nothing (StopLivenessAndStartup)', () => {
    const c = createCluster({ seed: 5 });
    c.apply(POD);
    c.advance(30_000);
    c.delete('Pod', 'default', 'sleeper');
    expect(c.setProbeOverride('default', 'sleeper', 'liveness', 'fail')).toBe('liveness probes of pod sleeper will fail');
    c.advance(10_000);
    const killing = c.events().filter((e) => e.involvedObject.name === 'sleeper' && e.reason === 'Killing').map((e) => e.message);
    expect(killing).toEqual(['Stopping container app']);
    expect(c.events().some((e) => e.involvedObject.name === 'sleeper' && e.reason === 'Unhealthy')).toBe(false);
  });
});
