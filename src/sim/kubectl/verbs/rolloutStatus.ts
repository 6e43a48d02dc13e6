// Mirrors k8s.io/kubectl/pkg/cmd/rollout/rollout_status.go (Run: list, then watch until done) and
// pkg/polymorphichelpers/rollout_status.go (the Deployment, DaemonSet and StatefulSet status viewers, with the
// Deployment's pod warnings). Leaves out --timeout. Consecutive identical messages are printed once.
import type { DaemonSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { labelSelectorAsSelector } from '../../api/meta/v1/labelSelector';
import { rolloutStatus, type RolloutStatus } from '../../controllers/deployment/rolloutStatus';
import { revision, type DeploymentObject } from '../../controllers/deployment/replicaSets';
import type { WatchEvent } from '../../store/types';
import { KubectlError, type KubectlContext, type KubectlOutput, type KubectlResult, type Verb } from '../verb';
import type { Info } from './builder';
import { rolloutFilenameFlag, rolloutTargets } from './rolloutObjects';

/** The container waiting reasons that make the Deployment viewer add a warning. */
const WARNING_REASONS = new Set(['ImagePullBackOff', 'ErrImagePull', 'CrashLoopBackOff', 'CreateContainerConfigError', 'CreateContainerError']);

export const rolloutStatusVerb: Verb = {
  name: 'status',
  short: 'Show the status of the rollout',
  long: [
    'Show the status of the rollout.',
    '',
    " By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.",
  ].join('\n'),
  use: 'status (TYPE NAME | TYPE/NAME) [flags]',
  example: ['  # Watch the rollout status of a deployment', '  kubectl rollout status deployment/nginx'].join('\n'),
  flags: [
    rolloutFilenameFlag,
    { name: 'watch', shorthand: 'w', type: 'bool', default: true, usage: "Watch the status of the rollout until it's done." },
    { name: 'revision', type: 'int', usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
  ],
  run(ctx, args) {
    const found = rolloutTargets(ctx, args);
    const pinned = args.int('revision');
    if (pinned < 0) throw new KubectlError(`revision must be a positive integer: ${pinned}`);
    if (found.errors.length > 0) throw found.errors[0];
    if (found.infos.length !== 1) {
      throw new KubectlError(`rollout status is only supported on individual resources and resource collections - ${found.infos.length} resources were found`);
    }
    const info = found.infos[0];
    const viewer = statusViewerFor(ctx, info);
    const first = viewer(info.object, pinned);
    if (first.error) throw new KubectlError(first.error);
    const result: KubectlResult = { stdout: first.message, stderr: '', exitCode: 0 };
    if (!first.done && args.bool('watch')) result.stream = { onEvent: (handler) => watchStatus(ctx, info, viewer, pinned, first.message, handler) };
    return result;
  },
};

type StatusViewer = (obj: KubeObject, revision: number) => RolloutStatus;

function statusViewerFor(ctx: KubectlContext, info: Info): StatusViewer {
  switch (info.spec.kind) {
    case 'Deployment':
      return (obj, pinned) => deploymentStatus(ctx, obj as DeploymentObject, pinned);
    case 'DaemonSet':
      return (obj) => daemonSetStatus(obj as DaemonSet & KubeObject);
    case 'StatefulSet':
      return (obj) => statefulSetStatus(obj as StatefulSet & KubeObject);
    default:
      throw new KubectlError(`no status viewer has been implemented for ${info.spec.group ? `${info.spec.kind}.${info.spec.group}` : info.spec.kind}`);
  }
}

/**
 * watchStatus prints the status after every change of the object until the rollout is done (or fails, or the object
 * is deleted), each distinct message once.
 */
function watchStatus(ctx: KubectlContext, info: Info, viewer: StatusViewer, pinned: number, firstMessage: string, handler: (output: KubectlOutput) => void): () => void {
  let last = firstMessage;
  let over = false;
  return ctx.client.watch(info.spec.kind, (event: WatchEvent) => {
    const { namespace, name } = event.object.metadata;
    if (over || name !== info.name || (namespace ?? '') !== info.namespace) return;
    if (event.type === 'DELETED') {
      over = true;
      handler({ stdout: '', stderr: 'error: object has been deleted\n', exitCode: 1 });
      return;
    }
    const status = viewer(event.object, pinned);
    if (status.error) {
      over = true;
      handler({ stdout: '', stderr: `error: ${status.error}\n`, exitCode: 1 });
      return;
    }
    over = status.done;
    if (status.message === last) {
      if (over) handler({ stdout: '', stderr: '', exitCode: 0 });
      return;
    }
    last = status.message;
    handler({ stdout: status.message, stderr: '', ...(over ? { exitCode: 0 } : {}) });
  });
}

/** deploymentStatus is DeploymentStatusViewer.Status: the revision pin, then rolloutStatus with appendWarning. */
function deploymentStatus(ctx: KubectlContext, d: DeploymentObject, pinned: number): RolloutStatus {
  if (pinned > 0) {
    const running = revision(d);
    if (running === undefined) {
      return { message: '', done: false, error: `cannot get the revision of deployment ${JSON.stringify(d.metadata.name)}: strconv.ParseInt: parsing ${JSON.stringify(d.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '')}: invalid syntax` };
    }
    if (running !== pinned) return { message: '', done: false, error: `desired revision (${pinned}) is different from the running revision (${running})` };
  }
  const status = rolloutStatus(d);
  if (status.done || status.error) return status;
  return { ...status, message: appendWarning(ctx, d, status.message) };
}

/**
 * appendWarning names the first reason the Deployment's pods are stuck: unschedulable, or a container waiting on a bad
 * image, a crash loop or a configuration error.
 */
function appendWarning(ctx: KubectlContext, d: DeploymentObject, message: string): string {
  const selector = labelSelectorAsSelector(d.spec.selector);
  const pods = ctx.client.list<Pod & KubeObject>('Pod', { namespace: d.metadata.namespace }).filter((p) => selector.matches(p.metadata.labels));
  for (const pod of pods) {
    const unschedulable = (pod.status?.conditions ?? []).find((c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable');
    if (unschedulable) return `${message.trim()} (Warning: ${unschedulable.message ?? ''})\n`;
    for (const cs of pod.status?.containerStatuses ?? []) {
      const waiting = cs.state?.waiting;
      if (waiting && WARNING_REASONS.has(waiting.reason ?? '')) return `${message.trim()} (Warning: ${waiting.reason} - ${waiting.message ?? ''})\n`;
    }
  }
  return message;
}

function daemonSetStatus(ds: DaemonSet & KubeObject): RolloutStatus {
  const name = ds.metadata.name ?? '';
  const status = ds.status ?? { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  }
  if ((ds.metadata.generation ?? 0) > (status.observedGeneration ?? 0)) return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = status.desiredNumberScheduled;
  if ((status.updatedNumberScheduled ?? 0) < desired) {
    return { message: `Waiting for daemon set ${JSON.stringify(name)} rollout to finish: ${status.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
  }
  if ((status.numberAvailable ?? 0) < desired) {
    return { message: `Waiting for daemon set ${JSON.stringify(name)} rollout to finish: ${status.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
  }
  return { message: `daemon set ${JSON.stringify(name)} successfully rolled out\n`, done: true };
}

function statefulSetStatus(sts: StatefulSet & KubeObject): RolloutStatus {
  const strategy = sts.spec?.updateStrategy;
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    return { message: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' };
  }
  const status = sts.status ?? { replicas: 0 };
  if (!status.observedGeneration || (sts.metadata.generation ?? 0) > status.observedGeneration) {
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  const replicas = sts.spec?.replicas;
  if (replicas !== undefined && (status.readyReplicas ?? 0) < replicas) {
    return { message: `Waiting for ${replicas - (status.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  }
  if (strategy?.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && (status.updatedReplicas ?? 0) < replicas - partition) {
      return { message: `Waiting for partitioned roll out to finish: ${status.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    }
    return { message: `partitioned roll out complete: ${status.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
  }
  if (status.updateRevision !== status.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${status.updatedReplicas ?? 0} pods at revision ${status.updateRevision ?? ''}...\n`, done: false };
  }
  return { message: `statefulset rolling update complete ${status.currentReplicas ?? 0} pods at revision ${status.currentRevision ?? ''}...\n`, done: true };
}
