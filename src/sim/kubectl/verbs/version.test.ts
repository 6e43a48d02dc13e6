import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';
import { versionVerb } from './version';

const ctx = contextFor(createCluster({ seed: 1, kubelets: false, controllers: false }));

describe('kubectl version', () => {
  it.each([
    ['prints the client, its kustomize and the server', 'version', 'Client Version: v1.35.0\nKustomize Version: v5.7.1\nServer Version: v1.35.0\n'],
    ['--client leaves the server out', 'version --client', 'Client Version: v1.35.0\nKustomize Version: v5.7.1\n'],
  ])('%s', (_, line, stdout) => {
    expect(runKubectl(ctx, line, [versionVerb])).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it('--short was removed in 1.28', () => {
    expect(runKubectl(ctx, 'version --short', [versionVerb])).toEqual({
      stdout: '',
      stderr: "error: unknown flag: --short\nSee 'kubectl version --help' for usage.\n",
      exitCode: 1,
    });
  });
});
