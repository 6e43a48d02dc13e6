import { useUiStore } from '../store/uiStore';

const SHORTCUTS: Array<[string, string]> = [
  ['Ctrl/Cmd + Enter', 'apply the manifest in the editor'],
  ['Space', 'play / pause (outside the editor)'],
  ['S or →', 'step: perform the next single action'],
  ['?', 'show or hide this help'],
];

/** HelpOverlay: the keyboard shortcuts and what the colours mean. */
export function HelpOverlay() {
  const open = useUiStore((s) => s.helpOpen);
  const setOpen = useUiStore((s) => s.setHelpOpen);
  if (!open) return null;
  return (
    <div role="dialog" aria-label="help" className="fixed inset-0 z-50 flex items-center justify-center bg-black/40" onClick={() => setOpen(false)}>
      <div className="max-w-md rounded-lg bg-white p-4 text-sm shadow-xl dark:bg-slate-900" onClick={(e) => e.stopPropagation()}>
        <h2 className="mb-2 text-base font-semibold">Kubeplay help</h2>
        <table className="mb-3">
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys}>
                <td className="pr-3 font-mono text-xs">{keys}</td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Pod chips say their status in words (kubectl&apos;s STATUS and READY); the colour repeats it: amber waiting for a node, blue
          starting, teal running but not ready, green ready, red failing, grey terminating. The stripe on the left is the colour of
          the pod&apos;s ReplicaSet. Timings are Kubernetes&apos; real defaults; use the speed control to make long waits watchable. When
          the cluster has more to do than the chosen speed allows, the time controls say how fast time really runs (&quot;running at 12x&quot;).
        </p>
        <h3 className="mt-3 text-sm font-semibold">Where Kubeplay simplifies</h3>
        <ul className="list-disc pl-5 text-xs text-slate-600 dark:text-slate-400">
          <li>Step runs one reconcile of one controller (or one scheduling cycle, one kubelet action); a reconcile that creates a batch of pods is one step, as it is one sync in Kubernetes; requests beyond the controller&apos;s rate limit are a step each, when they are sent.</li>
          <li>Probes run exactly at their initial delay and period (no start-up jitter); image pull times are seeded, not measured.</li>
          <li>pod-template-hash values are computed over the template&apos;s JSON, so the hash in names differs from a real cluster&apos;s.</li>
          <li>Only kube-controller-manager&apos;s API rate limits are modelled (20 requests/s, burst 30, per controller: a Deployment of hundreds of pods grows 20 pods a second after the first 30); the scheduler&apos;s and kubelets&apos; limits are not, and Events do not count against a controller&apos;s.</li>
          <li>No volumes, Secrets or ConfigMaps are mounted; containers behave as their image and command describe (kubelet/behaviour/README.md).</li>
        </ul>
        <button className="mt-3 rounded bg-sky-700 px-3 py-1 text-white" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </div>
  );
}
