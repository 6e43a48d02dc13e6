// Mirrors printHorizontalPodAutoscaler (with formatHPAMetrics), printPodDisruptionBudget, printPriorityClass,
// printStorageClass and printLease in pkg/printers/internalversion/printers.go.
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { tryParseQuantity } from '../../api/resource/quantity';
import { AGE, NAME, age, tableHandler } from './table';

export const horizontalPodAutoscalerTable = tableHandler<HorizontalPodAutoscaler>(
  [NAME, { name: 'Reference' }, { name: 'Targets' }, { name: 'MinPods' }, { name: 'MaxPods' }, { name: 'Replicas' }, AGE],
  (hpa, now) => [
    hpa.metadata.name ?? '',
    `${hpa.spec?.scaleTargetRef.kind}/${hpa.spec?.scaleTargetRef.name}`,
    formatHPAMetrics(hpa.spec?.metrics ?? [], hpa.status?.currentMetrics ?? []),
    hpa.spec?.minReplicas !== undefined ? String(hpa.spec.minReplicas) : '<unset>',
    hpa.spec?.maxReplicas ?? 0,
    hpa.status?.currentReplicas ?? 0,
    age(hpa, now),
  ],
);

/** quantity prints a quantity as resource.Quantity.String() does. */
function quantity(value: string | number | undefined): string {
  return value === undefined ? '<unknown>' : (tryParseQuantity(value)?.toString() ?? String(value));
}

/** formatHPAMetrics is the TARGETS column: `cpu: 40%/50%`, two metrics at most, then ` + N more...`. */
function formatHPAMetrics(specs: readonly MetricSpec[], statuses: readonly MetricStatus[]): string {
  if (specs.length === 0) return '<none>';
  const list = specs.map((spec, i) => {
    const status = statuses[i];
    switch (spec.type) {
      case 'Resource':
      case 'ContainerResource': {
        const source = spec.type === 'Resource' ? spec.resource! : spec.containerResource!;
        const current = spec.type === 'Resource' ? status?.resource?.current : status?.containerResource?.current;
        if (source.target.averageValue !== undefined) {
          return `${source.name}: ${current ? quantity(current.averageValue) : '<unknown>'}/${quantity(source.target.averageValue)}`;
        }
        const now = current?.averageUtilization !== undefined ? `${current.averageUtilization}%` : '<unknown>';
        const target = source.target.averageUtilization !== undefined ? `${source.target.averageUtilization}%` : '<auto>';
        return `${source.name}: ${now}/${target}`;
      }
      case 'Pods':
        return `${status?.pods ? quantity(status.pods.current.averageValue) : '<unknown>'}/${quantity(spec.pods?.target.averageValue)}`;
      case 'Object':
      case 'External': {
        const target = spec.type === 'Object' ? spec.object!.target : spec.external!.target;
        const current = spec.type === 'Object' ? status?.object?.current : status?.external?.current;
        if (target.averageValue !== undefined) {
          return `${current?.averageValue !== undefined ? quantity(current.averageValue) : '<unknown>'}/${quantity(target.averageValue)} (avg)`;
        }
        return `${current ? quantity(current.value) : '<unknown>'}/${quantity(target.value)}`;
      }
      default:
        return '<unknown type>';
    }
  });
  const max = 2;
  return list.length > max ? `${list.slice(0, max).join(', ')} + ${list.length - max} more...` : list.join(', ');
}

export const podDisruptionBudgetTable = tableHandler<PodDisruptionBudget>(
  [NAME, { name: 'Min Available' }, { name: 'Max Unavailable' }, { name: 'Allowed Disruptions' }, AGE],
  (pdb, now) => [
    pdb.metadata.name ?? '',
    pdb.spec?.minAvailable !== undefined ? String(pdb.spec.minAvailable) : 'N/A',
    pdb.spec?.maxUnavailable !== undefined ? String(pdb.spec.maxUnavailable) : 'N/A',
    pdb.status?.disruptionsAllowed ?? 0,
    age(pdb, now),
  ],
);

/** priorityClassTable: PREEMPTIONPOLICY shows without -o wide, because the server always fills it. */
export const priorityClassTable = tableHandler<PriorityClass>(
  [NAME, { name: 'Value' }, { name: 'Global-Default' }, AGE, { name: 'PreemptionPolicy' }],
  (pc, now) => [pc.metadata.name ?? '', pc.value, pc.globalDefault ?? false, age(pc, now), pc.preemptionPolicy ?? ''],
);

const DEFAULT_STORAGE_CLASS = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT_STORAGE_CLASS = 'storageclass.beta.kubernetes.io/is-default-class';

/** storageClassTable: the default class is marked ` (default)` after its name. */
export const storageClassTable = tableHandler<StorageClass>(
  [NAME, { name: 'Provisioner' }, { name: 'ReclaimPolicy' }, { name: 'VolumeBindingMode' }, { name: 'AllowVolumeExpansion' }, AGE],
  (sc, now) => {
    const annotations = sc.metadata.annotations ?? {};
    const isDefault = annotations[DEFAULT_STORAGE_CLASS] === 'true' || annotations[BETA_DEFAULT_STORAGE_CLASS] === 'true';
    return [
      `${sc.metadata.name ?? ''}${isDefault ? ' (default)' : ''}`,
      sc.provisioner,
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      sc.allowVolumeExpansion ?? false,
      age(sc, now),
    ];
  },
);

export const leaseTable = tableHandler<Lease>([NAME, { name: 'Holder' }, AGE], (lease, now) => [
  lease.metadata.name ?? '',
  lease.spec?.holderIdentity ?? '',
  age(lease, now),
]);
