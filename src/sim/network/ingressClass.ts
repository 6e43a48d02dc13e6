// Mirrors ingress-nginx's class filter (internal/ingress/controller/store IngressClass checks: spec.ingressClassName
// naming an IngressClass whose spec.controller is k8s.io/ingress-nginx, or the legacy kubernetes.io/ingress.class
// annotation equal to "nginx"), sortIngressSlice (oldest first, then namespace/name), and the labels of the official
// deploy manifests. An Ingress without any class counts when one of the controller's IngressClasses is the default:
// the DefaultIngressClass admission plugin would have set its ingressClassName, and the simulated API server does
// not run that plugin.
import type { IngressClassObject, IngressObject, PodObject } from './types';

/** IngressClassAnnotation is the class annotation used before spec.ingressClassName existed. */
export const IngressClassAnnotation = 'kubernetes.io/ingress.class';
/** DefaultIngressClassAnnotation marks the IngressClass that Ingresses without a class get. */
export const DefaultIngressClassAnnotation = 'ingressclass.kubernetes.io/is-default-class';

/** IngressControllerConfig is how the controller recognises its Ingresses, its pods and its Service. */
export interface IngressControllerConfig {
  /** The spec.controller value of the IngressClasses it serves (--controller-class). */
  controller: string;
  /** The value of the legacy class annotation it accepts (--ingress-class). */
  annotationClass: string;
  /** Where its pods and Service live, and the Service it publishes (--publish-service). */
  namespace: string;
  serviceName: string;
  /** Labels every controller pod carries. */
  podLabels: Readonly<Record<string, string>>;
  /** The container ports nginx listens on for HTTP and HTTPS. */
  ports: readonly number[];
}

/** INGRESS_NGINX is ingress-nginx as its deploy manifests install it. */
export const INGRESS_NGINX: IngressControllerConfig = {
  controller: 'k8s.io/ingress-nginx',
  annotationClass: 'nginx',
  namespace: 'ingress-nginx',
  serviceName: 'ingress-nginx-controller',
  podLabels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
  ports: [80, 443],
};

/** controllerClasses picks the IngressClasses this controller implements. */
export function controllerClasses(classes: readonly IngressClassObject[], config: IngressControllerConfig): IngressClassObject[] {
  return classes.filter((ic) => ic.spec?.controller === config.controller);
}

/** isIngressOfController says whether the controller serves this Ingress, given its IngressClasses. */
export function isIngressOfController(ing: IngressObject, classes: readonly IngressClassObject[], config: IngressControllerConfig): boolean {
  const className = ing.spec?.ingressClassName;
  if (className) return classes.some((ic) => ic.metadata.name === className);
  const annotation = ing.metadata.annotations?.[IngressClassAnnotation];
  if (annotation !== undefined) return annotation === config.annotationClass;
  return classes.some((ic) => ic.metadata.annotations?.[DefaultIngressClassAnnotation] === 'true');
}

/** servedIngresses lists the controller's Ingresses in the order ingress-nginx builds its configuration. */
export function servedIngresses(ingresses: readonly IngressObject[], allClasses: readonly IngressClassObject[], config: IngressControllerConfig): IngressObject[] {
  const classes = controllerClasses(allClasses, config);
  return ingresses
    .filter((ing) => isIngressOfController(ing, classes, config))
    .sort((a, b) => compare(a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? '') || compare(`${a.metadata.namespace}/${a.metadata.name}`, `${b.metadata.namespace}/${b.metadata.name}`));
}

/** isControllerPod: a pod of the controller's Deployment (its namespace and labels). */
export function isControllerPod(pod: PodObject, config: IngressControllerConfig): boolean {
  if (pod.metadata.namespace !== config.namespace) return false;
  const labels = pod.metadata.labels ?? {};
  return Object.entries(config.podLabels).every(([k, v]) => labels[k] === v);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
