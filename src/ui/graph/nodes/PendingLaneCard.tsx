import { memo } from 'react';
import type { NodeProps, Node as FlowNode } from '@xyflow/react';
import type { Pod } from 'kubernetes-types/core/v1';
import { PodChip } from '../PodChip';

export interface PendingLaneData extends Record<string, unknown> {
  pods: Pod[];
  /** The far view's zoom (see ClusterGraph), or 0: chips would be unreadable, so the lane only counts its pods. */
  farZoom: number;
}

/** At most this many waiting pods are drawn one by one; the rest are counted. */
const LANE_CHIPS = 9;

/** PendingLaneCard holds the pods no node has been chosen for yet: the scheduler's queue, made visible. */
export const PendingLaneCard = memo(function PendingLaneCard({ data }: NodeProps<FlowNode<PendingLaneData>>) {
  if (data.farZoom > 0) {
    // Zoomed out, only the count is written, 12 screen pixels tall.
    return (
      <section aria-label="unscheduled pods" className="h-full w-full rounded-lg border-2 border-dashed border-amber-400 bg-amber-50/60 p-2 dark:bg-amber-950/30">
        <h3 className="font-semibold text-amber-700 dark:text-amber-300" style={{ fontSize: Math.min(12 / data.farZoom, 60) }}>
          Unscheduled ({data.pods.length})
        </h3>
      </section>
    );
  }
  const shown = data.pods.slice(0, LANE_CHIPS);
  return (
    <section aria-label="unscheduled pods" className="h-full w-full rounded-lg border-2 border-dashed border-amber-400 bg-amber-50/60 p-2 dark:bg-amber-950/30">
      <h3 className="text-xs font-semibold text-amber-700 dark:text-amber-300">Unscheduled ({data.pods.length})</h3>
      <div className="mt-1 grid grid-cols-3 gap-0.5">
        {shown.map((p) => (
          <PodChip key={p.metadata?.uid ?? p.metadata?.name} pod={p} />
        ))}
      </div>
      {data.pods.length > shown.length && <p className="text-[10px] text-amber-700">+{data.pods.length - shown.length} more waiting</p>}
    </section>
  );
});
