// Mirrors validateContainers, validateInitContainers, validateContainerCommon, validateContainerPorts, ValidateEnv,
// ValidateVolumeMounts, validatePullPolicy and checkHostPortConflicts in pkg/apis/core/validation/validation.go.
// Leaves out envFrom, volume devices, resize policy, container security contexts, sub-path expressions and DRA claims.
import type { Container, ContainerPort, EnvVar, VolumeMount } from 'kubernetes-types/core/v1';
import { type FieldError, fieldErrors, type PathSegment } from '../../../fieldError';
import { isValidPortName, isValidPortNum } from '../../../validation/names';
import { notFound, validateDNS1123Label } from './common';
import { validateLifecycle, validateLivenessProbe, validateReadinessProbe, validateStartupProbe } from './probe';
import { validateContainerResourceRequirements } from './resources';

/** SupportedPortProtocols is supportedPortProtocols, in sets.List order. */
export const SupportedPortProtocols = ['SCTP', 'TCP', 'UDP'];

/** validateContainerPorts is validateContainerPorts: named ports unique, numbers in range, protocol supported. */
export function validateContainerPorts(ports: readonly ContainerPort[] | undefined, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const idx = [...path, i];
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) errs.push(...msgs.map((m) => fieldErrors.invalid([...idx, 'name'], port.name, m)));
      else if (names.has(port.name)) errs.push(fieldErrors.duplicate([...idx, 'name'], port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(fieldErrors.required([...idx, 'containerPort']));
    else errs.push(...isValidPortNum(port.containerPort).map((m) => fieldErrors.invalid([...idx, 'containerPort'], port.containerPort, m)));
    if (port.hostPort) errs.push(...isValidPortNum(port.hostPort).map((m) => fieldErrors.invalid([...idx, 'hostPort'], port.hostPort, m)));
    if (!port.protocol) errs.push(fieldErrors.required([...idx, 'protocol']));
    else if (!SupportedPortProtocols.includes(port.protocol)) {
      errs.push(fieldErrors.notSupported([...idx, 'protocol'], port.protocol, SupportedPortProtocols));
    }
  });
  return errs;
}

const RELAXED_ENV_VAR_NAME_MSG = "a valid environment variable name must consist only of printable ASCII characters other than '='";
/** Field paths a container may read through env valueFrom.fieldRef (validEnvDownwardAPIFieldPathExpressions). */
const ENV_FIELD_PATHS = [
  'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP',
  'status.hostIPs', 'status.podIP', 'status.podIPs',
];
const SUBSCRIPTED_FIELD_PATH = /^metadata\.(labels|annotations)\['.+'\]$/;

/** validateEnv is ValidateEnv with relaxed names (RelaxedEnvironmentVariableValidation, GA in v1.34). */
export function validateEnv(vars: readonly EnvVar[] | undefined, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  (vars ?? []).forEach((ev, i) => {
    const idx = [...path, i];
    if (!ev.name) errs.push(fieldErrors.required([...idx, 'name']));
    else if ([...ev.name].some((ch) => ch === '=' || ch < ' ' || ch > '~')) {
      errs.push(fieldErrors.invalid([...idx, 'name'], ev.name, RELAXED_ENV_VAR_NAME_MSG));
    }
    errs.push(...validateEnvVarValueFrom(ev, [...idx, 'valueFrom']));
  });
  return errs;
}

