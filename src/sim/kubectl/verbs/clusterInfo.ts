// Mirrors k8s.io/kubectl/pkg/cmd/clusterinfo/clusterinfo.go: the control plane's address, then each kube-system
// Service labelled kubernetes.io/cluster-service=true with its proxy URL (or load balancer address). kubectl colours the
// names green and the URLs yellow; a terminal that shows no colours prints this. Leaves out `cluster-info dump`.
import type { Node, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { ParsedArgs } from '../commandLine';
import { KubectlError, ok, type KubectlContext, type KubectlResult, type Verb } from '../verb';

/** kubeadm's API server listens on the control-plane node's address, port 6443. */
const API_SERVER_PORT = 6443;

export const clusterInfoVerb: Verb = {
  name: 'cluster-info',
  short: 'Display cluster information',
  long: "Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
  group: 'Cluster Management Commands',
  use: 'cluster-info',
  example: ['  # Print the address of the control plane and cluster services', '  kubectl cluster-info'].join('\n'),
  flags: [],
  run: runClusterInfo,
};

function runClusterInfo(ctx: KubectlContext, args: ParsedArgs): KubectlResult {
  if (args.positionals.length > 0) throw new KubectlError(`unknown command ${JSON.stringify(args.positionals[0])} for "kubectl cluster-info"`);
  const host = `https://${controlPlaneAddress(ctx)}:${API_SERVER_PORT}`;
  // cluster-info looks in kube-system unless -n says otherwise.
  const namespace = args.string('namespace') || 'kube-system';
  const services = ctx.client.list<Service & KubeObject>('Service', { namespace, labelSelector: 'kubernetes.io/cluster-service=true' });
  let out = `Kubernetes control plane is running at ${host}\n`;
  for (const service of services) {
    const name = service.metadata.labels?.['kubernetes.io/name'] || service.metadata.name;
    out += `${name} is running at ${link(service, host)}\n`;
  }
  return ok(`${out}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
}

function link(service: Service & KubeObject, host: string): string {
  const ingress = service.status?.loadBalancer?.ingress?.[0];
  if (ingress) {
    const ip = ingress.ip || ingress.hostname;
    return (service.spec?.ports ?? []).map((p) => `http://${ip}:${p.port} `).join('');
  }
  let name = service.metadata.name ?? '';
  const port = service.spec?.ports?.[0];
  if (port) {
    // utilnet.JoinSchemeNamePort: `scheme:name:port` when a scheme is guessed (https), else `name[:port]`.
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
    if (scheme) name = `${scheme}:${name}:${port.name ?? ''}`;
    else if (port.name) name = `${name}:${port.name}`;
  }
  return `${host}/api/v1/namespaces/${service.metadata.namespace}/services/${name}/proxy`;
}

/** controlPlaneAddress is the InternalIP of the node kubeadm labelled control-plane (the first node otherwise). */
function controlPlaneAddress(ctx: KubectlContext): string {
  const nodes = ctx.client.list<Node & KubeObject>('Node');
  const node = nodes.find((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined) ?? nodes[0];
  return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '127.0.0.1';
}
