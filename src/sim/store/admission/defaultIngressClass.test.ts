import { describe, expect, it } from 'vitest';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../api/object';
import { defaultIngressClass } from './defaultIngressClass';

const ingressClass = (name: string, created: string, isDefault: boolean): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'IngressClass',
  metadata: { name, creationTimestamp: created, ...(isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) },
});

function admit(ingress: KubeObject, classes: KubeObject[]): string | undefined {
  defaultIngressClass.admit!(ingress, undefined, 'CREATE', { get: () => undefined, list: () => classes });
  return (ingress as unknown as Ingress).spec?.ingressClassName;
}

const web = (spec: Ingress['spec'] = {}, annotations?: Record<string, string>): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'web', namespace: 'default', annotations },
  spec,
});

describe('DefaultIngressClass admission', () => {
  it('gives an Ingress without a class the default IngressClass', () => {
    expect(admit(web(), [ingressClass('nginx', '2026-01-01T09:00:00Z', true), ingressClass('traefik', '2026-01-01T09:00:00Z', false)])).toBe('nginx');
  });

  it('keeps a class the Ingress names', () => {
    expect(admit(web({ ingressClassName: 'traefik' }), [ingressClass('nginx', '2026-01-01T09:00:00Z', true)])).toBe('traefik');
  });

  it('leaves an Ingress with the legacy kubernetes.io/ingress.class annotation alone', () => {
    expect(admit(web({}, { 'kubernetes.io/ingress.class': 'nginx' }), [ingressClass('nginx', '2026-01-01T09:00:00Z', true)])).toBeUndefined();
  });

  it('picks the newest of several default classes', () => {
    expect(admit(web(), [ingressClass('a', '2026-01-01T09:00:00Z', true), ingressClass('b', '2026-01-01T09:05:00Z', true)])).toBe('b');
  });

  it('leaves the class unset when no class is the default', () => {
    expect(admit(web(), [ingressClass('nginx', '2026-01-01T09:00:00Z', false)])).toBeUndefined();
  });
});