function validateEnvVarValueFrom(ev: EnvVar, path: PathSegment[]): FieldError[] {
  const from = ev.valueFrom;
  if (!from) return [];
  const errs: FieldError[] = [];
  let sources = 0;
  if (from.fieldRef) {
    sources++;
    const fp = from.fieldRef.fieldPath;
    if (!from.fieldRef.apiVersion) errs.push(fieldErrors.required([...path, 'fieldRef', 'apiVersion']));
    else if (!fp) errs.push(fieldErrors.required([...path, 'fieldRef', 'fieldPath']));
    else if (!ENV_FIELD_PATHS.includes(fp) && !SUBSCRIPTED_FIELD_PATH.test(fp)) {
      errs.push(fieldErrors.notSupported([...path, 'fieldRef', 'fieldPath'], fp, ENV_FIELD_PATHS));
    }
  }
  if (from.resourceFieldRef) sources++;
  for (const ref of ['configMapKeyRef', 'secretKeyRef'] as const) {
    const selector = from[ref];
    if (!selector) continue;
    sources++;
    if (!selector.key) errs.push(fieldErrors.required([...path, ref, 'key']));
  }
  if (sources === 0) {
    errs.push(fieldErrors.invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  } else if (ev.value) {
    errs.push(fieldErrors.invalid(path, '', 'may not be specified when `value` is not empty'));
  } else if (sources > 1) {
    errs.push(fieldErrors.invalid(path, '', 'may not have more than one field specified at a time'));
  }
  return errs;
}

/** validateVolumeMounts is ValidateVolumeMounts: each mount names a pod volume and has a unique mountPath. */
export function validateVolumeMounts(mounts: readonly VolumeMount[] | undefined, volumes: ReadonlySet<string>, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    const idx = [...path, i];
    if (!m.name) errs.push(fieldErrors.required([...idx, 'name']));
    if (!volumes.has(m.name)) errs.push(notFound([...idx, 'name'], m.name));
    if (!m.mountPath) errs.push(fieldErrors.required([...idx, 'mountPath']));
    if (mountPoints.has(m.mountPath)) errs.push(fieldErrors.invalid([...idx, 'mountPath'], m.mountPath, 'must be unique'));
    mountPoints.add(m.mountPath);
  });
  return errs;
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

function validatePullPolicy(policy: string | undefined, path: PathSegment[]): FieldError[] {
  if (!policy) return [fieldErrors.required(path)];
  return PULL_POLICIES.includes(policy) ? [] : [fieldErrors.notSupported(path, policy, PULL_POLICIES)];
}

/** validateContainerCommon is validateContainerCommon: what every kind of container must satisfy. */
export function validateContainerCommon(c: Container, volumes: ReadonlySet<string>, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(fieldErrors.required([...path, 'name']));
  else errs.push(...validateDNS1123Label(c.name, [...path, 'name']));
  if (!c.image) errs.push(fieldErrors.required([...path, 'image']));
  const policy = c.terminationMessagePolicy;
  if (!policy) errs.push(fieldErrors.required([...path, 'terminationMessagePolicy']));
  else if (policy !== 'File' && policy !== 'FallbackToLogsOnError') {
    errs.push(fieldErrors.notSupported([...path, 'terminationMessagePolicy'], policy, ['File', 'FallbackToLogsOnError']));
  }
  errs.push(...validateContainerPorts(c.ports, [...path, 'ports']));
  errs.push(...validateEnv(c.env, [...path, 'env']));
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, [...path, 'volumeMounts']));
  errs.push(...validatePullPolicy(c.imagePullPolicy, [...path, 'imagePullPolicy']));
  errs.push(...validateContainerResourceRequirements(c.resources, [...path, 'resources']));
  return errs;
}

/** checkHostPortConflicts is AccumulateUniqueHostPorts over one list: protocol/hostIP/hostPort must not repeat. */
export function checkHostPortConflicts(containers: readonly Container[], path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    (c.ports ?? []).forEach((p, pi) => {
      if (!p.hostPort) return;
      const id = `${p.protocol ?? ''}/${p.hostIP ?? ''}/${p.hostPort}`;
      if (seen.has(id)) errs.push(fieldErrors.duplicate([...path, ci, 'ports', pi, 'hostPort'], id));
      else seen.add(id);
    });
  });
  return errs;
}

/**
 * Frozen container lists known valid, with the volumes and grace period they were checked against. Every pod of a
 * ReplicaSet shares its stored template's list (getPodFromTemplate); a frozen list is part of a stored object, frozen
 * to its leaves (deepFreeze), and its validity depends on nothing else, so each is checked once. Invalid lists are
 * not kept: their errors carry the path they were found at.
 */
