import { describe, expect, it } from 'vitest';
import { loadFiles, saveFiles, uniqueName } from './fileStore';

const fallback = { files: [{ name: 'default', text: 'a: 1' }], active: 0 };

function memoryStorage(initial?: string) {
  const data = new Map<string, string>(initial === undefined ? [] : [['kubeplay.editor.v1', initial]]);
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('editor file persistence', () => {
  it('what was saved is loaded back after a reload', () => {
    const storage = memoryStorage();
    saveFiles(storage, { files: [{ name: 'web', text: 'kind: Pod' }, { name: 'svc', text: 'kind: Service' }], active: 1 });
    expect(loadFiles(storage, fallback)).toEqual({ files: [{ name: 'web', text: 'kind: Pod' }, { name: 'svc', text: 'kind: Service' }], active: 1 });
  });

  it.each([['not json {'], ['{"files": 3}'], ['{"files": []}'], ['null']])('corrupt storage %s falls back instead of throwing', (raw) => {
    expect(loadFiles(memoryStorage(raw), fallback)).toEqual(fallback);
  });

  it('an out-of-range active tab is clamped', () => {
    expect(loadFiles(memoryStorage('{"files":[{"name":"a","text":""}],"active":7}'), fallback).active).toBe(0);
  });

  it('new tabs get unique names', () => {
    expect(uniqueName([{ name: 'web', text: '' }, { name: 'web-2', text: '' }], 'web')).toBe('web-3');
    expect(uniqueName([], 'web')).toBe('web');
  });
});
