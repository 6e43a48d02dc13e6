import { describe, expect, it } from 'vitest';
import { REVISION_HISTORY_ANNOTATION } from './annotations';
import { rollbackDeployment } from './rollback';
import { REVISION_ANNOTATION, type ReplicaSetObject } from './replicaSets';
import { newScenario } from './scenario';

function web(image: string, paused = false): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  paused: ${paused}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${image}
`;
}

/** byImage maps each ReplicaSet's image to `name revision replicas`. */
function byImage(s: ReturnType<typeof newScenario>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rs of s.cluster.list<ReplicaSetObject>('ReplicaSet')) {
    const history = rs.metadata.annotations?.[REVISION_HISTORY_ANNOTATION];
    out[rs.spec!.template!.spec!.containers[0].image!] =
      `${rs.metadata.name} revision=${rs.metadata.annotations?.[REVISION_ANNOTATION]}${history ? ` history=${history}` : ''} replicas=${rs.spec?.replicas}`;
  }
  return out;
}

describe('rollbackDeployment (kubectl rollout undo)', () => {
  it('Restores the previous ReplicaSet, same name and hash, and bumps its revision', () => {
    const s = newScenario();
    s.cluster.apply(web('nginx:1.0'));
    s.cluster.settle();
    s.cluster.apply(web('nginx:2.0'));
    s.cluster.settle();
    const before = byImage(s);
    const v1Name = before['nginx:1.0'].split(' ')[0];
    const v2Name = before['nginx:2.0'].split(' ')[0];
    expect(rollbackDeployment(s.cluster.client, 'default', 'web', 0)).toEqual({ output: 'deployment.apps/web rolled back' });
    s.cluster.settle();
    expect(byImage(s)).toEqual({
      'nginx:1.0': `${v1Name} revision=3 history=1 replicas=2`,
      'nginx:2.0': `${v2Name} revision=2 replicas=0`,
    });
    expect(s.deployment('web').metadata.annotations?.[REVISION_ANNOTATION]).toBe('3');
    const undo = s.cluster.actions().find((a) => a.actor === 'user' && a.reason.includes('rollout undo'));
    expect(undo?.reason).toBe(`rolled back Deployment web to revision 1 (kubectl rollout undo): the pod template of ReplicaSet ${v1Name} is copied back`);
  });

  it('Rolls back to an explicit revision, and skips one that matches the current template', () => {
    const s = newScenario();
    for (const image of ['nginx:1.0', 'nginx:2.0', 'nginx:3.0']) {
      s.cluster.apply(web(image));
      s.cluster.settle();
    }
    expect(rollbackDeployment(s.cluster.client, 'default', 'web', 3)).toEqual({
      output: 'deployment.apps/web skipped rollback (current template already matches revision 3)',
    });
    expect(rollbackDeployment(s.cluster.client, 'default', 'web', 1)).toEqual({ output: 'deployment.apps/web rolled back' });
    s.cluster.settle();
    expect(s.deployment('web').spec.template.spec?.containers[0].image).toBe('nginx:1.0');
    expect(s.deployment('web').metadata.annotations?.[REVISION_ANNOTATION]).toBe('4');
  });

  it('Reports kubectl errors: no history, unknown revision, paused Deployment, missing Deployment', () => {
    const s = newScenario();
    s.cluster.apply(web('nginx:1.0'));
    s.cluster.settle();
    expect(rollbackDeployment(s.cluster.client, 'default', 'web', 0)).toEqual({ error: 'no rollout history found for deployment "web"' });
    expect(rollbackDeployment(s.cluster.client, 'default', 'web', 7)).toEqual({ error: 'unable to find specified revision 7 in history' });
    expect(rollbackDeployment(s.cluster.client, 'default', 'web', -1)).toEqual({ error: 'unable to find specified revision -1 in history' });
    expect(rollbackDeployment(s.cluster.client, 'default', 'api', 0)).toEqual({ error: 'Error from server (NotFound): deployments.apps "api" not found' });
    s.cluster.apply(web('nginx:2.0'));
    s.cluster.settle();
    s.cluster.apply(web('nginx:2.0', true));
    s.cluster.settle();
    expect(rollbackDeployment(s.cluster.client, 'default', 'web', 0)).toEqual({
      error: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again",
    });
  });
});
