// Every document of the shared corpus of real manifests (/work/shared/manifests, see its README) is a valid
// object: defaulting and validation, in the API server's order, report nothing. The one deliberately malformed
// manifest is rejected earlier, at decode time, by another part of Kubeplay.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../api/fieldError';
import type { KubeObject } from '../api/object';
import { DEFAULT_KINDS } from './index';
import { apiVersionOf, type AdmissionView } from './kindSpec';

const corpusDir = fileURLToPath(new URL('../../../../shared/manifests/', import.meta.url));
const MALFORMED = 'website__pods-pod-with-node-affinity.yaml';
const view: AdmissionView = { get: () => undefined, list: () => [] };

const documents: [string, KubeObject][] = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.yaml') && f !== MALFORMED)
  .sort()
  .flatMap((file) =>
    parseAllDocuments(readFileSync(corpusDir + file, 'utf8'))
      .map((doc) => doc.toJS() as KubeObject | null)
      .filter((obj): obj is KubeObject => obj !== null)
      .map((obj): [string, KubeObject] => [`${file}: ${obj.kind} ${obj.metadata?.name}`, obj]),
  );

describe('the shared manifest corpus', () => {
  it('has documents to check', () => expect(documents.length).toBeGreaterThan(100));

  it.each(documents)('%s defaults and validates without errors', (_name, input) => {
    const spec = DEFAULT_KINDS.find((k) => k.kind === input.kind);
    expect(spec, `kind ${input.kind} is served`).toBeDefined();
    expect(apiVersionOf(spec!)).toBe(input.apiVersion);
    const obj = structuredClone(input);
    // What the store does before the kind's hooks: namespace defaulting and the server-set uid.
    if (spec!.namespaced) obj.metadata.namespace ||= 'default';
    (obj.metadata as { uid?: string }).uid = '8a1a3c40-0000-4000-8000-000000000001';
    spec!.defaults?.(obj);
    spec!.prepareForCreate?.(obj);
    expect((spec!.validate?.(obj, undefined, view) ?? []).map(fieldErrorString)).toEqual([]);
  });
});
