import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';
import { clusterInfoVerb } from './clusterInfo';

describe('kubectl cluster-info', () => {
  it('names the control plane and CoreDNS, whose kube-dns Service is a cluster service', () => {
    const cluster = createCluster({ seed: 1, addons: true });
    cluster.settle();
    expect(runKubectl(contextFor(cluster), 'cluster-info', [clusterInfoVerb])).toEqual({
      stdout:
        'Kubernetes control plane is running at https://172.18.0.2:6443\n' +
        'CoreDNS is running at https://172.18.0.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n' +
        "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
      stderr: '',
      exitCode: 0,
    });
  });

  it('without addons only the control plane runs', () => {
    const cluster = createCluster({ seed: 1, kubelets: false, controllers: false });
    expect(runKubectl(contextFor(cluster), 'cluster-info', [clusterInfoVerb]).stdout).toBe(
      "Kubernetes control plane is running at https://172.18.0.2:6443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });
});
