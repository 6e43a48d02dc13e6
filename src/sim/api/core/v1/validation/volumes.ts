// Mirrors ValidateVolumes and validateVolumeSource in pkg/apis/core/validation/validation.go for the checks a
// simulated node can act on: names, exactly one source, and the required name/path of common sources. Leaves out
// the cloud/CSI source details, projected-volume paths and generic ephemeral claim templates.
import type { Volume } from 'kubernetes-types/core/v1';
import { type FieldError, fieldErrors, type PathSegment } from '../../../fieldError';
import { validateDNS1123Label } from './common';

/** Volume sources in the order validateVolumeSource checks them; the second one set is reported. */
const SOURCE_ORDER = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume',
  'configMap', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos',
  'projected', 'scaleIO', 'csi', 'ephemeral', 'image',
] as const;

function validateSourceFields(v: Volume, source: string, path: PathSegment[]): FieldError[] {
  const p = [...path, source];
  switch (source) {
    case 'hostPath':
      return v.hostPath?.path ? [] : [fieldErrors.required([...p, 'path'])];
    case 'secret':
      return v.secret?.secretName ? [] : [fieldErrors.required([...p, 'secretName'])];
    case 'configMap':
      return v.configMap?.name ? [] : [fieldErrors.required([...p, 'name'])];
    case 'persistentVolumeClaim':
      return v.persistentVolumeClaim?.claimName ? [] : [fieldErrors.required([...p, 'claimName'])];
    case 'nfs': {
      const errs: FieldError[] = [];
      if (!v.nfs?.server) errs.push(fieldErrors.required([...p, 'server']));
      if (!v.nfs?.path) errs.push(fieldErrors.required([...p, 'path']));
      return errs;
    }
    default:
      return [];
  }
}

function validateVolumeSource(v: Volume, path: PathSegment[]): FieldError[] {
  const errs: FieldError[] = [];
  const record = v as unknown as Record<string, unknown>;
  let sources = 0;
  for (const source of SOURCE_ORDER) {
    if (record[source] === undefined || record[source] === null) continue;
    if (sources > 0) {
      errs.push(fieldErrors.forbidden([...path, source], 'may not specify more than 1 volume type'));
      continue;
    }
    sources++;
    errs.push(...validateSourceFields(v, source, path));
  }
  if (sources === 0) errs.push(fieldErrors.required(path, 'must specify a volume type'));
  return errs;
}

/**
 * validateVolumes is ValidateVolumes: it returns the names of the valid volumes (containers may mount only
 * those) and the errors. A volume with any error is left out of the names, as upstream leaves it out of the map.
 */
export function validateVolumes(volumes: readonly Volume[] | undefined, path: PathSegment[]): { names: Set<string>; errs: FieldError[] } {
  const names = new Set<string>();
  const errs: FieldError[] = [];
  (volumes ?? []).forEach((v, i) => {
    const idx = [...path, i];
    const el = validateVolumeSource(v, idx);
    if (!v.name) el.push(fieldErrors.required([...idx, 'name']));
    else el.push(...validateDNS1123Label(v.name, [...idx, 'name']));
    if (names.has(v.name)) el.push(fieldErrors.duplicate([...idx, 'name'], v.name));
    if (el.length === 0) names.add(v.name);
    else errs.push(...el);
  });
  return { names, errs };
}
