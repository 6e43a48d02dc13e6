// Test fixtures for the prober, as pkg/kubelet/prober/testing.go and fake_prober.go are upstream: a fake
// container that answers probes from a function of the request and the virtual time, and a prober manager on its
// own clock and API server whose result updates and Events read as one line each.
import type { Container, Event, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { SeededRandom } from '../../clock/random';
import { parseTime } from '../../clock/timeFormat';
import { VirtualClock, type VirtualMs } from '../../clock/virtualClock';
import { EventRecorder } from '../../events/recorder';
import { DEFAULT_KINDS } from '../../kinds/index';
import { KindRegistry } from '../../kinds/registry';
import { ObjectStore } from '../../store/objectStore';
import { KubeletProberManager } from './proberManager';
import type { HTTPGetRequest, ProbeOutcome, ProbeTarget } from './types';

/** TEST_POD_IP is the address every test pod has. */
export const TEST_POD_IP = '10.244.1.5';

/** testPod wraps containers in a running pod `web` (uid `uid-web`) with TEST_POD_IP. */
export function testPod(containers: Container[], spec: Partial<Pod['spec']> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-web' },
    spec: { containers, ...spec },
    status: { phase: 'Running', podIP: TEST_POD_IP },
  };
}

const seconds = (t: VirtualMs) => `${t / 1000}s`;

/**
 * newTestProber is one node's prober manager on a fresh clock. `updates()` lists the result changes reported so
 * far as `<time> <container> <type> <result>`; `events()` lists the Events as
 * `<type> <reason> <source> x<count> <first>-<last>: <message>`.
 */
export function newTestProber() {
  const clock = new VirtualClock();
  const store = new ObjectStore({ clock, random: new SeededRandom(1), registry: new KindRegistry(DEFAULT_KINDS), admission: [] });
  const recorder = new EventRecorder(store, clock);
  const manager = new KubeletProberManager({ clock, recorder, nodeName: 'node-1' });
  const updates: string[] = [];
  manager.onResult((u) => updates.push(`${seconds(clock.now())} ${u.containerName} ${u.type} ${u.result}`));
  return {
    clock,
    recorder,
    manager,
    updates: () => updates,
    events: () =>
      store
        .list<Event & KubeObject>('Event')
        .sort(EventRecorder.eventOrder)
        .map(
          (e) =>
            `${e.type} ${e.reason} ${e.source?.component}/${e.source?.host} x${e.count} ${seconds(parseTime(e.firstTimestamp)!)}-${seconds(parseTime(e.lastTimestamp)!)}: ${e.message}`,
        ),
  };
}

/** FakeAnswers says how the fake container answers each kind of probe; a missing one fails the test. */
export interface FakeAnswers {
  exec?(command: readonly string[], now: VirtualMs): ProbeOutcome;
  httpGet?(request: HTTPGetRequest, now: VirtualMs): ProbeOutcome;
  tcpSocket?(host: string, port: number, now: VirtualMs): ProbeOutcome;
  grpc?(host: string, port: number, service: string | undefined, now: VirtualMs): ProbeOutcome;
}

export const succeed = (output = ''): ProbeOutcome => ({ result: 'success', output });
export const fail = (output: string): ProbeOutcome => ({ result: 'failure', output });
export const hang = (): ProbeOutcome => ({ result: 'timeout', output: '' });

/** FakeProbeTarget answers probes as `answers` says and logs each one as `<seconds>s <handler> <what>`. */
export class FakeProbeTarget implements ProbeTarget {
  readonly calls: string[] = [];

  constructor(private readonly answers: FakeAnswers) {}

  exec(command: readonly string[], now: VirtualMs): ProbeOutcome {
    this.calls.push(`${now / 1000}s exec ${command.join(' ')}`);
    return this.need(this.answers.exec, 'exec')(command, now);
  }

  httpGet(request: HTTPGetRequest, now: VirtualMs): ProbeOutcome {
    this.calls.push(`${now / 1000}s httpGet ${request.scheme} ${request.host}:${request.port}${request.path}`);
    return this.need(this.answers.httpGet, 'httpGet')(request, now);
  }

  tcpSocket(host: string, port: number, now: VirtualMs): ProbeOutcome {
    this.calls.push(`${now / 1000}s tcpSocket ${host}:${port}`);
    return this.need(this.answers.tcpSocket, 'tcpSocket')(host, port, now);
  }

  grpc(host: string, port: number, service: string | undefined, now: VirtualMs): ProbeOutcome {
    this.calls.push(`${now / 1000}s grpc ${host}:${port} ${service ?? '<all>'}`);
    return this.need(this.answers.grpc, 'grpc')(host, port, service, now);
  }

  private need<F>(answer: F | undefined, handler: string): F {
    if (!answer) throw new Error(`FakeProbeTarget: no ${handler} answer configured`);
    return answer;
  }
}
