// Mirrors ValidateConfigMap, ValidateConfigMapUpdate, ValidateSecret, ValidateSecretUpdate and
// ValidateServiceAccount in pkg/apis/core/validation/validation.go. Leaves out the dockercfg JSON checks.
import type { ConfigMap, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import { type FieldError, fieldErrors } from '../../../fieldError';
import { nameIsDNSSubdomain, validateObjectMeta } from '../../../meta/v1/validation';
import { isConfigMapKey } from '../../../validation/names';
import { key, semanticEqual, validateImmutableField } from './common';

/** MaxSecretSize is core.MaxSecretSize: 1 MiB of data per ConfigMap or Secret. */
export const MaxSecretSize = 1024 * 1024;
const IMMUTABLE = 'field is immutable when `immutable` is set';

/** base64DecodedLength is the byte length of a base64 value, as Go holds Secret data decoded. */
function base64DecodedLength(value: string): number {
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return Math.floor((value.length * 3) / 4) - padding;
}

/** validateConfigMap is ValidateConfigMap: valid keys, none in both data and binaryData, at most 1 MiB. */
export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  let size = 0;
  for (const [k, value] of Object.entries(cm.data ?? {})) {
    errs.push(...isConfigMapKey(k).map((m) => fieldErrors.invalid(['data', key(k)], k, m)));
    if (cm.binaryData && k in cm.binaryData) errs.push(fieldErrors.invalid(['data', key(k)], k, 'duplicate of key present in binaryData'));
    size += new TextEncoder().encode(value).length;
  }
  for (const [k, value] of Object.entries(cm.binaryData ?? {})) {
    errs.push(...isConfigMapKey(k).map((m) => fieldErrors.invalid(['binaryData', key(k)], k, m)));
    size += base64DecodedLength(value);
  }
  if (size > MaxSecretSize) errs.push(fieldErrors.tooLong([], '', MaxSecretSize));
  return errs;
}

/** validateConfigMapUpdate is ValidateConfigMapUpdate: an immutable ConfigMap keeps its data. */
export function validateConfigMapUpdate(cm: ConfigMap, old: ConfigMap): FieldError[] {
  const errs: FieldError[] = [];
  if (old.immutable) {
    if (!cm.immutable) errs.push(fieldErrors.forbidden(['immutable'], IMMUTABLE));
    if (!semanticEqual(cm.data, old.data)) errs.push(fieldErrors.forbidden(['data'], IMMUTABLE));
    if (!semanticEqual(cm.binaryData, old.binaryData)) errs.push(fieldErrors.forbidden(['binaryData'], IMMUTABLE));
  }
  return [...errs, ...validateConfigMap(cm)];
}

/** validateSecret is ValidateSecret: valid keys, at most 1 MiB, and the keys each well-known type requires. */
export function validateSecret(secret: Secret): FieldError[] {
  const errs = validateObjectMeta(secret.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
  const data = secret.data ?? {};
  let size = 0;
  for (const [k, value] of Object.entries(data)) {
    errs.push(...isConfigMapKey(k).map((m) => fieldErrors.invalid(['data', key(k)], k, m)));
    size += base64DecodedLength(value);
  }
  if (size > MaxSecretSize) errs.push(fieldErrors.tooLong(['data'], '', MaxSecretSize));
  const require = (...keys: string[]): void => {
    for (const k of keys) if (!(k in data)) errs.push(fieldErrors.required(['data', key(k)]));
  };
  switch (secret.type) {
    case 'kubernetes.io/service-account-token':
      if (!secret.metadata?.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(fieldErrors.required(['metadata', 'annotations', key('kubernetes.io/service-account.name')]));
      }
      break;
    case 'kubernetes.io/dockercfg':
      require('.dockercfg');
      break;
    case 'kubernetes.io/dockerconfigjson':
      require('.dockerconfigjson');
      break;
    case 'kubernetes.io/basic-auth':
      if (!('username' in data) && !('password' in data)) require('username', 'password');
      break;
    case 'kubernetes.io/ssh-auth':
      if (!data['ssh-privatekey']) errs.push(fieldErrors.required(['data', key('ssh-privatekey')]));
      break;
    case 'kubernetes.io/tls':
      require('tls.crt', 'tls.key');
      break;
  }
  return errs;
}

/** validateSecretUpdate is ValidateSecretUpdate: the type is immutable, and so is the data of an immutable Secret. */
export function validateSecretUpdate(secret: Secret, old: Secret): FieldError[] {
  const errs = validateImmutableField(secret.type, old.type, ['type']);
  if (old.immutable) {
    if (!secret.immutable) errs.push(fieldErrors.forbidden(['immutable'], IMMUTABLE));
    if (!semanticEqual(secret.data, old.data)) errs.push(fieldErrors.forbidden(['data'], IMMUTABLE));
  }
  return [...errs, ...validateSecret(secret)];
}

/** validateServiceAccount is ValidateServiceAccount: metadata only. */
export function validateServiceAccount(sa: ServiceAccount): FieldError[] {
  return validateObjectMeta(sa.metadata ?? {}, true, nameIsDNSSubdomain, ['metadata']);
}
