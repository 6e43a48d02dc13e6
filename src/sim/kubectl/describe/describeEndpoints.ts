// Mirrors k8s.io/kubectl/pkg/describe/describe.go EndpointsDescriber.Describe and describeEndpoints.
import type { Endpoints } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { DescriberSettings } from './describer';
import { describeEvents, refOf, searchEvents } from './eventsTable';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefixWriter';

export function describeEndpoints(obj: KubeObject, settings: DescriberSettings): string {
  const ep = obj as Endpoints & KubeObject;
  const events = settings.showEvents ? searchEvents(settings.client, refOf(ep)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ep.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of ep.subsets ?? []) {
      w.write(LEVEL_1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
      w.write(LEVEL_1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
      if (subset.ports && subset.ports.length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const port of subset.ports) w.write(LEVEL_2, `${port.name || '<unset>'}\t${port.port}\t${port.protocol ?? ''}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    if (events) describeEvents(events, w, settings.now);
  });
}
