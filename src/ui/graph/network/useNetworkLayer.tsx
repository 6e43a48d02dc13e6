// The networking layer of the cluster graph: Service, Ingress and client cards as React Flow nodes beside the node
// grid, and one overlay (edges and packets) in React Flow's viewport. ClusterGraph calls useNetworkLayer with what
// it draws the nodes from, so pod anchors follow the very same layout and slots. No upstream counterpart.
import { useEffect, useLayoutEffect, useMemo, useRef, type ReactElement } from 'react';
import { Panel, ViewportPortal, useReactFlow, type Node as FlowNode } from '@xyflow/react';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import { useClusterStore } from '../../store/clusterStore';
import { NO_OBJECTS, objectList, type KindObjects } from '../../store/kindObjects';
import { useTrafficStore } from '../../store/trafficStore';
import { useUiStore } from '../../store/uiStore';
import { FIT_VIEW, isDense, type Box, type ClusterLayout } from '../layout';
import { memoById, prune, type MemoCache } from '../stableNodes';
import { ClientCard } from './ClientCard';
import { EdgeLayer, type ServiceEdges } from './EdgeLayer';
import { cardLinks, edgeLayers, endpointEdges, leftPort } from './edges';
import { countEndpoints, endpointRows, endpointsText, slicesByService, type EndpointRow } from './endpointRows';
import type { NetworkGeometry } from './geometry';
import { IngressCard } from './IngressCard';
import { backendServices, ingressRoutes } from './ingressText';
import { layoutNetwork } from './networkLayout';
import { useNetworkView } from './networkViewStore';
import { PacketCanvas } from './PacketCanvas';
import { podAnchors } from './podAnchors';
import { ServiceCard } from './ServiceCard';
import { serviceKey, serviceType, visibleServices } from './serviceText';

/** The card types, to spread into ClusterGraph's module-level nodeTypes. */
export const networkNodeTypes = { service: ServiceCard, ingress: IngressCard, client: ClientCard };



function card(id: string, type: string, { x, y, width, height }: Box, data: Record<string, unknown>): FlowNode {
  return { id, type, position: { x, y }, width, height, measured: { width, height }, handles: [], data, draggable: false };
}

const objectKey = (o: { metadata?: { namespace?: string; name?: string } }) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
const boxInputs = (b: Box) => [b.x, b.y, b.width, b.height];

/**
 * useNetworkLayer returns the graph's nodes with the network cards appended, and the overlay to render inside
 * <ReactFlow>. `cluster`, `grouped` and the zoom flags must be those the node cards are drawn with.
 */
