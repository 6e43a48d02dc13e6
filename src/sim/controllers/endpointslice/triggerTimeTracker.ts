// Mirrors k8s.io/endpointslice/util trigger_time_tracker.go: the EndpointsLastChangeTriggerTime annotation is the
// earliest change (a pod's Ready transition, a Service's creation) not yet reflected by an earlier sync. Like upstream
// it may be wrong when the same object changes twice between two syncs.
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { VirtualMs } from '../../clock/virtualClock';
import { parseTime } from '../../clock/timeFormat';
import { podFacts } from '../podUtil';

interface ServiceState {
  lastServiceTriggerTime: VirtualMs | undefined;
  lastPodTriggerTimes: Map<string, VirtualMs>;
}

export class TriggerTimeTracker {
  private readonly serviceStates = new Map<string, ServiceState>();

  /**
   * computeEndpointLastChangeTriggerTime updates the Service's state and returns the time to export, or undefined
   * when nothing changed since the last sync (the annotation is then removed). A Service seen for the first time
   * reports its creation time.
   */
  computeEndpointLastChangeTriggerTime(namespace: string, service: Service, pods: readonly Pod[]): VirtualMs | undefined {
    const key = `${namespace}/${service.metadata?.name}`;
    const state = this.serviceStates.get(key);
    let minChanged: VirtualMs | undefined;
    const podTriggerTimes = new Map<string, VirtualMs>();
    for (const pod of pods) {
      const t = podFacts(pod).readySince;
      if (t === undefined) continue;
      const name = pod.metadata?.name ?? '';
      podTriggerTimes.set(name, t);
      const last = state?.lastPodTriggerTimes.get(name);
      if (last === undefined || t > last) minChanged = minChanged === undefined ? t : Math.min(minChanged, t);
    }
    const serviceTriggerTime = parseTime(service.metadata?.creationTimestamp);
    const lastServiceTime = state?.lastServiceTriggerTime;
    if (serviceTriggerTime !== undefined && (lastServiceTime === undefined || serviceTriggerTime > lastServiceTime)) {
      minChanged = minChanged === undefined ? serviceTriggerTime : Math.min(minChanged, serviceTriggerTime);
    }
    this.serviceStates.set(key, { lastServiceTriggerTime: serviceTriggerTime, lastPodTriggerTimes: podTriggerTimes });
    return state === undefined ? serviceTriggerTime : minChanged;
  }

  deleteService(namespace: string, name: string): void {
    this.serviceStates.delete(`${namespace}/${name}`);
  }
}
