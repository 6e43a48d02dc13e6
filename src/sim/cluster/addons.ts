// Mirrors cmd/kubeadm/app/phases/addons/dns/manifests.go (the CoreDNS ConfigMap, Deployment and kube-dns Service as
// kubeadm v1.35 renders them), pkg/controlplane/controller/kubernetesservice (the default/kubernetes Service the API
// server keeps) and ingress-nginx's deploy/static/provider/baremetal/deploy.yaml at controller-v1.12.1. Leaves out
// RBAC (ClusterRoles, Roles and their bindings), ServiceAccounts and their token Secrets, the admission webhook (its
// Service, ValidatingWebhookConfiguration and certgen Jobs), ingress-nginx's empty controller ConfigMap, the
// kubernetes Endpoints/EndpointSlice, and kube-dns's `resourceVersion: "0"` (kubeadm sets it only for upgrades).
import type { ConfigMap, Namespace, Service } from 'kubernetes-types/core/v1';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { IngressClass } from 'kubernetes-types/networking/v1';
import type { KubeObject } from '../api/object';

/** KUBERNETES_SERVICE_IP is the first address of kubeadm's service subnet 10.96.0.0/12. */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
/** KUBE_DNS_IP is kubeadm's cluster DNS address: the tenth of the service subnet. */
export const KUBE_DNS_IP = '10.96.0.10';
/** DNS_DOMAIN is kubeadm's networking.dnsDomain. */
export const DNS_DOMAIN = 'cluster.local';
/** COREDNS_IMAGE is kubeadm v1.35's constants.CoreDNSImageName at CoreDNSVersion. */
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.13.1';
/** INGRESS_NGINX_IMAGE is the controller image of ingress-nginx controller-v1.12.1, digest-pinned as upstream pins it. */
export const INGRESS_NGINX_IMAGE =
  'registry.k8s.io/ingress-nginx/controller:v1.12.1@sha256:d2fbc4ec70d8aa2050dd91a91506e998765e86c96f32cffb56c503c9c34eed5b';
const CONTROL_PLANE_TAINT = 'node-role.kubernetes.io/control-plane';

const asObject = <T>(obj: T): KubeObject => obj as unknown as KubeObject;

/** kubernetesService is `default/kubernetes`: the API server's own Service on the first address of the range. */
export function kubernetesService(): KubeObject {
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      clusterIP: KUBERNETES_SERVICE_IP,
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
  };
  return asObject(svc);
}

