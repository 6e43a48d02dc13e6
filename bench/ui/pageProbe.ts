// In-page instruments of the UI benchmark: a requestAnimationFrame loop, and PerformanceObservers for the Long
// Animation Frames API (w3c long-animation-frames) and Long Tasks. Kept as plain JS text so no bundler helper ends up
// inside code that Playwright serialises into the page.

/** FrameSample is what the probe hands back for a window of time (ms on the page's performance clock). */
export interface ProbeWindow {
  raf: number[];
  loaf: Array<{ start: number; duration: number; blocking: number; scripts: Array<{ invoker: string; source: string; duration: number; forcedLayout: number }> }>;
  longtasks: Array<{ start: number; duration: number }>;
}

/** ClusterStatus is what the screen says about the `web` Deployment and its pods. */
export interface ClusterStatus {
  ready: number;
  desired: number;
  upToDate: number;
  available: number;
  /** The Workloads panel's ReplicaSets of `web` (only), newest first: desired/current/ready. */
  replicaSets: Array<{ revision: number; desired: number; current: number; ready: number }>;
  podsDrawn: number;
  statuses: Record<string, number>;
  time: string;
}

/**
 * PROBE is installed with addInitScript, before the app's own scripts run. It stays out of the editor's frame, which
 * its requestAnimationFrame loop would keep drawing every frame, on the same two cores as the page.
 */
export const PROBE = `
(() => {
  if (window !== window.top) return;
  const b = { raf: [], loaf: [], longtasks: [] };
  const loop = (t) => { b.raf.push(t); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.loaf.push({
      start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
      scripts: (e.scripts || []).map((s) => ({
        invoker: s.invoker, duration: s.duration, forcedLayout: s.forcedStyleAndLayoutDuration,
        source: (s.sourceFunctionName || '(anonymous)') + ' ' + String(s.sourceURL).replace(/^.*\\//, '') + ':' + s.sourceCharPosition,
      })),
    });
  }).observe({ type: 'long-animation-frame', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const after = (list, from, to) => list.filter((x) => (typeof x === 'number' ? x : x.start) >= from && (typeof x === 'number' ? x : x.start) < to);
  window.__uiBench = {
    now: () => performance.now(),
    window: (from, to) => ({ raf: after(b.raf, from, to), loaf: after(b.loaf, from, to), longtasks: after(b.longtasks, from, to) }),
    status: () => {
      const text = document.querySelector('section[aria-label=workloads]')?.textContent || '';
      const m = /deploy\\/web\\s*ready (\\d+)\\/(\\d+) · up-to-date (\\d+) · available (\\d+)/.exec(text);
      const statuses = {};
      // Pods are chips (one element each, with data-status) or, on crowded nodes, one element per node whose
      // label counts them by status: "pods on node-1: 18 Running, 2 ContainerCreating".
      let podsDrawn = 0;
      for (const p of document.querySelectorAll('[data-testid=cluster-graph] [aria-label^="pod "]')) {
        const s = p.getAttribute('data-status'); statuses[s] = (statuses[s] || 0) + 1; podsDrawn++;
      }
      for (const c of document.querySelectorAll('[data-testid=cluster-graph] [data-pods]')) {
        for (const part of (c.getAttribute('aria-label') || '').replace(/^[^:]*: ?/, '').split(', ').filter(Boolean)) {
          const [n, ...words] = part.split(' '); statuses[words.join(' ')] = (statuses[words.join(' ')] || 0) + +n; podsDrawn += +n;
        }
      }
      return {
        ready: m ? +m[1] : 0, desired: m ? +m[2] : 0, upToDate: m ? +m[3] : 0, available: m ? +m[4] : 0,
        // Only deploy/web's ReplicaSets: the cluster may run Deployments of its own (e.g. CoreDNS).
        replicaSets: [...([...document.querySelectorAll('section[aria-label=workloads] > div')].find((d) => d.querySelector('button')?.textContent === 'deploy/web')?.querySelectorAll('li') || [])].map((li) => {
          const r = /rev (\\d+) \\((?:new|old)\\) · (\\d+)\\/(\\d+)\\/(\\d+)/.exec(li.textContent || '');
          return r ? { revision: +r[1], desired: +r[2], current: +r[3], ready: +r[4] } : { revision: 0, desired: 0, current: 0, ready: 0 };
        }),
        podsDrawn, statuses,
        time: document.querySelector('[aria-label="virtual time"]')?.textContent || '',
      };
    },
  };
})();
`;
