import { useCallback, useEffect, useState } from 'react';
import type { ApplyResult } from '../sim/index';
import { TimeControls } from './components/TimeControls';
import { ClusterGraph } from './graph/ClusterGraph';
import { Timeline } from './timeline/Timeline';
import { NarrationBar } from './timeline/NarrationBar';
import { Inspector } from './panels/Inspector';
import { Workloads } from './panels/Workloads';
import { MessageArea } from './panels/MessageArea';
import { HelpOverlay } from './panels/HelpOverlay';
import { useUiStore } from './store/uiStore';
import { useClusterStore } from './store/clusterStore';
import { simClient } from './simClientInstance';
import { useShortcuts } from './shortcuts';
import { KubectlConsole } from './console/KubectlConsole';
import { consoleBackend } from './console/consoleBackend';
import { TrafficPanel } from './panels/TrafficPanel';
import { ManifestEditorFrame } from './editor/ManifestEditorFrame';

const startTraffic = (flow: Parameters<typeof simClient.startTraffic>[0]) => simClient.startTraffic(flow);
const stopTraffic = (id: string) => simClient.stopTraffic(id);

/** App lays out the screen: controls on top, editor left, graph centre, inspector right, timeline and kubectl console below. */
export function App() {
  const theme = useUiStore((s) => s.theme);
  const notice = useClusterStore((s) => s.notice);
  const [results, setResults] = useState<ApplyResult[]>([]);
  const onApply = useCallback((text: string) => simClient.apply(text), []);
  useShortcuts();
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
  }, [theme]);
  return (
    <div className="flex h-screen flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <header className="flex items-center gap-4 border-b border-slate-300 px-4 py-2 dark:border-slate-800">
        <h1 className="text-lg font-semibold">Kubeplay</h1>
        <TimeControls />
      </header>
      <main className="grid min-h-0 flex-1 grid-cols-[minmax(300px,28%)_1fr_minmax(260px,22%)]">
        <section aria-label="manifest editor" className="flex min-h-0 flex-col [contain:strict] border-r border-slate-300 dark:border-slate-800">
          <div className="min-h-0 flex-1">
            <ManifestEditorFrame onApply={onApply} onResults={setResults} theme={theme} />
          </div>
          <MessageArea results={results} notice={notice} />
        </section>
        <section className="grid min-h-0 grid-rows-[1fr_minmax(140px,30%)] [contain:strict]">
          <div className="relative min-h-0 [contain:strict]">
            <ClusterGraph />
            <NarrationBar />
          </div>
          <div className="grid min-h-0 grid-cols-2 border-t border-slate-300 dark:border-slate-800">
            <Timeline />
            <div className="min-h-0 [contain:strict] border-l border-slate-300 dark:border-slate-800">
              <KubectlConsole backend={consoleBackend} />
            </div>
          </div>
        </section>
        <aside className="min-h-0 overflow-auto [contain:strict] border-l border-slate-300 dark:border-slate-800">
          <Workloads />
          <TrafficPanel onStart={startTraffic} onStop={stopTraffic} />
          <Inspector />
        </aside>
      </main>
      <HelpOverlay />
    </div>
  );
}
