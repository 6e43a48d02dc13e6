// Mirrors k8s.io/kubectl/pkg/cmd/expose/expose.go (RunExpose, createService, parseLabels) with
// pkg/polymorphichelpers canbeexposed.go, mapbasedselectorforobject.go, portsforobject.go and
// multiprotocolsforobject.go: a Service selecting the pods of a deployment, replica set, pod, service or replication
// controller. Leaves out --overrides, --dry-run=server and --save-config.
import type { ParsedArgs } from '../commandLine';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { PodSpec, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { DNS1035_LABEL_MAX_LENGTH } from '../../api/validation/names';
import { resolveResourceType } from '../resourceArgs';
import { KubectlError, namespaceOf, ok, type KubectlContext, type Verb } from '../verb';
import { resolveInfos, type Info } from './builder';
import { filenameFlag } from './manifests';
import { outputFlag } from './operation';
import { createOrPrint, dryRunFlag } from './dryRun';

/** EXPOSABLE are the group kinds canBeExposed accepts. */
const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet']);

export const exposeVerb: Verb = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  group: 'Basic Commands (Beginner)',
  use: 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
  long: [
    'Expose a resource as a new Kubernetes service.',
    '',
    ' Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.',
    '',
    ' Possible resources include (case insensitive):',
    '',
    ' pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)',
  ].join('\n'),
  example: [
    '  # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000',
    '  kubectl expose rc nginx --port=80 --target-port=8000',
    '',
    '  # Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"',
    '  kubectl expose pod valid-pod --port=444 --name=frontend',
    '',
    '  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000',
    '  kubectl expose deployment nginx --port=80 --target-port=8000',
  ].join('\n'),
  flags: [
    { name: 'protocol', type: 'string', usage: "The network protocol for the service to be created. Default is 'TCP'." },
    { name: 'port', type: 'string', usage: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' },
    { name: 'type', type: 'string', usage: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
    { name: 'load-balancer-ip', type: 'string', usage: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).' },
    {
      name: 'selector',
      type: 'string',
      usage: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)',
    },
    { name: 'labels', shorthand: 'l', type: 'string', usage: 'Labels to apply to the service created by this call.' },
    { name: 'target-port', type: 'string', usage: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
    {
      name: 'external-ip',
      type: 'string',
      usage: 'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.',
    },
    { name: 'name', type: 'string', usage: 'The name for the newly created object.' },
    { name: 'session-affinity', type: 'string', usage: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
    { name: 'cluster-ip', type: 'string', usage: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
    filenameFlag('identifying the resource to expose a service'),
    outputFlag,
    dryRunFlag,
  ],
  run(ctx, args) {
    const namespace = namespaceOf(ctx, args);
    const found = resolveInfos(ctx, { args: args.positionals, namespace, filenames: args.strings('filename') });
    if (found.errors.length > 0) throw found.errors[0];
    let stdout = '';
    for (const info of found.infos) stdout += exposeOne(ctx, args, info, namespace, args.string.bind(args));
    return ok(stdout);
  },
};

function exposeOne(ctx: KubectlContext, args: ParsedArgs, info: Info, namespace: string, flag: (name: string) => string): string {
  if (!EXPOSABLE.has(info.spec.kind)) {
    throw new KubectlError(`cannot expose a ${info.spec.group ? `${info.spec.kind}.${info.spec.group}` : info.spec.kind}`);
  }
  let selector = flag('selector');
  if (!selector) {
    try {
      selector = mapBasedSelector(info.object);
    } catch (err) {
      throw new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: ${(err as Error).message}`);
    }
  }
  let port = flag('port');
  let ports = '';
  if (!port) {
    const found = portsFor(info.object);
    if (found.length === 0 && flag('cluster-ip') !== 'None') throw new KubectlError("couldn't find port via --port flag or introspection");
    if (found.length === 1) port = found[0];
    else ports = found.join(',');
  }
  const protocols = protocolsFor(info.object);
  const labels = flag('labels') || Object.entries(info.object.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  const service = buildService({
    name: flag('name') || info.name.slice(0, DNS1035_LABEL_MAX_LENGTH),
    namespace,
    selector,
    labels,
    portString: ports || port,
    protocol: flag('protocol'),
    protocols,
    targetPort: flag('target-port'),
    externalIP: flag('external-ip'),
    type: flag('type'),
    loadBalancerIP: flag('load-balancer-ip'),
    sessionAffinity: flag('session-affinity'),
    clusterIP: flag('cluster-ip'),
  });
  const spec = service.spec ?? {};
  const portText = (spec.ports ?? []).map((p) => `${p.port}→${p.targetPort}`).join(', ');
  const reason =
    `kubectl expose ${info.spec.kind.toLowerCase()} ${info.name}: a ${spec.type ?? 'ClusterIP'} Service` +
    `${portText ? ` on port ${portText}` : ''} selecting ${selector}, the ${info.spec.kind}'s pods`;
  return createOrPrint(ctx.client, args, resolveResourceType(ctx.registry, 'services'), service, reason, 'exposed');
}

interface ServiceParams {
  name: string;
  namespace: string;
  selector: string;
  labels: string;
  portString: string;
  protocol: string;
  /** Protocols of the exposed object's ports, by port number. */
  protocols: ReadonlyMap<string, string[]>;
  targetPort: string;
  externalIP: string;
  type: string;
  loadBalancerIP: string;
  sessionAffinity: string;
  clusterIP: string;
}

/** buildService is expose.go createService. */
function buildService(p: ServiceParams): Service & KubeObject {
  const selector = parseLabels(p.selector);
  const labels = p.labels ? parseLabels(p.labels) : undefined;
  const ports: ServicePort[] = [];
  if (p.portString) {
    const list = p.portString.split(',');
    list.forEach((text, i) => {
      if (!/^[+-]?\d+$/.test(text)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
      const port = Number(text);
      const name = list.length > 1 ? `port-${i + 1}` : undefined;
      let protocol = p.protocol;
      if (!protocol) {
        protocol = 'TCP';
        const exposed = p.protocols.get(text);
        if (exposed && exposed.length > 1) {
          for (const each of exposed) ports.push({ name: `port-${i + 1}-${each.toLowerCase()}`, port, protocol: each });
          return;
        }
        if (exposed) protocol = exposed[0];
      }
      ports.push({ ...(name ? { name } : {}), port, protocol });
    });
  }
  // intstr.Parse: a number if it parses as one, else a port name; the port itself when not given.
  for (const port of ports) port.targetPort = p.targetPort ? (/^[+-]?\d+$/.test(p.targetPort) ? Number(p.targetPort) : p.targetPort) : port.port;
  const service: Service & KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: p.name, namespace: p.namespace, ...(labels ? { labels } : {}) },
    spec: { selector, ports },
  };
  const spec = service.spec!;
  if (p.externalIP) spec.externalIPs = [p.externalIP];
  if (p.type) spec.type = p.type;
  if (spec.type === 'LoadBalancer' && p.loadBalancerIP) spec.loadBalancerIP = p.loadBalancerIP;
  if (p.sessionAffinity) {
    if (p.sessionAffinity !== 'None' && p.sessionAffinity !== 'ClientIP') throw new KubectlError(`unknown session affinity: ${p.sessionAffinity}`);
    spec.sessionAffinity = p.sessionAffinity;
  }
  if (p.clusterIP) spec.clusterIP = p.clusterIP;
  return service;
}

/** parseLabels is expose.go parseLabels: `k=v,k2=v2`, each with exactly one `=` and a key. */
function parseLabels(spec: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${part}`);
    if (kv[0] === '') throw new KubectlError('unexpected empty label key');
    labels[kv[0]] = kv[1];
  }
  return labels;
}

/** mapBasedSelector is MapBasedSelectorForObject: the pod selector of the exposed object as `k=v,...`. */
function mapBasedSelector(obj: KubeObject): string {
  const spec = obj.spec as { selector?: LabelSelector | Record<string, string> } | undefined;
  const join = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `${k}=${v}`).join(',');
  switch (obj.kind) {
    case 'Pod':
      if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) throw new Error('the pod has no labels and cannot be exposed');
      return join(obj.metadata.labels);
    case 'Service':
    case 'ReplicationController':
      if (!spec?.selector) throw new Error(obj.kind === 'Service' ? 'the service has no pod selector set' : 'the replication controller has no selector');
      return join(spec.selector as Record<string, string>);
    default: {
      const selector = spec?.selector as LabelSelector | undefined;
      if (selector?.matchExpressions && selector.matchExpressions.length > 0) {
        const exprs = selector.matchExpressions.map((e) => `{Key:${e.key} Operator:${e.operator} Values:[${(e.values ?? []).join(' ')}]}`);
        throw new Error(`couldn't convert expressions - "[${exprs.join(' ')}]" to map-based selector format`);
      }
      return join(selector?.matchLabels ?? {});
    }
  }
}

/** podSpecOf finds the pods' spec: a pod's own, or the template's. */
function podSpecOf(obj: KubeObject): PodSpec | undefined {
  if (obj.kind === 'Pod') return obj.spec as PodSpec;
  return (obj.spec as { template?: { spec?: PodSpec } } | undefined)?.template?.spec;
}

/** portsFor is PortsForObject: a service's ports, or the container ports of the pods. */
function portsFor(obj: KubeObject): string[] {
  if (obj.kind === 'Service') return ((obj as Service & KubeObject).spec?.ports ?? []).map((p) => String(p.port));
  return (podSpecOf(obj)?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => String(p.containerPort)));
}

/** protocolsFor is MultiProtocolsForObject: each port's protocols, TCP where none is set. */
function protocolsFor(obj: KubeObject): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const add = (port: number, protocol: string | undefined) => {
    const key = String(port);
    result.set(key, [...(result.get(key) ?? []), protocol || 'TCP']);
  };
  if (obj.kind === 'Service') for (const p of (obj as Service & KubeObject).spec?.ports ?? []) add(p.port, p.protocol);
  else for (const c of podSpecOf(obj)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return result;
}
