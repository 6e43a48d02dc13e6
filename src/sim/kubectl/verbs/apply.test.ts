import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

const web = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: nginx }] }
`;

const FILES: Record<string, string> = {
  'web.yaml': web(2),
  'web-3.yaml': web(3),
  'bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ok }\n---\napiVersion: v1\nkind: Foo\nmetadata: { name: x }\n',
  'broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n',
  'empty.yaml': '',
};

function setup() {
  const cluster = createCluster({ seed: 1 });
  const ctx = contextFor(cluster, FILES);
  return { cluster, run: (line: string) => runKubectl(ctx, line) };
}

describe('kubectl apply -f', () => {
  it.each([
    { name: 'an object that does not exist is created', before: [], line: 'kubectl apply -f web.yaml', stdout: text('deployment.apps/web created'), replicas: 2 },
    { name: 'applying the same file again changes nothing', before: ['kubectl apply -f web.yaml'], line: 'kubectl apply -f web.yaml', stdout: text('deployment.apps/web unchanged'), replicas: 2 },
    { name: 'a changed file configures the live object', before: ['kubectl apply -f web.yaml'], line: 'kubectl apply -f web-3.yaml', stdout: text('deployment.apps/web configured'), replicas: 3 },
  ])('$name', ({ before, line, stdout, replicas }) => {
    const { cluster, run } = setup();
    for (const b of before) run(b);
    expect(run(line)).toEqual({ stdout, stderr: '', exitCode: 0 });
    expect((cluster.get('Deployment', 'default', 'web')?.spec as { replicas: number }).replicas).toBe(replicas);
  });

  it.each([
    {
      name: 'a document kubectl cannot map fails while the others apply, naming the file',
      line: 'kubectl apply -f bad.yaml',
      result: {
        stdout: text('configmap/ok created'),
        stderr: text('error: resource mapping not found for name: "x" namespace: "" from "bad.yaml": no matches for kind "Foo" in version "v1"', 'ensure CRDs are installed first'),
        exitCode: 1,
      },
    },
    {
      name: 'a YAML syntax error names the file',
      line: 'kubectl apply -f broken.yaml',
      result: { stdout: '', stderr: expect.stringMatching(/^error: error parsing broken\.yaml: error converting YAML to JSON: yaml: line \d+: /), exitCode: 1 },
    },
    { name: 'a file without objects is refused', line: 'kubectl apply -f empty.yaml', result: { stdout: '', stderr: text('error: no objects passed to apply'), exitCode: 1 } },
    { name: 'a file that is not open does not exist', line: 'kubectl apply -f nope.yaml', result: { stdout: '', stderr: text('error: the path "nope.yaml" does not exist'), exitCode: 1 } },
    { name: 'apply needs -f', line: 'kubectl apply', result: { stdout: '', stderr: text('error: must specify one of -f and -k'), exitCode: 1 } },
  ])('$name', ({ line, result }) => {
    expect(setup().run(line)).toEqual(result);
  });

  it('narrates the write as kubectl applying the named file', () => {
    const { cluster, run } = setup();
    run('kubectl apply -f web.yaml');
    expect(cluster.actions().find((a) => a.kind === 'Deployment')).toMatchObject({
      actor: 'kubectl',
      reason: 'kubectl apply -f web.yaml: applied deployment.apps/web: the object did not exist, so it was created',
    });
  });
});
