// Cases after pkg/apis/storage/validation/validation_test.go TestValidateStorageClass and
// TestValidateStorageClassUpdate.
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../fieldError';
import { setDefaultsStorageClass, validateStorageClass } from './storageClass';

const sc = (provisioner: string, extra: Partial<StorageClass> = {}): StorageClass => {
  const obj: StorageClass = { metadata: { name: 'my-storage-class' }, provisioner, ...extra };
  setDefaultsStorageClass(obj);
  return obj;
};

describe('StorageClass', () => {
  it('deletes volumes and binds immediately by default', () => {
    expect(sc('kubernetes.io/no-provisioner')).toMatchObject({ reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
  });

  it.each<[string, StorageClass, string[]]>([
    ['a provisioner is required', sc(''), ['provisioner: Required value']],
    ['the reclaim policy is Delete or Retain', sc('a.io/b', { reclaimPolicy: 'Recycle' }), ['reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"']],
  ])('%s', (_name, obj, want) => expect(validateStorageClass(obj).map(fieldErrorString)).toEqual(want));

  it('forbids changing parameters and provisioner', () => {
    const old = sc('a.io/b', { parameters: { type: 'ssd' } });
    expect(validateStorageClass(sc('a.io/c', { parameters: { type: 'hdd' } }), old).map(fieldErrorString)).toEqual([
      'parameters: Forbidden: updates to parameters are forbidden.',
      'provisioner: Forbidden: updates to provisioner are forbidden.',
    ]);
  });
});
