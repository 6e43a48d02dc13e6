import { useClusterStore } from '../store/clusterStore';
import { useUiStore } from '../store/uiStore';
import { simClient } from '../simClientInstance';
import { formatClock } from '../format';

/** The speed choices: from slow motion to 100x, which makes a 5-minute eviction wait take 3 seconds. */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 25, 50, 100];

const button = 'rounded bg-slate-200 px-3 py-1 text-sm hover:bg-slate-300 dark:bg-slate-800 dark:hover:bg-slate-700';

/** TimeControls: play/pause, one step, speed, reset to the seed, the virtual clock, theme and help. */
export function TimeControls() {
  const time = useClusterStore((s) => s.time);
  const playing = useClusterStore((s) => s.playing);
  const speed = useClusterStore((s) => s.speed);
  const keptSpeed = useClusterStore((s) => s.keptSpeed);
  const theme = useUiStore((s) => s.theme);
  const setTheme = useUiStore((s) => s.setTheme);
  const setHelpOpen = useUiStore((s) => s.setHelpOpen);
  return (
    <div className="flex flex-1 items-center gap-2">
      <button className={button} onClick={() => simClient.send({ type: playing ? 'pause' : 'play' })}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button className={button} onClick={() => simClient.send({ type: 'step' })} title="perform the next single action (S)">
        Step
      </button>
      <label className="text-sm text-slate-500">
        Speed{' '}
        <select
          aria-label="speed"
          className="rounded bg-slate-200 px-1 py-1 text-slate-900 dark:bg-slate-800 dark:text-slate-100"
          value={speed}
          onChange={(e) => simClient.send({ type: 'setSpeed', speed: Number(e.target.value) })}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}x
            </option>
          ))}
        </select>
      </label>
      {keptSpeed !== undefined && (
        <span
          className="rounded bg-amber-100 px-2 py-1 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          aria-label="speed kept"
          title={`The cluster has more to do than ${speed}x allows in this browser: virtual time runs at about ${keptSpeed}x until the work eases.`}
        >
          running at {keptSpeed}x
        </span>
      )}
      <span className="rounded bg-slate-100 px-2 py-1 font-mono text-sm dark:bg-slate-900" aria-label="virtual time" title="virtual time since the cluster started">
        t = {formatClock(time)}
      </span>
      <button className={button} onClick={() => simClient.send({ type: 'reset' })} title="start again from the same seed">
        Reset
      </button>
      <button className={button} onClick={() => simClient.send({ type: 'addNode' })}>
        Add node
      </button>
      <span className="flex-1" />
      <button className={button} onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>
        {theme === 'dark' ? 'Light' : 'Dark'} theme
      </button>
      <button className={button} aria-label="help" onClick={() => setHelpOpen(true)}>
        ?
      </button>
    </div>
  );
}
