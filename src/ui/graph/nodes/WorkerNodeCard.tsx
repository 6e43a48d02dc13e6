import { memo } from 'react';
import type { NodeProps, Node as FlowNode } from '@xyflow/react';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { PodChip } from '../PodChip';
import { PodDots } from '../PodDots';
import { formatCpu, formatMemory, nodeUsage } from '../nodeUsage';
import { isDense } from '../layout';
import { usePublishedPods } from '../usePublishedPods';
import { useUiStore, sameRef } from '../../store/uiStore';

export interface WorkerNodeData extends Record<string, unknown> {
  node: Node;
  zoomedIn: boolean;
}

/** nodeStatusText is kubectl's STATUS column for a node: Ready/NotReady/Unknown, plus SchedulingDisabled. */
export function nodeStatusText(node: Node): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const base = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady';
  return node.spec?.unschedulable ? `${base},SchedulingDisabled` : base;
}

/**
 * nodeCardKey is everything the card draws from the Node object. Kubelet heartbeats rewrite every Node's status
 * each few seconds; when this key is unchanged the card keeps its old props and does not re-render.
 */
export function nodeCardKey(node: Node): string {
  const taints = (node.spec?.taints ?? []).map((t) => `${t.key}=${t.value ?? ''}:${t.effect}`).join(',');
  const alloc = node.status?.allocatable ?? {};
  return `${nodeStatusText(node)}|${taints}|${alloc.cpu ?? ''}|${alloc.memory ?? ''}|${alloc.pods ?? ''}`;
}

function Bar({ label, used, total, text }: { label: string; used: number; total: number; text: string }) {
  const pct = total > 0 ? Math.min(100, (used / total) * 100) : 0;
  return (
    <div className="flex items-center gap-1 text-[10px]" aria-label={`${label} ${text}`}>
      <span className="w-7 text-slate-500">{label}</span>
      <div className="h-1.5 flex-1 rounded bg-slate-200 dark:bg-slate-700">
        <div className={`h-full rounded ${pct > 90 ? 'bg-rose-500' : 'bg-sky-500'}`} style={{ width: `${pct}%` }} />
      </div>
      <span className="w-24 text-right font-mono text-slate-500">{text}</span>
    </div>
  );
}

/**
 * WorkerNodeCard draws a node: status, requested vs allocatable, taints, and its pods (chips, or dots if crowded),
 * as the page's PodPublisher last handed them over (see podPublisher.ts). React Flow re-renders a node whenever it
 * moves, and a node whose neighbour above grows moves down: the card's body only re-renders when what it draws
 * changed, so one busy node does not redraw every card below it.
 */
export const WorkerNodeCard = memo(function WorkerNodeCard({ data }: NodeProps<FlowNode<WorkerNodeData>>) {
  const pods = usePublishedPods(data.node.metadata?.name ?? '');
  return <NodeCardBody node={data.node} pods={pods} dense={isDense(pods.length, data.zoomedIn, false)} />;
});

const NodeCardBody = memo(function NodeCardBody({ node, pods, dense }: { node: Node; pods: readonly Pod[]; dense: boolean }) {
  const name = node.metadata?.name ?? '';
  const status = nodeStatusText(node);
  const usage = nodeUsage(node, pods);
  const selected = useUiStore((s) => sameRef(s.selected, { kind: 'Node', namespace: '', name }));
  const select = useUiStore((s) => s.select);
  const down = !status.startsWith('Ready');
  const taints = (node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`);
  return (
    <article
      aria-label={`node ${name}`}
      data-status={status}
      onClick={() => select({ kind: 'Node', namespace: '', name })}
      className={`node-card h-full w-full rounded-lg border-2 bg-white p-2 shadow-sm transition-[filter,opacity] duration-700 dark:bg-slate-900 ${
        down ? 'node-down border-rose-400 opacity-60 grayscale' : 'border-slate-300 dark:border-slate-600'
      } ${selected ? 'ring-2 ring-sky-400' : ''}`}
    >
      <header className="flex items-baseline justify-between">
        <h3 className="font-mono text-sm font-semibold">{name}</h3>
        <span className={`text-[11px] font-medium ${down ? 'text-rose-500' : 'text-emerald-600 dark:text-emerald-400'}`}>{status}</span>
      </header>
      <Bar label="cpu" used={usage.cpuRequested} total={usage.cpuAllocatable} text={`${formatCpu(usage.cpuRequested)}/${formatCpu(usage.cpuAllocatable)}`} />
      <Bar label="mem" used={usage.memoryRequested} total={usage.memoryAllocatable} text={`${formatMemory(usage.memoryRequested)}/${formatMemory(usage.memoryAllocatable)}`} />
      <p className={`text-[10px] text-slate-500 ${taints.length > 0 ? 'truncate' : ''}`} title={taints.join('\n')}>
        {usage.pods}/{usage.podsAllocatable} pods{taints.length > 0 ? ` · taints: ${taints.join(', ')}` : ''}
      </p>
      {dense ? (
        <div aria-label={`pods on ${name}`} className="mt-1 leading-none">
          <PodDots node={name} pods={pods} />
          <p className="text-[10px] text-slate-500">{pods.length} pods: zoom in to see names</p>
        </div>
      ) : (
        <div aria-label={`pods on ${name}`} className="mt-1 grid grid-cols-1 gap-0.5">
          {pods.map((p) => (
            <PodChip key={p.metadata?.uid ?? p.metadata?.name} pod={p} />
          ))}
        </div>
      )}
    </article>
  );
});
