import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';
import { apiVersionsVerb } from './apiVersions';

const ctx = contextFor(createCluster({ seed: 1, kubelets: false, controllers: false }));

describe('kubectl api-versions', () => {
  it('prints each served group/version once, sorted, the core v1 last', () => {
    expect(runKubectl(ctx, 'api-versions', [apiVersionsVerb])).toEqual({
      stdout: 'apps/v1\nautoscaling/v2\nbatch/v1\ncoordination.k8s.io/v1\ndiscovery.k8s.io/v1\nnetworking.k8s.io/v1\npolicy/v1\nscheduling.k8s.io/v1\nstorage.k8s.io/v1\nv1\n',
      stderr: '',
      exitCode: 0,
    });
  });
});
