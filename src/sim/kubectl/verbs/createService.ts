// Mirrors k8s.io/kubectl/pkg/cmd/create/create_service.go (ServiceOptions.Validate, createService, parsePorts and the
// clusterip, nodeport, loadbalancer and externalname subcommands): the Service kubectl's generator builds, with
// label and selector app=NAME. Leaves out --save-config.
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { StatusError } from '../../api/statusError';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../../api/validation/names';
import type { FlagSpec, ParsedArgs } from '../commandLine';
import { resolveResourceType } from '../resourceArgs';
import { KubectlError, namespaceOf, ok, usageError, type KubectlContext, type KubectlResult, type Verb } from '../verb';
import { outputFlag } from './operation';
import { createOrPrint, dryRunFlag } from './dryRun';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

const tcpFlag: FlagSpec = { name: 'tcp', type: 'stringSlice', usage: "Port pairs can be specified as '<port>:<targetPort>'." };

const clusterIPVerb: Verb = {
  name: 'clusterip',
  short: 'Create a ClusterIP service',
  long: 'Create a ClusterIP service with the specified name.',
  use: 'clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]',
  example: [
    '  # Create a new ClusterIP service named my-cs',
    '  kubectl create service clusterip my-cs --tcp=5678:8080',
    '',
    '  # Create a new ClusterIP service named my-cs (in headless mode)',
    '  kubectl create service clusterip my-cs --clusterip="None"',
  ].join('\n'),
  flags: [
    tcpFlag,
    { name: 'clusterip', type: 'string', usage: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)." },
    outputFlag,
    dryRunFlag,
  ],
  run: (ctx, args) => createService(ctx, args, 'ClusterIP'),
};

const nodePortVerb: Verb = {
  name: 'nodeport',
  short: 'Create a NodePort service',
  long: 'Create a NodePort service with the specified name.',
  use: 'nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
  example: ['  # Create a new NodePort service named my-ns', '  kubectl create service nodeport my-ns --tcp=5678:8080'].join('\n'),
  flags: [tcpFlag, { name: 'node-port', type: 'int', usage: 'Port used to expose the service on each node in a cluster.' }, outputFlag, dryRunFlag],
  run: (ctx, args) => createService(ctx, args, 'NodePort'),
};

const loadBalancerVerb: Verb = {
  name: 'loadbalancer',
  short: 'Create a LoadBalancer service',
  long: 'Create a LoadBalancer service with the specified name.',
  use: 'loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
  example: ['  # Create a new LoadBalancer service named my-lbs', '  kubectl create service loadbalancer my-lbs --tcp=5678:8080'].join('\n'),
  flags: [tcpFlag, outputFlag, dryRunFlag],
  run: (ctx, args) => createService(ctx, args, 'LoadBalancer'),
};

const externalNameVerb: Verb = {
  name: 'externalname',
  short: 'Create an ExternalName service',
  long: [
    'Create an ExternalName service with the specified name.',
    '',
    ' ExternalName service references to an external DNS address instead of only pods, which will allow application authors to reference services that exist off platform, on other clusters, or locally.',
  ].join('\n'),
  use: 'externalname NAME --external-name external.name [--dry-run=server|client|none]',
  example: ['  # Create a new ExternalName service named my-ns', '  kubectl create service externalname my-ns --external-name bar.com'].join('\n'),
  flags: [tcpFlag, { name: 'external-name', type: 'string', usage: 'External name of service' }, outputFlag, dryRunFlag],
  run: (ctx, args) => createService(ctx, args, 'ExternalName'),
};

export const createServiceVerb: Verb = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  long: 'Create a service using a specified subcommand.',
  flags: [],
  subcommands: [clusterIPVerb, externalNameVerb, loadBalancerVerb, nodePortVerb],
};

function createService(ctx: KubectlContext, args: ParsedArgs, type: ServiceType): KubectlResult {
  const command = `kubectl create service ${type.toLowerCase()}`;
  if (type === 'ExternalName' && !args.changed('external-name')) throw new KubectlError('required flag(s) "external-name" not set');
  const argsLen = args.argsLenAtDash === -1 ? args.positionals.length : args.argsLenAtDash;
  if (argsLen !== 1) throw usageError(command, `exactly one NAME is required, got ${argsLen}`);
  const name = args.positionals[0];
  const tcp = args.strings('tcp');
  const clusterIP = args.has('clusterip') ? args.string('clusterip') : '';
  const externalName = args.has('external-name') ? args.string('external-name') : '';
  if (clusterIP === 'None' && type !== 'ClusterIP') throw new KubectlError('ClusterIP=None can only be used with ClusterIP service type');
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw new KubectlError('at least one tcp port specifier must be provided');
  if (type === 'ExternalName' && isDNS1123Subdomain(externalName).length > 0) throw new KubectlError(`invalid service external name ${externalName}`);

  const nodePort = args.has('node-port') ? args.int('node-port') : 0;
  const ports = tcp.map((spec) => servicePort(spec, nodePort));
  const service: Service & KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: namespaceOf(ctx, args), labels: { app: name } },
    spec: { type, selector: { app: name }, ports, ...(externalName ? { externalName } : {}), ...(clusterIP ? { clusterIP } : {}) },
  };
  const portText = ports.map((p) => `${p.port}→${p.targetPort}`).join(', ');
  const reason = `${command} ${name}: a ${type} Service${portText ? ` forwarding port ${portText}` : ''} to pods labelled app=${name}`;
  try {
    return ok(createOrPrint(ctx.client, args, resolveResourceType(ctx.registry, 'services'), service, reason));
  } catch (err) {
    if (err instanceof StatusError) throw new KubectlError(`failed to create ${type} service: ${err.message}`);
    throw err;
  }
}

/** servicePort is parsePorts: `port[:targetPort]`, the target a number or a port name; named `port-target`. */
function servicePort(spec: string, nodePort: number): ServicePort {
  const [portText, target] = spec.split(':');
  const port = parsePort(portText);
  let targetPort: number | string = port;
  if (target !== undefined) {
    if (/^[+-]?\d+$/.test(target)) {
      const n = Number(target);
      const errs = isValidPortNum(n);
      if (errs.length > 0) throw new KubectlError(errs.join(','));
      targetPort = n;
    } else {
      const errs = isValidPortName(target);
      if (errs.length > 0) throw new KubectlError(errs.join(','));
      targetPort = target;
    }
  }
  const sp: ServicePort = { name: spec.replaceAll(':', '-'), port, targetPort, protocol: 'TCP' };
  if (nodePort !== 0) sp.nodePort = nodePort;
  return sp;
}

/** parsePort is utilsnet.ParsePort(port, allowZero=true): strconv.ParseUint(port, 10, 16). */
function parsePort(text: string): number {
  if (!/^\d+$/.test(text)) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`);
  const n = Number(text);
  if (n > 65535) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`);
  return n;
}
