// Mirrors k8s.io/kubectl/pkg/describe/describe.go NamespaceDescriber.Describe, describeNamespace and the empty cases
// of DescribeResourceQuotas and DescribeLimitRanges: the simulated API server serves neither kind, so a namespace
// never has quotas or limit ranges, as in a fresh cluster.
import type { Namespace } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefixWriter';
import { rfc1123z } from './timestamps';

export function describeNamespace(obj: KubeObject): string {
  const ns = obj as Namespace & KubeObject;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No resource quota.\n');
    w.write(LEVEL_0, '\n');
    w.write(LEVEL_0, 'No LimitRange resource.\n');
  });
}
