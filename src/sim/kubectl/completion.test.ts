import { describe, expect, it } from 'vitest';
import { completeKubectl } from './completion';
import { contextFor } from './testContext';
import { eventsVerb } from './verbs/events';
import { explainVerb } from './verbs/explain';
import { fixtureCluster } from './verbs/getFixture';
import { getVerb } from './verbs/get';
import { logsVerb } from './verbs/logs';
import { topVerb } from './verbs/top';

const VERBS = [getVerb, logsVerb, topVerb, eventsVerb, explainVerb];
const ctx = contextFor(fixtureCluster());
const complete = (line: string) => completeKubectl(ctx, line, VERBS);
const PODS = ['web-5894d768d8-4g2xs', 'web-5894d768d8-dsxb6', 'web-5894d768d8-wtmh6'];

describe('completeKubectl offers what the word being typed can be', () => {
  it.each([
    ['commands, sorted', 'kubectl ', ['events', 'explain', 'get', 'logs', 'top']],
    ['commands starting with what is typed', 'kubectl e', ['events', 'explain']],
    ['the leading kubectl is optional', 'ge', ['get']],
    ['subcommands', 'kubectl top ', ['node', 'pod']],
    ['resource types by plural, singular and short name', 'kubectl get dep', ['deploy', 'deployment', 'deployments']],
    ['names of the type given', 'kubectl get pods ', PODS],
    ['names after TYPE/', 'kubectl get deploy/', ['deploy/web']],
    ['names in the namespace -n names', 'kubectl get cm -n kube-system s', ['settings']],
    ['pods for logs', 'kubectl logs w', PODS],
    ['a pod’s containers for -c', `kubectl logs ${PODS[0]} -c `, ['nginx']],
    ['nodes for top node', 'kubectl top node node-', ['node-1', 'node-2', 'node-3']],
    ['namespaces for -n', 'kubectl -n ', ['default', 'kube-node-lease', 'kube-public', 'kube-system']],
    ['output formats for -o', 'kubectl get pods -o j', ['json', 'jsonpath-as-json=', 'jsonpath-file=', 'jsonpath=']],
    ['a flag’s value after =', 'kubectl get pods --output=y', ['--output=yaml']],
    ['long flags after --', 'kubectl logs --t', ['--tail', '--timestamps']],
    ['top’s sort keys', 'kubectl top pod --sort-by ', ['cpu', 'memory']],
    ['event types', 'kubectl events --types=W', ['--types=Warning']],
    ['nothing for an unknown command', 'kubectl nope ', []],
    ['nothing inside an unclosed quote', "kubectl get 'po", []],
  ])('%s', (_, line, want) => {
    expect(complete(line)).toEqual(want);
  });

  it('a single dash offers shorthands and long names', () => {
    expect(complete('kubectl logs -').filter((f) => f.length === 2)).toEqual(['-c', '-f', '-h', '-l', '-n', '-p']);
  });
});
