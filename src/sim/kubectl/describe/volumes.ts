// Mirrors k8s.io/kubectl/pkg/describe/describe.go describeVolumes and the print*VolumeSource functions for the
// volume types a simulated cluster meets (hostPath, emptyDir, gitRepo, secret, configMap, projected, nfs,
// persistentVolumeClaim, ephemeral, downwardAPI, csi, image); leaves out the cloud and legacy in-tree volume types
// (printed as `<unknown>`) and the claim template of ephemeral volumes.
import type { Volume } from 'kubernetes-types/core/v1';
import { tryParseQuantity } from '../../api/resource/quantity';
import { byteOrder } from './multiline';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefixWriter';

const MAX_ATTRIBUTE_LEN = 140;

/** describeVolumes prints the `Volumes:` section; space is `  ` inside a pod template. */
export function describeVolumes(volumes: readonly Volume[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const volume of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${volume.name}:\n`);
    describeVolumeSource(volume, w);
  }
}

function describeVolumeSource(v: Volume, w: PrefixWriter): void {
  if (v.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`);
  } else if (v.emptyDir) {
    const limit = v.emptyDir.sizeLimit === undefined ? undefined : tryParseQuantity(v.emptyDir.sizeLimit);
    const sizeLimit = limit && limit.sign() > 0 ? limit.toString() : '<unset>';
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${sizeLimit}\n`);
  } else if (v.gitRepo) {
    w.write(LEVEL_2, `Type:\tGitRepo (a volume that is pulled from git when the pod is created)\n    Repository:\t${v.gitRepo.repository}\n    Revision:\t${v.gitRepo.revision ?? ''}\n`);
  } else if (v.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${v.secret.optional === true}\n`);
  } else if (v.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${v.configMap.optional === true}\n`);
  } else if (v.nfs) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server}\n    Path:\t${v.nfs.path}\n    ReadOnly:\t${v.nfs.readOnly === true}\n`);
  } else if (v.persistentVolumeClaim) {
    const claim = v.persistentVolumeClaim;
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${claim.claimName}\n    ReadOnly:\t${claim.readOnly === true}\n`);
  } else if (v.ephemeral) {
    w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
  } else if (v.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (v.projected) {
    describeProjected(v, w);
  } else if (v.csi) {
    w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${v.csi.driver}\n    FSType:\t${v.csi.fsType ?? ''}\n    ReadOnly:\t${v.csi.readOnly === true}\n`);
    printVolumeAttributes(w, v.csi.volumeAttributes);
  } else if ((v as Volume & { image?: { reference?: string; pullPolicy?: string } }).image) {
    const image = (v as Volume & { image: { reference?: string; pullPolicy?: string } }).image;
    w.write(LEVEL_2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${image.reference ?? ''}\n    PullPolicy:\t${image.pullPolicy ?? ''}\n`);
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

function describeProjected(v: Volume, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const source of v.projected?.sources ?? []) {
    if (source.secret) {
      w.write(LEVEL_2, `SecretName:\t${source.secret.name ?? ''}\n    Optional:\t${source.secret.optional === true}\n`);
    } else if (source.downwardAPI) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (source.configMap) {
      w.write(LEVEL_2, `ConfigMapName:\t${source.configMap.name ?? ''}\n    Optional:\t${source.configMap.optional === true}\n`);
    } else if (source.serviceAccountToken) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
  }
}

/** printVolumeAttributes is printCSIPersistentVolumeAttributesMultiline: `VolumeAttributes:\tk=v`, cut at 140 chars. */
function printVolumeAttributes(w: PrefixWriter, attributes: Readonly<Record<string, string>> | undefined): void {
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  const keys = Object.keys(attributes ?? {}).sort(byteOrder);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    // Every Write call indents, the tab-only continuation included, as upstream's does.
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${key}=${attributes![key]}`;
    w.write(LEVEL_2, line.length > MAX_ATTRIBUTE_LEN ? `${line.slice(0, MAX_ATTRIBUTE_LEN)}...\n` : `${line}\n`);
  });
}
