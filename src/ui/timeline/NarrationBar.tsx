import { useClusterStore } from '../store/clusterStore';

/** How many of the last step's actions the bar lists before summarising the rest. */
const SHOWN = 3;

/**
 * NarrationBar says in words what the last step did: who acted and why, with the numbers that drove it. It is
 * what a teacher reads out after pressing Step.
 */
export function NarrationBar() {
  const actions = useClusterStore((s) => s.lastActions);
  const count = useClusterStore((s) => s.lastActionCount);
  const playing = useClusterStore((s) => s.playing);
  if (actions.length === 0 || playing) return null;
  return (
    <div role="log" aria-label="last step" className="pointer-events-none absolute inset-x-2 top-2 z-10 space-y-0.5 rounded-lg bg-white/90 p-2 text-xs shadow dark:bg-slate-900/90">
      {actions.slice(0, SHOWN).map((a) => (
        <p key={a.seq}>
          <span className="font-semibold text-sky-700 dark:text-sky-300">{a.actor}</span> {a.reason}
        </p>
      ))}
      {count > SHOWN && <p className="text-slate-500">and {count - SHOWN} more writes in this step</p>}
    </div>
  );
}
