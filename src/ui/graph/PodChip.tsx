import { memo, useLayoutEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { Pod } from 'kubernetes-types/core/v1';
import { ownerColour, ownerOf, podLook, TONE_CLASSES } from './podAppearance';
import { playMove } from './flip';
import { useUiStore, sameRef } from '../store/uiStore';

/** PodChip is one pod: its name, kubectl's READY and STATUS, restarts, and a stripe in its owner's colour. */
export const PodChip = memo(function PodChip({ pod }: { pod: Pod }) {
  const ref = useRef<HTMLButtonElement>(null);
  const flow = useStoreApi();
  const look = podLook(pod);
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? 'default';
  const owner = ownerOf(pod);
  const selected = useUiStore((s) => sameRef(s.selected, { kind: 'Pod', namespace, name }));
  const select = useUiStore((s) => s.select);
  const node = pod.spec?.nodeName ?? '';

  useLayoutEffect(() => {
    if (!ref.current) return;
    const [x, y, zoom] = flow.getState().transform;
    playMove(pod.metadata?.uid ?? name, ref.current, { x, y, zoom });
  }, [node, flow, name, pod.metadata?.uid]);

  return (
    <button
      ref={ref}
      aria-label={`pod ${name}`}
      data-status={look.status}
      data-ready={look.ready}
      title={`${namespace}/${name}\n${look.status} ${look.ready}${owner ? `\nowner: ${owner.kind} ${owner.name}` : ''}`}
      onClick={(e) => {
        e.stopPropagation();
        select({ kind: 'Pod', namespace, name });
      }}
      className={`pod-chip nodrag flex h-[22px] w-full items-center gap-1.5 overflow-hidden rounded border pl-0 pr-1.5 text-left font-mono text-[11px] leading-none transition-colors duration-500 ${TONE_CLASSES[look.tone]} ${selected ? 'ring-2 ring-sky-400' : ''}`}
    >
      <span className="h-full w-1.5 shrink-0" style={{ background: ownerColour(owner?.name) }} />
      <span className="min-w-0 flex-1 truncate">{name}</span>
      <span className="shrink-0">{look.status}</span>
      <span className="shrink-0 opacity-70">{look.ready}</span>
      {look.restarts > 0 && <span className="shrink-0 font-semibold" title="restarts">↻{look.restarts}</span>}
    </button>
  );
});