const validLists = new WeakMap<readonly Container[], string>();

/** listContext is what a list's validity depends on besides the list: the grace period and the valid volumes. */
function listContext(volumes: ReadonlySet<string>, gracePeriod: number | undefined): string {
  return volumes.size === 0 ? String(gracePeriod) : `${gracePeriod}/${[...volumes].join('/')}`;
}

/** validateContainers is validateContainers: at least one container, unique names, probes and hooks valid. */
export function validateContainers(
  containers: readonly Container[] | undefined,
  volumes: ReadonlySet<string>,
  gracePeriod: number | undefined,
  path: PathSegment[],
): FieldError[] {
  if (!containers || containers.length === 0) return [fieldErrors.required(path)];
  const context = Object.isFrozen(containers) ? listContext(volumes, gracePeriod) : undefined;
  if (context !== undefined && validLists.get(containers) === context) return [];
  const errs = checkContainers(containers, volumes, gracePeriod, path);
  if (context !== undefined && errs.length === 0) validLists.set(containers, context);
  return errs;
}

function checkContainers(containers: readonly Container[], volumes: ReadonlySet<string>, gracePeriod: number | undefined, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const idx = [...path, i];
    errs.push(...validateContainerCommon(c, volumes, idx));
    if (names.has(c.name)) errs.push(fieldErrors.duplicate([...idx, 'name'], c.name));
    else names.add(c.name);
    if (c.lifecycle) errs.push(...validateLifecycle(c.lifecycle, gracePeriod, [...idx, 'lifecycle']));
    errs.push(...validateLivenessProbe(c.livenessProbe, [...idx, 'livenessProbe']));
    errs.push(...validateReadinessProbe(c.readinessProbe, [...idx, 'readinessProbe']));
    errs.push(...validateStartupProbe(c.startupProbe, [...idx, 'startupProbe']));
    if (c.restartPolicy !== undefined) errs.push(fieldErrors.forbidden([...idx, 'restartPolicy'], 'may not be set for non-init containers'));
  });
  errs.push(...checkHostPortConflicts(containers, path));
  return errs;
}

const INIT_FORBIDDEN = 'may not be set for init containers without restartPolicy=Always';

/**
 * validateInitContainers is validateInitContainers: names unique across init and app containers; probes and
 * hooks only on restartable (sidecar) init containers, whose only allowed restartPolicy is Always.
 */
export function validateInitContainers(
  initContainers: readonly Container[] | undefined,
  containers: readonly Container[] | undefined,
  volumes: ReadonlySet<string>,
  gracePeriod: number | undefined,
  path: PathSegment[],
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((containers ?? []).map((c) => c.name));
  (initContainers ?? []).forEach((c, i) => {
    const idx = [...path, i];
    errs.push(...validateContainerCommon(c, volumes, idx));
    let restartAlways = false;
    if (c.restartPolicy !== undefined) {
      if (c.restartPolicy === 'Always') restartAlways = true;
      else errs.push(fieldErrors.notSupported([...idx, 'restartPolicy'], c.restartPolicy, ['Always']));
    }
    if (names.has(c.name)) errs.push(fieldErrors.duplicate([...idx, 'name'], c.name));
    else if (c.name) names.add(c.name);
    errs.push(...checkHostPortConflicts([c], path));
    if (restartAlways) {
      if (c.lifecycle) errs.push(...validateLifecycle(c.lifecycle, gracePeriod, [...idx, 'lifecycle']));
      errs.push(...validateLivenessProbe(c.livenessProbe, [...idx, 'livenessProbe']));
      errs.push(...validateReadinessProbe(c.readinessProbe, [...idx, 'readinessProbe']));
      errs.push(...validateStartupProbe(c.startupProbe, [...idx, 'startupProbe']));
    } else {
      for (const field of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (c[field]) errs.push(fieldErrors.forbidden([...idx, field], INIT_FORBIDDEN));
      }
    }
  });
  return errs;
}
