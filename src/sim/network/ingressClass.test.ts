import { describe, expect, it } from 'vitest';
import { INGRESS_NGINX, isControllerPod, isIngressOfController, servedIngresses } from './ingressClass';
import type { IngressClassObject, IngressObject, PodObject } from './types';

function ingressClass(name: string, controller: string, isDefault = false): IngressClassObject {
  const annotations = isDefault ? { 'ingressclass.kubernetes.io/is-default-class': 'true' } : undefined;
  return { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name, annotations }, spec: { controller } };
}

function ingress(name: string, opts: { className?: string; annotation?: string; created?: string; namespace?: string } = {}): IngressObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name,
      namespace: opts.namespace ?? 'default',
      creationTimestamp: opts.created ?? '2026-01-01T09:00:00Z',
      ...(opts.annotation ? { annotations: { 'kubernetes.io/ingress.class': opts.annotation } } : {}),
    },
    spec: opts.className ? { ingressClassName: opts.className } : {},
  };
}

describe('isIngressOfController', () => {
  const nginx = ingressClass('nginx', 'k8s.io/ingress-nginx');
  const cases: { name: string; ingress: IngressObject; classes: IngressClassObject[]; want: boolean }[] = [
    { name: 'spec.ingressClassName naming a class of k8s.io/ingress-nginx is served', ingress: ingress('a', { className: 'nginx' }), classes: [nginx], want: true },
    { name: 'spec.ingressClassName naming a class that does not exist is not', ingress: ingress('a', { className: 'missing' }), classes: [nginx], want: false },
    { name: 'The legacy annotation kubernetes.io/ingress.class: nginx is served', ingress: ingress('a', { annotation: 'nginx' }), classes: [], want: true },
    { name: 'The legacy annotation naming another class is not', ingress: ingress('a', { annotation: 'gce' }), classes: [nginx], want: false },
    { name: 'No class at all is served when a class of the controller is the default', ingress: ingress('a'), classes: [ingressClass('nginx', 'k8s.io/ingress-nginx', true)], want: true },
    { name: 'No class at all is not served otherwise', ingress: ingress('a'), classes: [nginx], want: false },
  ];
  for (const c of cases) it(c.name, () => expect(isIngressOfController(c.ingress, c.classes, INGRESS_NGINX)).toBe(c.want));
});

describe('servedIngresses and isControllerPod', () => {
  it('Served Ingresses come oldest first, then by namespace/name, as ingress-nginx sorts them', () => {
    const classes = [ingressClass('nginx', 'k8s.io/ingress-nginx'), ingressClass('other', 'example.com/other')];
    const got = servedIngresses(
      [
        ingress('late', { className: 'nginx', created: '2026-01-01T09:00:05Z' }),
        ingress('b', { className: 'nginx', namespace: 'a-ns' }),
        ingress('a', { className: 'nginx', namespace: 'b-ns' }),
        ingress('foreign', { className: 'other' }),
      ],
      classes,
      INGRESS_NGINX,
    );
    expect(got.map((i) => `${i.metadata.namespace}/${i.metadata.name}`)).toEqual(['a-ns/b', 'b-ns/a', 'default/late']);
  });

  it('A controller pod lives in ingress-nginx and carries the controller labels', () => {
    const pod = (namespace: string, labels: Record<string, string>): PodObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace, labels } });
    const labels = { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller', 'pod-template-hash': 'x' };
    expect([isControllerPod(pod('ingress-nginx', labels), INGRESS_NGINX), isControllerPod(pod('default', labels), INGRESS_NGINX), isControllerPod(pod('ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' }), INGRESS_NGINX)]).toEqual([true, false, false]);
  });
});
