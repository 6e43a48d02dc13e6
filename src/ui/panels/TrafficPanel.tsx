// Send requests into the simulated cluster and watch how they end: a load generator in the spirit of `hey -q` or a
// `while true; do wget -qO- $URL; done` loop in a pod, with counters per flow and per pod. No upstream counterpart;
// flows and counters are src/sim/network/traffic.ts's.
import { memo, useId, useMemo, useState } from 'react';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { Flow, TrafficSource } from '../../sim/index';
import { useClusterStore } from '../store/clusterStore';
import { objectList } from '../store/kindObjects';
import { useTrafficStore } from '../store/trafficStore';
import { byPodName, endpointRows, slicesByService } from '../graph/network/endpointRows';
import { errorCount, errorsText, rateText } from '../graph/network/trafficText';
import { clampRate, flowService, nextFlowId, podSources, sourceText, targetError, targetSuggestions } from './trafficModel';

export interface TrafficPanelProps {
  onStart(flow: { id: string; source: TrafficSource; url: string; ratePerSecond: number }): void;
  onStop(id: string): void;
}

const EXTERNAL = 'external';
/** A flow's pod table lists this many pods of its Service; the inspector has them all. */
const SHOWN_PODS = 12;

/** The options of the source list; memoised by the joined pod names so a batch that adds no pod skips 2,000 options. */
const PodOptions = memo(function PodOptions({ joined }: { joined: string }) {
  return (
    <>
      {joined.split('\n').filter(Boolean).map((key) => (
        <option key={key} value={`pod:${key}`}>
          pod {key}
        </option>
      ))}
    </>
  );
});

/** TrafficPanel starts and stops flows of requests and shows, per flow, how requests ended and which pods served them. */
export function TrafficPanel({ onStart, onStop }: TrafficPanelProps) {
  const listId = useId();
  const ingresses = useClusterStore((s) => s.objects.Ingress);
  const services = useClusterStore((s) => s.objects.Service);
  const nodes = useClusterStore((s) => s.objects.Node);
  const pods = useClusterStore((s) => s.objects.Pod);
  const flows = useTrafficStore((s) => s.flows);
  const [target, setTarget] = useState('');
  const [source, setSource] = useState(EXTERNAL);
  const [rate, setRate] = useState(5);
  const [touched, setTouched] = useState(false);
  // A rollout replaces every pod, 2,000 options in the benchmark, twice over: the list holds them all only while
  // the user has it open or focused, and otherwise just the chosen source.
  const [choosing, setChoosing] = useState(false);
  const portForwards = useTrafficStore((s) => s.portForwards);
  const suggestions = useMemo(
    () => targetSuggestions({ ingresses: objectList<Ingress>(ingresses), services: objectList<Service>(services), nodes: objectList<Node>(nodes), portForwards }),
    [ingresses, services, nodes, portForwards],
  );
  const chosen = source === EXTERNAL ? undefined : (pods?.byKey.get(source.slice('pod:'.length)) as Pod | undefined);
  const runningPods = useMemo(() => podSources(choosing ? objectList<Pod>(pods) : chosen ? [chosen] : []).join('\n'), [choosing, pods, chosen]);

  const error = targetError(target);
  const insideOnly = source === EXTERNAL && /\.cluster\.local(:|\/|$)/.test(target);
  const start = () => {
    setTouched(true);
    if (error) return;
    const picked: TrafficSource = source === EXTERNAL ? { kind: 'external' } : { kind: 'pod', namespace: source.slice(4).split('/')[0], name: source.slice(4).split('/')[1] };
    onStart({ id: nextFlowId(flows), source: picked, url: target.trim(), ratePerSecond: clampRate(rate) });
  };

  return (
    <section aria-label="traffic" className="space-y-2 p-2 text-xs">
      <h2 className="font-semibold">Traffic</h2>
      <form
        className="space-y-1.5 rounded border border-slate-300 p-2 dark:border-slate-700"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <label className="block">
          <span className="text-slate-500">target URL</span>
          <input
            aria-label="traffic target"
            list={listId}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            placeholder="http://web.default.svc.cluster.local:80/"
            className="mt-0.5 w-full rounded border border-slate-300 bg-white px-1.5 py-1 font-mono dark:border-slate-600 dark:bg-slate-900"
          />
          <datalist id={listId}>
            {suggestions.map((s) => (
              <option key={s.url} value={s.url} label={s.label} />
            ))}
          </datalist>
        </label>
        {suggestions.length > 0 && (
          <select
            aria-label="suggested targets"
            value=""
            onChange={(e) => e.target.value && setTarget(e.target.value)}
            className="w-full rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900"
          >
            <option value="">suggestions from the cluster…</option>
            {suggestions.map((s) => (
              <option key={s.url} value={s.url}>
                {s.url} — {s.label}
              </option>
            ))}
          </select>
        )}
        <div className="flex gap-2">
          <label className="min-w-0 flex-1">
            <span className="text-slate-500">from</span>
            <select
              aria-label="traffic source"
              value={source}
              onChange={(e) => setSource(e.target.value)}
              onPointerDown={() => setChoosing(true)}
              onFocus={() => setChoosing(true)}
              onBlur={() => setChoosing(false)}
              className="mt-0.5 w-full rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900"
            >
              <option value={EXTERNAL}>outside the cluster</option>
              <PodOptions joined={runningPods} />
            </select>
          </label>
          <label className="w-20">
            <span className="text-slate-500">req/s</span>
            <input
              aria-label="traffic rate"
              type="number"
              min={1}
              max={100}
              value={rate}
              onChange={(e) => setRate(Number(e.target.value))}
              onBlur={() => setRate(clampRate(rate))}
              className="mt-0.5 w-full rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
        </div>
        {touched && error && (
          <p role="alert" className="text-rose-600 dark:text-rose-400">
            {error}
          </p>
        )}
        {insideOnly && <p className="text-amber-700 dark:text-amber-400">Names under cluster.local resolve only inside the cluster: pick a pod as the source to reach this Service.</p>}
        <button type="submit" className="rounded bg-sky-600 px-2 py-1 font-semibold text-white hover:bg-sky-500">
          Start
        </button>
      </form>
      {flows.length === 0 ? <p className="text-slate-500">No traffic running.</p> : flows.map((f) => <FlowRow key={f.id} flow={f} onStop={onStop} />)}
    </section>
  );
}

