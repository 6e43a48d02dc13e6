import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';
import { runKubectl } from '../kubectl';
import { contextFor } from '../testContext';

const text = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

function setup() {
  const cluster = createCluster({ seed: 1 });
  const ctx = contextFor(cluster);
  const run = (line: string) => runKubectl(ctx, line);
  run('kubectl run web --image=nginx --labels=app=web,tier=fe');
  run('kubectl run db --image=postgres --labels=app=db');
  return { cluster, run };
}

const labels = (cluster: ReturnType<typeof setup>['cluster'], name: string) => cluster.get('Pod', 'default', name)?.metadata.labels;

describe('kubectl label', () => {
  it.each([
    { name: 'a new label is added', line: 'kubectl label pod web env=prod', stdout: text('pod/web labeled'), web: { app: 'web', tier: 'fe', env: 'prod' } },
    { name: '--overwrite replaces a value', line: 'kubectl label pods web app=site --overwrite', stdout: text('pod/web labeled'), web: { app: 'site', tier: 'fe' } },
    { name: 'KEY- removes a label', line: 'kubectl label pod/web tier-', stdout: text('pod/web unlabeled'), web: { app: 'web' } },
    { name: 'with --overwrite a removal still says labeled, as kubectl compares sizes only without it', line: 'kubectl label pod web tier- --overwrite', stdout: text('pod/web labeled'), web: { app: 'web' } },
    {
      name: 'removing a label the pod lacks says so, and the pod is not labeled',
      line: 'kubectl label pod web color-',
      stdout: text('label "color" not found.', 'pod/web not labeled'),
      web: { app: 'web', tier: 'fe' },
    },
    { name: 'the same value again with --overwrite is not labeled', line: 'kubectl label pod web app=web --overwrite', stdout: text('pod/web not labeled'), web: { app: 'web', tier: 'fe' } },
    { name: 'a selector labels every pod it matches', line: 'kubectl label pods -l app=web team=a', stdout: text('pod/web labeled'), web: { app: 'web', tier: 'fe', team: 'a' } },
    { name: '--list prints the labels, sorted', line: 'kubectl label pod web --list', stdout: text('app=web', 'tier=fe'), web: { app: 'web', tier: 'fe' } },
  ])('$name', ({ line, stdout, web }) => {
    const { cluster, run } = setup();
    expect(run(line)).toEqual({ stdout, stderr: '', exitCode: 0 });
    expect(labels(cluster, 'web')).toEqual(web);
  });

  it.each([
    { name: 'an existing key needs --overwrite', line: 'kubectl label pod web app=x', stderr: text("error: 'app' already has a value (web), and --overwrite is false") },
    {
      name: 'two existing keys are both refused, as an aggregate',
      line: 'kubectl label pod web app=x tier=y',
      stderr: text("error: ['app' already has a value (web), and --overwrite is false, 'tier' already has a value (fe), and --overwrite is false]"),
    },
    { name: 'at least one change is required', line: 'kubectl label pod web', stderr: text('error: at least one label update is required') },
    { name: 'a label spec needs = or a trailing -', line: 'kubectl label pod web a=b c=d=e', stderr: text('error: invalid label spec: c=d=e') },
    {
      name: 'a value is validated as a label value',
      line: 'kubectl label pod web a=-bad',
      stderr: text(
        `error: invalid label value: "a=-bad": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ),
    },
    { name: 'one key cannot be both set and removed', line: 'kubectl label pod web a=b a-', stderr: text('error: can not both modify and remove a label in the same command') },
    { name: 'resources come before changes', line: 'kubectl label pod a=b web', stderr: text('error: all resources must be specified before label changes: web') },
    {
      name: 'a resource is required',
      line: 'kubectl label a=b',
      stderr: text('error: one or more resources must be specified as <resource> <name> or <resource>/<name>'),
    },
    { name: 'a missing pod is the API NotFound', line: 'kubectl label pod nope a=b', stderr: text('Error from server (NotFound): pods "nope" not found') },
    {
      name: 'a stale --resource-version is the API Conflict',
      line: 'kubectl label pod web a=b --resource-version=1',
      stderr: text('Error from server (Conflict): Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again'),
    },
  ])('$name', ({ line, stderr }) => {
    const { cluster, run } = setup();
    expect(run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
    expect(labels(cluster, 'web')).toEqual({ app: 'web', tier: 'fe' });
  });

  it('narrates the patch as kubectl with the resulting label count', () => {
    const { cluster, run } = setup();
    run('kubectl label pod web env=prod');
    expect(cluster.actions().at(-1)).toMatchObject({ actor: 'kubectl', verb: 'patch', reason: 'kubectl label pod/web env=prod: web now has 3 labels' });
  });
});
