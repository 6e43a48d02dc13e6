// Mirrors ValidatePodSpec, ValidatePodTemplateSpec, validatePodMetadataAndSpec, ValidatePodCreate and
// ValidatePodUpdate in pkg/apis/core/validation/validation.go. Leaves out pod annotations (seccomp, AppArmor,
// sysctls), OS-specific checks, DRA claims, pod-level resources, overhead, runtime classes and host-user namespaces.
//
// ATTENTION: a forbidden pod update is reported without upstream's trailing `cmp.Diff` of the two specs.
import type { Pod, PodSecurityContext, PodSpec, PodTemplateSpec, Toleration } from 'kubernetes-types/core/v1';
import { type FieldError, fieldErrors, type PathSegment } from '../../../fieldError';
import { inclusiveRangeError, isQualifiedName } from '../../../validation/names';
import { nameIsDNSSubdomain, validateAnnotations, validateLabels, validateObjectMeta } from '../../../meta/v1/validation';
import { validateAffinity, validateTopologySpreadConstraints } from './affinity';
import { semanticEqual, validateDNS1123Label } from './common';
import { validateContainers, validateInitContainers } from './container';
import { validateTolerations } from './toleration';
import { validateVolumes } from './volumes';

const MAX_INT32 = 2147483647;
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

function validateRestartPolicy(policy: string | undefined, path: PathSegment[]): FieldError[] {
  if (!policy) return [fieldErrors.required(path)];
  return RESTART_POLICIES.includes(policy) ? [] : [fieldErrors.notSupported(path, policy, RESTART_POLICIES)];
}

function validateDNSPolicy(policy: string | undefined, path: PathSegment[]): FieldError[] {
  if (!policy) return [fieldErrors.required(path)];
  return DNS_POLICIES.includes(policy) ? [] : [fieldErrors.notSupported(path, policy, DNS_POLICIES)];
}

function validateIDs(sc: PodSecurityContext | undefined, path: PathSegment[]): FieldError[] {
  if (!sc) return [];
  const errs: FieldError[] = [];
  // The path is built only for a bad id: every pod has a security context, few set ids, fewer wrong ones.
  const check = (id: number | undefined, ...at: PathSegment[]): void => {
    if (id !== undefined && (id < 0 || id > MAX_INT32)) errs.push(fieldErrors.invalid([...path, ...at], id, inclusiveRangeError(0, MAX_INT32)));
  };
  check(sc.fsGroup, 'fsGroup');
  check(sc.runAsUser, 'runAsUser');
  check(sc.runAsGroup, 'runAsGroup');
  (sc.supplementalGroups ?? []).forEach((g, i) => check(g, 'supplementalGroups', i));
  return errs;
}

function validateNames(value: string | undefined, path: PathSegment[]): FieldError[] {
  return value ? nameIsDNSSubdomain(value, false).map((m) => fieldErrors.invalid(path, value, m)) : [];
}

/** present: the part is there to check (the checks read a missing list as empty). */
const present = (part: unknown): boolean => part !== undefined && part !== null;

/** NO_VOLUMES stands for the volumes of a spec without any; never written to. */
const NO_VOLUMES: Set<string> = new Set();

/**
 * validatePodSpec is ValidatePodSpec: containers, policies, scheduling constraints and names. Each check of an
 * optional part runs only when the part is there (a check of an absent part finds nothing), and policies are looked
 * up before their paths are built: every pod created passes through here.
 */
