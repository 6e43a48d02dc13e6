import { useEffect, useState } from 'react';
import type { SchedulingTrace } from '../../sim/index';
import { simClient } from '../simClientInstance';
import { traceRows } from './traceRows';

/**
 * SchedulingTracePanel is "why this node / why Pending": for every node the scheduler looked at, each filter's
 * verdict and each score plugin's contribution, from the scheduler's own trace of its latest attempt.
 */
export default function SchedulingTracePanel({ namespace, name, version }: { namespace: string; name: string; version: string }) {
  const [trace, setTrace] = useState<SchedulingTrace | undefined>();
  useEffect(() => {
    let live = true;
    void simClient.trace(namespace, name).then((t) => live && setTrace(t));
    return () => {
      live = false;
    };
  }, [namespace, name, version]);
  if (!trace) return null;
  const { plugins, rows } = traceRows(trace);
  const outcome = trace.outcome;
  return (
    <section aria-label="scheduling trace">
      <h3 className="font-semibold">Scheduling (attempt {trace.attempt})</h3>
      <p className="mb-1 text-slate-600 dark:text-slate-400">
        {outcome?.result === 'Scheduled'
          ? `Bound to ${outcome.node}: highest total ${outcome.totalScore} among ${outcome.feasibleNodes} feasible of ${trace.numAllNodes} nodes${
              outcome.tiedNodes.length > 1 ? ` (tied with ${outcome.tiedNodes.filter((n) => n !== outcome.node).join(', ')}; picked at random)` : ''
            }.`
          : outcome
            ? outcome.message
            : 'In progress.'}
      </p>
      <div className="overflow-x-auto">
        <table className="font-mono text-[10px]">
          <thead>
            <tr className="text-left text-slate-500">
              <th className="pr-2">node</th>
              <th className="pr-2">filters</th>
              {plugins.map((p) => (
                <th key={p.name} className="pr-2" title={`weight ${p.weight}`}>
                  {p.short}×{p.weight}
                </th>
              ))}
              <th>total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.node} className={r.chosen ? 'bg-emerald-100 font-semibold dark:bg-emerald-900/50' : ''}>
                <td className="pr-2">{r.node}</td>
                <td className={`pr-2 ${r.feasible ? 'text-emerald-600' : 'text-rose-500'}`} title={r.filterText}>
                  {r.feasible ? 'pass' : r.filterText}
                </td>
                {plugins.map((p) => (
                  <td key={p.name} className="pr-2" title={r.scores[p.name] ? `raw ${r.scores[p.name].raw}, normalised ${r.scores[p.name].normalized}` : ''}>
                    {r.scores[p.name]?.weighted ?? ''}
                  </td>
                ))}
                <td>{r.total ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
