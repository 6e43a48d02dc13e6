import { describe, expect, it } from 'vitest';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { probeKillGracePeriodSeconds, probeKillMessage } from './probeKill';
import { testPod } from './testing';

const liveness: Container = { name: 'liveness', image: 'registry.k8s.io/busybox', livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] } } };

describe('probeKillMessage', () => {
  const cases: Array<{ name: string; pod: Pod; type: 'liveness' | 'startup'; want: string }> = [
    {
      name: 'A liveness kill in a pod that restarts its containers says it will be restarted',
      pod: testPod([liveness], { restartPolicy: 'Always' }),
      type: 'liveness',
      want: 'Container liveness failed liveness probe, will be restarted',
    },
    {
      name: 'A startup kill under restartPolicy OnFailure also says it will be restarted',
      pod: testPod([liveness], { restartPolicy: 'OnFailure' }),
      type: 'startup',
      want: 'Container liveness failed startup probe, will be restarted',
    },
    {
      name: 'Under restartPolicy Never the container stays dead, so the message stops at the probe',
      pod: testPod([liveness], { restartPolicy: 'Never' }),
      type: 'liveness',
      want: 'Container liveness failed liveness probe',
    },
  ];
  for (const c of cases) it(c.name, () => expect(probeKillMessage(c.pod, liveness, c.type)).toBe(c.want));
});

describe('probeKillGracePeriodSeconds', () => {
  const withProbeGrace: Container = { ...liveness, livenessProbe: { ...liveness.livenessProbe, terminationGracePeriodSeconds: 5 } };
  const cases: Array<{ name: string; pod: Pod; container: Container; type: 'liveness' | 'startup'; want: number }> = [
    {
      name: "Without a probe-level grace period the pod's terminationGracePeriodSeconds applies",
      pod: testPod([liveness], { terminationGracePeriodSeconds: 30 }),
      container: liveness,
      type: 'liveness',
      want: 30,
    },
    {
      name: "A liveness probe's terminationGracePeriodSeconds overrides the pod's on a liveness kill",
      pod: testPod([withProbeGrace], { terminationGracePeriodSeconds: 30 }),
      container: withProbeGrace,
      type: 'liveness',
      want: 5,
    },
    {
      name: "A liveness probe's grace period does not apply to a startup kill",
      pod: testPod([withProbeGrace], { terminationGracePeriodSeconds: 30 }),
      container: withProbeGrace,
      type: 'startup',
      want: 30,
    },
    {
      name: 'A pod already being deleted keeps its deletion grace period',
      pod: { ...testPod([withProbeGrace], { terminationGracePeriodSeconds: 30 }), metadata: { name: 'web', deletionGracePeriodSeconds: 10 } },
      container: withProbeGrace,
      type: 'liveness',
      want: 10,
    },
    {
      name: 'With no grace period anywhere the kubelet uses its 2 s minimum',
      pod: testPod([liveness]),
      container: liveness,
      type: 'liveness',
      want: 2,
    },
  ];
  for (const c of cases) it(c.name, () => expect(probeKillGracePeriodSeconds(c.pod, c.container, c.type)).toBe(c.want));
});