export function validatePodSpec(spec: PodSpec, path: PathSegment[], isPod = false): FieldError[] {
  const errs: FieldError[] = [];
  const grace = spec.terminationGracePeriodSeconds;
  if (grace === undefined || grace === null) errs.push(fieldErrors.required([...path, 'terminationGracePeriodSeconds']));
  let volumes: Set<string> = NO_VOLUMES;
  if (present(spec.volumes)) {
    const checked = validateVolumes(spec.volumes, [...path, 'volumes']);
    volumes = checked.names;
    errs.push(...checked.errs);
  }
  errs.push(...validateContainers(spec.containers, volumes, grace, [...path, 'containers']));
  // Without init containers there is nothing to check, and collecting the app containers' names cannot fail:
  // validateContainers has read each of them (only a containers value that is not a list makes it throw).
  if (present(spec.initContainers) || (present(spec.containers) && !Array.isArray(spec.containers))) {
    errs.push(...validateInitContainers(spec.initContainers, spec.containers, volumes, grace, [...path, 'initContainers']));
  }
  if (spec.hostNetwork) {
    (spec.containers ?? []).forEach((c, i) => {
      (c.ports ?? []).forEach((p, j) => {
        // On a Pod hostPort must equal containerPort; a template may leave it 0 for the Pod defaulter to fill.
        const hp = p.hostPort ?? 0;
        if ((isPod || hp !== 0) && hp !== p.containerPort) {
          errs.push(fieldErrors.invalid([...path, 'containers', i, 'ports', j, 'hostPort'], hp, 'must match `containerPort` when `hostNetwork` is true'));
        }
      });
    });
  }
  if (!spec.restartPolicy || !RESTART_POLICIES.includes(spec.restartPolicy)) {
    errs.push(...validateRestartPolicy(spec.restartPolicy, [...path, 'restartPolicy']));
  }
  if (!spec.dnsPolicy || !DNS_POLICIES.includes(spec.dnsPolicy)) errs.push(...validateDNSPolicy(spec.dnsPolicy, [...path, 'dnsPolicy']));
  if (present(spec.nodeSelector)) errs.push(...validateLabels(spec.nodeSelector, [...path, 'nodeSelector']));
  if (spec.securityContext) errs.push(...validateIDs(spec.securityContext, [...path, 'securityContext']));
  if (spec.affinity) errs.push(...validateAffinity(spec.affinity, [...path, 'affinity']));
  if (spec.dnsPolicy === 'None' && !(spec.dnsConfig?.nameservers ?? []).length) {
    errs.push(
      spec.dnsConfig
        ? fieldErrors.required([...path, 'dnsConfig', 'nameservers'], 'must provide at least one DNS nameserver when `dnsPolicy` is None')
        : fieldErrors.required([...path, 'dnsConfig'], 'must provide `dnsConfig` when `dnsPolicy` is None'),
    );
  }
  (spec.readinessGates ?? []).forEach((g, i) => {
    const p = [...path, 'readinessGates', i, 'conditionType'];
    errs.push(...isQualifiedName(g.conditionType).map((m) => fieldErrors.invalid(p, g.conditionType, m)));
  });
  const gates = new Set<string>();
  (spec.schedulingGates ?? []).forEach((g, i) => {
    const p = [...path, 'schedulingGates', i];
    errs.push(...isQualifiedName(g.name).map((m) => fieldErrors.invalid(p, g.name, m)));
    if (gates.has(g.name)) errs.push(fieldErrors.duplicate(p, g.name));
    gates.add(g.name);
  });
  if (present(spec.topologySpreadConstraints)) {
    errs.push(...validateTopologySpreadConstraints(spec.topologySpreadConstraints, [...path, 'topologySpreadConstraints']));
  }
  if (spec.serviceAccountName) errs.push(...validateNames(spec.serviceAccountName, [...path, 'serviceAccountName']));
  if (spec.nodeName) errs.push(...validateNames(spec.nodeName, [...path, 'nodeName']));
  const deadline = spec.activeDeadlineSeconds;
  if (deadline !== undefined && deadline !== null && (deadline < 1 || deadline > MAX_INT32)) {
    errs.push(fieldErrors.invalid([...path, 'activeDeadlineSeconds'], deadline, inclusiveRangeError(1, MAX_INT32)));
  }
  if (spec.hostname) errs.push(...validateDNS1123Label(spec.hostname, [...path, 'hostname']));
  if (spec.subdomain) errs.push(...validateDNS1123Label(spec.subdomain, [...path, 'subdomain']));
  if (present(spec.tolerations)) errs.push(...validateTolerations(spec.tolerations, [...path, 'tolerations']));
  if (spec.priorityClassName) errs.push(...validateNames(spec.priorityClassName, [...path, 'priorityClassName']));
  const preemption = spec.preemptionPolicy;
  if (preemption !== undefined && preemption !== 'PreemptLowerPriority' && preemption !== 'Never') {
    errs.push(fieldErrors.notSupported([...path, 'preemptionPolicy'], preemption, ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

/** validatePodTemplateSpec is ValidatePodTemplateSpec: template labels and annotations, then the pod spec. */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateLabels(template?.metadata?.labels, [...path, 'labels']));
  errs.push(...validateAnnotations(template?.metadata?.annotations, [...path, 'annotations']));
  errs.push(...validatePodSpec(template?.spec ?? { containers: [] }, [...path, 'spec']));
  if ((template?.spec?.ephemeralContainers ?? []).length > 0) {
    errs.push(fieldErrors.forbidden([...path, 'spec', 'ephemeralContainers'], 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

const CONTAINER_LISTS = ['containers', 'initContainers'] as const;

function validateContainersOnlyForPod(spec: PodSpec): FieldError[] {
  const errs: FieldError[] = [];
  for (const list of CONTAINER_LISTS) {
    const containers = spec[list] ?? [];
    for (let i = 0; i < containers.length; i++) {
      const image = containers[i]!.image;
      if (image !== undefined && image !== image.trim()) {
        errs.push(fieldErrors.invalid(['spec', list, i, 'image'], image, 'must not have leading or trailing whitespace'));
      }
    }
  }
  return errs;
}

function validatePodMetadataAndSpec(pod: Pod): FieldError[] {
  const spec = pod.spec ?? { containers: [] };
  const errs = validateObjectMeta(pod.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  errs.push(...validatePodSpec(spec, ['spec'], true));
  if (!spec.serviceAccountName) {
    (spec.volumes ?? []).forEach((v, vi) => {
      (v.projected?.sources ?? []).forEach((s, si) => {
        if (s.serviceAccountToken) {
          errs.push(fieldErrors.forbidden(['spec', 'volumes', vi, 'projected', 'sources', si, 'serviceAccountToken'], 'must not be specified when serviceAccountName is not set'));
        }
      });
    });
  }
  errs.push(...validateContainersOnlyForPod(spec));
  return errs;
}

/** validatePodCreate is ValidatePodCreate. */
export function validatePodCreate(pod: Pod): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  const spec = pod.spec;
  if ((spec?.ephemeralContainers ?? []).length > 0) errs.push(fieldErrors.forbidden(['spec', 'ephemeralContainers'], 'cannot be set on create'));
  if (spec?.nodeName && (spec.schedulingGates ?? []).length > 0) {
    errs.push(fieldErrors.forbidden(['spec', 'nodeName'], 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

function validateOnlyAddedTolerations(next: readonly Toleration[] | undefined, prev: readonly Toleration[] | undefined, path: PathSegment[]): FieldError[] {
  for (const old of prev ?? []) {
    const kept = (next ?? []).some((t) => semanticEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!kept) return [fieldErrors.forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, path);
}

/**
 * validatePodUpdate is ValidatePodUpdate: a pod's spec is immutable except container images, a shrinking
 * activeDeadlineSeconds, added tolerations and removed scheduling gates.
 */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validatePodMetadataAndSpec(pod);
  const spec = pod.spec ?? { containers: [] };
  const oldSpec = old.spec ?? { containers: [] };
  for (const list of ['containers', 'initContainers'] as const) {
    const next = spec[list] ?? [];
    if (next.length !== (oldSpec[list] ?? []).length) {
      errs.push(fieldErrors.forbidden(['spec', list], 'pod updates may not add or remove containers'));
      return errs;
    }
    next.forEach((c, i) => {
      if (!c.image) errs.push(fieldErrors.required(['spec', list, i, 'image']));
    });
  }
  const deadline = spec.activeDeadlineSeconds;
  if (deadline !== undefined && deadline !== null) {
    if (deadline < 0 || deadline > MAX_INT32) {
      errs.push(fieldErrors.invalid(['spec', 'activeDeadlineSeconds'], deadline, inclusiveRangeError(0, MAX_INT32)));
      return errs;
    }
    if (oldSpec.activeDeadlineSeconds !== undefined && oldSpec.activeDeadlineSeconds < deadline) {
      errs.push(fieldErrors.invalid(['spec', 'activeDeadlineSeconds'], deadline, 'must be less than or equal to previous value'));
      return errs;
    }
  } else if (oldSpec.activeDeadlineSeconds !== undefined) {
    errs.push(fieldErrors.invalid(['spec', 'activeDeadlineSeconds'], null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...validateOnlyAddedTolerations(spec.tolerations, oldSpec.tolerations, ['spec', 'tolerations']));
  const oldGates = new Set((oldSpec.schedulingGates ?? []).map((g) => g.name));
  (spec.schedulingGates ?? []).forEach((g, i) => {
    if (!oldGates.has(g.name)) {
      errs.push(fieldErrors.forbidden(['spec', 'schedulingGates', i, 'name'], `only deletion is allowed, but found new scheduling gate '${g.name}'`));
    }
  });
  const munged: PodSpec = {
    ...spec,
    containers: (spec.containers ?? []).map((c, i) => ({ ...c, image: oldSpec.containers[i]!.image })),
    initContainers: spec.initContainers?.map((c, i) => ({ ...c, image: oldSpec.initContainers![i]!.image })),
    activeDeadlineSeconds: oldSpec.activeDeadlineSeconds,
    tolerations: oldSpec.tolerations,
    schedulingGates: oldSpec.schedulingGates,
  };
  const oldGrace = oldSpec.terminationGracePeriodSeconds;
  if (oldGrace !== undefined && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldGrace;
  if (!semanticEqual(munged, oldSpec)) {
    errs.push(fieldErrors.forbidden(['spec'], `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}`));
  }
  return errs;
}
