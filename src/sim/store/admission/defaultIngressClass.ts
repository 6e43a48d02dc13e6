// Mirrors plugin/pkg/admission/network/defaultingressclass/admission.go: an Ingress created without a class gets the
// IngressClass annotated as the default; with several defaults the newest wins (as since v1.29).
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../../api/object';
import type { AdmissionPlugin } from './admissionPlugin';

const IS_DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class';
const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** defaultIngressClass fills spec.ingressClassName of new Ingresses that name no class, as the admission plugin does. */
export const defaultIngressClass: AdmissionPlugin = {
  name: 'DefaultIngressClass',
  admit(obj, _old, op, view) {
    if (op !== 'CREATE' || obj.kind !== 'Ingress') return;
    const ingress = obj as unknown as Ingress & KubeObject;
    if (ingress.spec?.ingressClassName || ingress.metadata.annotations?.[LEGACY_CLASS_ANNOTATION] !== undefined) return;
    const defaults = view.list('IngressClass').filter((c) => c.metadata.annotations?.[IS_DEFAULT_CLASS] === 'true');
    if (defaults.length === 0) return;
    const newest = defaults.reduce((a, b) => ((b.metadata.creationTimestamp ?? '') > (a.metadata.creationTimestamp ?? '') ? b : a));
    ingress.spec = { ...ingress.spec, ingressClassName: newest.metadata.name };
  },
};