/** COREFILE is kubeadm's Corefile template rendered for DNSDomain cluster.local. */
export const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes ${DNS_DOMAIN} in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success ${DNS_DOMAIN}
       disable denial ${DNS_DOMAIN}
    }
    loop
    reload
    loadbalance
}
`;

/** coreDNSConfigMap is `kube-system/coredns`, holding the Corefile. */
export function coreDNSConfigMap(): KubeObject {
  const cm: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: COREFILE } };
  return asObject(cm);
}

/** coreDNSDeployment is `kube-system/coredns`: two replicas that prefer different nodes. */
export function coreDNSDeployment(): KubeObject {
  const deployment: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 100,
                  podAffinityTerm: {
                    labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] },
                    topologyKey: 'kubernetes.io/hostname',
                  },
                },
              ],
            },
          },
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: CONTROL_PLANE_TAINT, effect: 'NoSchedule' },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [
            {
              name: 'coredns',
              image: COREDNS_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
              args: ['-conf', '/etc/coredns/Corefile'],
              volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
                { containerPort: 8080, name: 'liveness-probe', protocol: 'TCP' },
                { containerPort: 8181, name: 'readiness-probe', protocol: 'TCP' },
              ],
              livenessProbe: {
                httpGet: { path: '/health', port: 'liveness-probe', scheme: 'HTTP' },
                initialDelaySeconds: 60,
                timeoutSeconds: 5,
                successThreshold: 1,
                failureThreshold: 5,
              },
              readinessProbe: { httpGet: { path: '/ready', port: 'readiness-probe', scheme: 'HTTP' } },
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
                readOnlyRootFilesystem: true,
              },
            },
          ],
          dnsPolicy: 'Default',
          volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
        },
      },
    },
  };
  return asObject(deployment);
}

/** kubeDNSService is `kube-system/kube-dns`: CoreDNS keeps the kube-dns name so clients need not change. */
export function kubeDNSService(): KubeObject {
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: KUBE_DNS_IP,
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
    },
  };
  return asObject(svc);
}

const INGRESS_NGINX_VERSION = '1.12.1';
/** ingressNginxLabels are the chart's labels on every object, with its component. */
const ingressNginxLabels = (component: string): Record<string, string> => ({
  'app.kubernetes.io/component': component,
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/part-of': 'ingress-nginx',
  'app.kubernetes.io/version': INGRESS_NGINX_VERSION,
});
const INGRESS_NGINX_SELECTOR = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
};

/**
 * ingressNginx is the cloud install (deploy/static/provider/cloud): the controller behind a LoadBalancer Service with
 * externalTrafficPolicy Local, so an Ingress answers on the load balancer's IP at port 80. The `nginx` IngressClass is
 * marked the default class, as minikube's and kind's ingress add-ons do, so Ingresses without ingressClassName (as
 * most tutorials write them) are served.
 */
export function ingressNginx(): KubeObject[] {
  const namespace: Namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'ingress-nginx', labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' } },
  };
  const service: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-nginx', labels: ingressNginxLabels('controller') },
    spec: {
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [
        { appProtocol: 'http', name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
        { appProtocol: 'https', name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' },
      ],
      externalTrafficPolicy: 'Local',
      selector: INGRESS_NGINX_SELECTOR,
      type: 'LoadBalancer',
    },
  };
  const probe = (failureThreshold: number) => ({
    failureThreshold,
    httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' },
    initialDelaySeconds: 10,
    periodSeconds: 10,
    successThreshold: 1,
    timeoutSeconds: 1,
  });
  const deployment: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-nginx', labels: ingressNginxLabels('controller') },
    spec: {
      minReadySeconds: 0,
      revisionHistoryLimit: 10,
      selector: { matchLabels: INGRESS_NGINX_SELECTOR },
      strategy: { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' },
      template: {
        metadata: { labels: ingressNginxLabels('controller') },
        spec: {
          containers: [
            {
              args: [
                '/nginx-ingress-controller',
                '--election-id=ingress-nginx-leader',
                '--controller-class=k8s.io/ingress-nginx',
                '--ingress-class=nginx',
                '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
                '--validating-webhook=:8443',
                '--validating-webhook-certificate=/usr/local/certificates/cert',
                '--validating-webhook-key=/usr/local/certificates/key',
                '--enable-metrics=false',
              ],
              env: [
                { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
              ],
              image: INGRESS_NGINX_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              lifecycle: { preStop: { exec: { command: ['/wait-shutdown'] } } },
              livenessProbe: probe(5),
              name: 'controller',
              ports: [
                { containerPort: 80, name: 'http', protocol: 'TCP' },
                { containerPort: 443, name: 'https', protocol: 'TCP' },
                { containerPort: 8443, name: 'webhook', protocol: 'TCP' },
              ],
              readinessProbe: probe(3),
              resources: { requests: { cpu: '100m', memory: '90Mi' } },
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
                readOnlyRootFilesystem: false,
                runAsGroup: 82,
                runAsNonRoot: true,
                runAsUser: 101,
                seccompProfile: { type: 'RuntimeDefault' },
              },
              volumeMounts: [{ mountPath: '/usr/local/certificates/', name: 'webhook-cert', readOnly: true }],
            },
          ],
          dnsPolicy: 'ClusterFirst',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          serviceAccountName: 'ingress-nginx',
          terminationGracePeriodSeconds: 300,
          volumes: [{ name: 'webhook-cert', secret: { secretName: 'ingress-nginx-admission' } }],
        },
      },
    },
  };
  const ingressClass: IngressClass = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: 'nginx', labels: ingressNginxLabels('controller'), annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
    spec: { controller: 'k8s.io/ingress-nginx' },
  };
  return [namespace, service, deployment, ingressClass].map(asObject);
}

/**
 * clusterAddons lists, in creation order, what is installed after the control plane: CoreDNS as kubeadm's addon phase
 * creates it (ConfigMap, Deployment, Service), then ingress-nginx.
 */
export function clusterAddons(): KubeObject[] {
  return [coreDNSConfigMap(), coreDNSDeployment(), kubeDNSService(), ...ingressNginx()];
}

/** networkAddons is everything a kubeadm cluster has for networking once `init` is done: the API server's Service, then the add-ons. */
export function networkAddons(): KubeObject[] {
  return [kubernetesService(), ...clusterAddons()];
}