export function useNetworkLayer(
  flowNodes: FlowNode[],
  cluster: ClusterLayout,
  grouped: ReadonlyMap<string, Pod[]>,
  zoomedIn: boolean,
  zoomedOut: boolean,
): { nodes: FlowNode[]; overlay: ReactElement } {
  const services = useClusterStore((s) => s.objects.Service ?? NO_OBJECTS) as KindObjects<Service>;
  const slices = useClusterStore((s) => s.objects.EndpointSlice ?? NO_OBJECTS) as unknown as KindObjects<EndpointSlice>;
  const ingresses = useClusterStore((s) => s.objects.Ingress ?? NO_OBJECTS) as KindObjects<Ingress>;
  const showSystem = useNetworkView((s) => s.showSystemServices);
  const externalFlow = useTrafficStore((s) => s.flows.some((f) => f.source.kind === 'external'));
  const selected = useUiStore((s) => (s.selected?.kind === 'Service' ? `${s.selected.namespace}/${s.selected.name}` : undefined));
  const cache = useRef<MemoCache<FlowNode>>(new Map());

  const ingressList = useMemo(() => objectList<Ingress>(ingresses).sort((a, b) => (objectKey(a) < objectKey(b) ? -1 : 1)), [ingresses]);
  const shown = useMemo(() => visibleServices(objectList<Service>(services), ingressList.length, showSystem), [services, ingressList.length, showSystem]);
  const rows = useMemo(() => {
    const bySvc = slicesByService(objectList<EndpointSlice>(slices));
    return new Map<string, EndpointRow[]>(shown.map((s) => [serviceKey(s), endpointRows(bySvc.get(serviceKey(s)))]));
  }, [slices, shown]);

  const layout = useMemo(
    () =>
      layoutNetwork(cluster, {
        client: ingressList.length > 0 || externalFlow || shown.some((s) => serviceType(s) === 'LoadBalancer' || serviceType(s) === 'NodePort'),
        ingresses: ingressList.map((i) => ({ key: objectKey(i), routes: ingressRoutes(i).length })),
        services: shown.map(serviceKey),
      }),
    [cluster, ingressList, externalFlow, shown],
  );

  const cards = useMemo(() => {
    const out: FlowNode[] = [];
    if (layout.client) out.push(memoById(cache.current, 'net/client', boxInputs(layout.client), () => card('net/client', 'client', layout.client!, {})));
    for (const ing of ingressList) {
      const id = `net/ingress/${objectKey(ing)}`;
      const box = layout.ingresses.get(objectKey(ing))!;
      out.push(memoById(cache.current, id, [ing, ...boxInputs(box)], () => card(id, 'ingress', box, { ingress: ing })));
    }
    for (const svc of shown) {
      const id = `net/service/${serviceKey(svc)}`;
      const box = layout.services.get(serviceKey(svc))!;
      const endpoints = endpointsText(countEndpoints(rows.get(serviceKey(svc)) ?? []));
      out.push(memoById(cache.current, id, [svc, endpoints, ...boxInputs(box)], () => card(id, 'service', box, { service: svc, endpoints })));
    }
    prune(cache.current, new Set(out.map((n) => n.id)));
    return out;
  }, [layout, ingressList, shown, rows]);

  const geometry = useMemo<NetworkGeometry>(
    () => ({ layout, anchorOf: podAnchors(cluster.nodes, grouped, (count) => isDense(count, zoomedIn, zoomedOut)), nodeBoxes: cluster.nodes }),
    [layout, cluster, grouped, zoomedIn, zoomedOut],
  );
  // Packets read the newest geometry when a sample arrives, without re-subscribing.
  const geometryRef = useRef(geometry);
  useLayoutEffect(() => {
    geometryRef.current = geometry;
  }, [geometry]);

  const edges = useMemo(() => {
    const out: ServiceEdges[] = [];
    let drawn = 0;
    for (const [key, box] of geometry.layout.services) {
      const list = endpointEdges(leftPort(box), rows.get(key) ?? [], geometry.anchorOf, geometry.nodeBoxes);
      drawn += list.length;
      out.push({ key, layers: edgeLayers(list) });
    }
    const ingressLinks = cardLinks(geometry.layout.ingresses, (key) => backendServices(ingresses.byKey.get(key)!), geometry.layout.services);
    const client = geometry.layout.client;
    const clientLinks = client ? cardLinks(new Map([['client', client]]), () => [...geometry.layout.ingresses.keys()], geometry.layout.ingresses) : '';
    return { services: out, ingressLinks, clientLinks, summary: `network: ${out.length} services, ${drawn} endpoint lines` };
  }, [geometry, rows, ingresses]);

  // Frame the whole drawing when cards come or go, as ClusterGraph does when nodes do.
  const flow = useReactFlow();
  const cardCount = cards.length;
  useEffect(() => {
    if (cardCount > 0) requestAnimationFrame(() => void flow.fitView(FIT_VIEW));
  }, [cardCount, flow]);

  const all = useMemo(() => (cards.length === 0 ? flowNodes : [...flowNodes, ...cards]), [flowNodes, cards]);
  const overlay = (
    <>
      <ViewportPortal>
        <EdgeLayer {...edges} selected={selected} />
        <PacketCanvas geometry={geometryRef} />
      </ViewportPortal>
      <Panel position="bottom-right">
        <SystemServicesToggle />
      </Panel>
    </>
  );
  return { nodes: all, overlay };
}

function SystemServicesToggle() {
  const show = useNetworkView((s) => s.showSystemServices);
  const setShow = useNetworkView((s) => s.setShowSystemServices);
  return (
    <label className="flex items-center gap-1 rounded bg-white/90 px-2 py-1 text-[11px] shadow dark:bg-slate-900/90">
      <input type="checkbox" aria-label="show system services" checked={show} onChange={(e) => setShow(e.target.checked)} />
      show system services
    </label>
  );
}