/** FlowRow is one running flow: where it goes, how its requests ended, and the pods of the Service it reached. */
function FlowRow({ flow, onStop }: { flow: Flow; onStop(id: string): void }) {
  const counters = useTrafficStore((s) => s.stats.flows[flow.id]);
  const service = useTrafficStore((s) => flowService(s.samples, flow.id));
  const pods = useTrafficStore((s) => s.stats.pods);
  const slices = useClusterStore((s) => s.objects.EndpointSlice);
  const endpoints = useMemo(
    () => (service ? [...endpointRows(slicesByService(objectList<EndpointSlice>(slices)).get(service))].sort(byPodName).flatMap((r) => (r.pod ? [r.pod] : [])) : []),
    [service, slices],
  );
  const total = counters?.total ?? 0;
  const failed = errorCount(counters);
  return (
    <article aria-label={`flow ${flow.id}`} className="space-y-1 rounded border border-slate-300 p-1.5 dark:border-slate-700">
      <header className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate font-mono font-semibold" title={flow.url}>
            {flow.id}: {flow.url}
          </p>
          <p className="text-slate-500">
            from {sourceText(flow.source)} · {flow.ratePerSecond} req/s asked
          </p>
        </div>
        <button aria-label={`stop ${flow.id}`} onClick={() => onStop(flow.id)} className="shrink-0 rounded border border-slate-400 px-1.5 py-0.5 hover:bg-slate-200 dark:hover:bg-slate-800">
          Stop
        </button>
      </header>
      <p aria-label={`${flow.id} counts`}>
        {rateText(counters)} · {total} sent · <span className="text-emerald-700 dark:text-emerald-400">{counters?.success ?? 0} ok</span> ·{' '}
        <span className={failed > 0 ? 'text-rose-600 dark:text-rose-400' : 'text-slate-500'}>{errorsText(counters)}</span>
      </p>
      {service && (
        <div>
          <p className="text-slate-500">Service {service}: requests each pod handled (all flows)</p>
          <table className="w-full table-fixed font-mono">
            <tbody>
              {endpoints.length === 0 && (
                <tr>
                  <td className="text-slate-500">no endpoints</td>
                </tr>
              )}
              {endpoints.slice(0, SHOWN_PODS).map((pod) => (
                <tr key={pod}>
                  <td className="truncate pr-2" title={pod}>
                    {pod.split('/')[1]}
                  </td>
                  <td className="w-12 text-right">{pods[pod]?.total ?? 0}</td>
                  <td className="w-14 text-right text-slate-500">{errorCount(pods[pod])} err</td>
                </tr>
              ))}
            </tbody>
          </table>
          {endpoints.length > SHOWN_PODS && <p className="text-slate-500">and {endpoints.length - SHOWN_PODS} more pods</p>}
        </div>
      )}
    </article>
  );
}
