// The network overlay's lines, in one SVG inside React Flow's viewport (so they pan and zoom with the cards) rather
// than as hundreds of React Flow edges: a few paths per Service, whatever its number of endpoints. No upstream
// counterpart.
import { memo } from 'react';
import type { EdgeLayers } from './edges';

/** ServiceEdges are one Service's endpoint lines; a selected Service stands out, the others step back. */
export interface ServiceEdges {
  key: string;
  layers: EdgeLayers;
}

const STROKE = { ready: '#0ea5e9', notReady: '#94a3b8', terminating: '#fb7185' };

const ServiceGroup = memo(function ServiceGroup({ ready, notReady, terminating, labels, emphasis }: EdgeLayers & { emphasis: 'normal' | 'strong' | 'faint' }) {
  const opacity = emphasis === 'strong' ? 1 : emphasis === 'faint' ? 0.25 : 0.7;
  const width = emphasis === 'strong' ? 2 : 1.5;
  return (
    <g opacity={opacity} fill="none">
      {ready && <path d={ready} stroke={STROKE.ready} strokeWidth={width} />}
      {notReady && <path d={notReady} stroke={STROKE.notReady} strokeWidth={width} strokeDasharray="5 5" opacity={0.6} />}
      {terminating && <path d={terminating} stroke={STROKE.terminating} strokeWidth={width} strokeDasharray="2 4" />}
      {labels.map((l, i) => (
        <text key={i} x={l.x} y={l.y} fontSize={11} className="fill-slate-700 stroke-white dark:fill-slate-200 dark:stroke-slate-950" strokeWidth={3} paintOrder="stroke">
          {l.text}
        </text>
      ))}
    </g>
  );
});

/**
 * EdgeLayer draws, under the cards, each Service's endpoint lines, the Ingress→Service loops and the client's
 * loops to the Ingresses. It takes no pointer events: the cards and pods below stay clickable.
 */
export const EdgeLayer = memo(function EdgeLayer({ services, ingressLinks, clientLinks, selected, summary }: { services: ServiceEdges[]; ingressLinks: string; clientLinks: string; selected: string | undefined; summary: string }) {
  return (
    // z-index -1 puts the lines under the node cards (React Flow gives each node z-index 0): a line never crosses a
    // chip's text, it dips under the boxes it passes and comes out at its pod's row.
    <svg className="pointer-events-none absolute left-0 top-0 -z-10 overflow-visible" width={1} height={1} role="img" aria-label={summary} data-testid="network-edges">
      {services.map((s) => (
        <ServiceGroup key={s.key} {...s.layers} emphasis={selected === undefined ? 'normal' : selected === s.key ? 'strong' : 'faint'} />
      ))}
      {clientLinks && <path d={clientLinks} fill="none" stroke="#94a3b8" strokeWidth={1.5} strokeDasharray="6 4" />}
      {ingressLinks && <path d={ingressLinks} fill="none" stroke="#8b5cf6" strokeWidth={1.75} opacity={0.8} />}
    </svg>
  );
});
