import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster/cluster';

const deployment = (replicas: number | string, image = 'nginx:1.14.2') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

describe('apply: kubectl apply -f - on pasted YAML', () => {
  it('answers created, then unchanged, then configured, as kubectl does', () => {
    const c = createCluster({ nodes: [] });
    expect(c.apply(deployment(3)).map((r) => r.message)).toEqual(['deployment.apps/web created']);
    expect(c.apply(deployment(3)).map((r) => r.message)).toEqual(['deployment.apps/web unchanged']);
    expect(c.apply(deployment(3, 'nginx:1.16.1')).map((r) => r.message)).toEqual(['deployment.apps/web configured']);
  });

  it('a field removed from the manifest is removed from the live object (three-way merge)', () => {
    const c = createCluster({ nodes: [] });
    c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\n  labels:\n    a: "1"\n    b: "2"\ndata:\n  k: v\n');
    c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\n  labels:\n    a: "1"\ndata:\n  k: v\n');
    expect(c.get('ConfigMap', 'default', 's')!.metadata.labels).toEqual({ a: '1' });
  });

  it('a validation error names the field and points at its line and column', () => {
    const c = createCluster({ nodes: [] });
    const [result] = c.apply(deployment(-1));
    expect(result.ok).toBe(false);
    expect(result.message).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    expect(result.fieldPath).toBe('spec.replicas');
    expect(result.position).toEqual({ line: 6, column: 3 });
  });

  it('a bad document does not stop the others', () => {
    const c = createCluster({ nodes: [] });
    const text = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n',
      'apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: last\n',
    ].join('---\n');
    const results = c.apply(text);
    expect(results.map((r) => r.ok)).toEqual([true, false, false, true]);
    expect(results[1].message).toBe(
      'error: resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first',
    );
    expect(results[1].position).toEqual({ line: 7, column: 1 });
    expect(results[2].message).toMatch(/^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: /);
    expect(results[2].position!.line).toBeGreaterThanOrEqual(12);
    expect(c.get('ConfigMap', 'default', 'last')).toBeDefined();
  });

  it('a document without apiVersion and kind gets kubectl validation message', () => {
    const c = createCluster({ nodes: [] });
    expect(c.apply('metadata:\n  name: x\n')[0].message).toBe(
      'error: error validating "STDIN": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    );
  });

  it('an object in a missing namespace is refused as the API server refuses it', () => {
    const c = createCluster({ nodes: [] });
    const [result] = c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: mem-example\n');
    expect(result.message).toBe('Error from server (NotFound): error when creating "STDIN": namespaces "mem-example" not found');
    expect(result.position).toEqual({ line: 5, column: 3 });
  });

  it('nothing a user pastes throws: garbage, scalars, lists, binary noise and huge input', () => {
    const c = createCluster({ nodes: [] });
    const inputs = ['', '---\n---\n', '42', '- a\n- b', ': : :', '\u0000\u0001{{{', '[1, 2', 'a: &x\n  b: *x\n', 'kind: Pod\napiVersion: v1\nmetadata: 7\n', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec: "no"\n', 'x: y\n'.repeat(20000)];
    for (const text of inputs) expect(() => c.apply(text)).not.toThrow();
    expect(c.apply('42')[0].ok).toBe(false);
  });

  it('a kind: List applies each item', () => {
    const c = createCluster({ nodes: [] });
    const results = c.apply('apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n');
    expect(results.map((r) => r.message)).toEqual(['configmap/a created', 'configmap/b created']);
  });
});
