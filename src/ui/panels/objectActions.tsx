import { useState } from 'react';
import type { ObjectRef } from '../../sim/index';
import type { NodeAction, PodAction } from '../../worker/protocol';
import { simClient } from '../simClientInstance';
import type { KubeObject } from '../../sim/index';

const button = 'rounded bg-slate-200 px-2 py-0.5 text-xs hover:bg-slate-300 dark:bg-slate-800 dark:hover:bg-slate-700';

const NODE_ACTIONS: Array<[NodeAction, string]> = [
  ['kill', 'Kill node'],
  ['restart', 'Restart node'],
  ['cordon', 'Cordon'],
  ['uncordon', 'Uncordon'],
  ['drain', 'Drain'],
];

const POD_ACTIONS: Array<[PodAction, string]> = [
  ['delete', 'Delete pod'],
  ['crash', 'Crash container'],
  ['failLiveness', 'Fail liveness'],
  ['failReadiness', 'Fail readiness'],
  ['healProbes', 'Heal probes'],
];

/** ObjectActions: what the user can do to the selected node, pod or Deployment. */
export function ObjectActions({ target, object }: { target: ObjectRef; object: KubeObject }) {
  if (target.kind === 'Node') {
    return (
      <div className="flex flex-wrap gap-1">
        {NODE_ACTIONS.map(([action, label]) => (
          <button key={action} className={button} onClick={() => simClient.send({ type: 'nodeAction', node: target.name, action })}>
            {label}
          </button>
        ))}
      </div>
    );
  }
  if (target.kind === 'Pod') {
    return (
      <div className="flex flex-wrap gap-1">
        {POD_ACTIONS.map(([action, label]) => (
          <button key={action} className={button} onClick={() => simClient.send({ type: 'podAction', namespace: target.namespace, name: target.name, action })}>
            {label}
          </button>
        ))}
      </div>
    );
  }
  if (target.kind === 'Deployment') return <DeploymentActions target={target} object={object} />;
  return null;
}

function DeploymentActions({ target, object }: { target: ObjectRef; object: KubeObject }) {
  const spec = object.spec as { replicas?: number; template?: { spec?: { containers?: { image?: string }[] } } };
  const [replicas, setReplicas] = useState(String(spec?.replicas ?? 1));
  const [image, setImage] = useState(spec?.template?.spec?.containers?.[0]?.image ?? '');
  const input = 'w-20 rounded bg-slate-100 px-1 text-xs dark:bg-slate-800';
  return (
    <div className="space-y-1 text-xs">
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          simClient.send({ type: 'scale', namespace: target.namespace, name: target.name, replicas: Math.max(0, Number(replicas) || 0) });
        }}
      >
        <label>
          replicas <input aria-label="replicas" className={input} type="number" min={0} value={replicas} onChange={(e) => setReplicas(e.target.value)} />
        </label>
        <button className={button}>Scale</button>
      </form>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (image.trim()) simClient.send({ type: 'setImage', namespace: target.namespace, name: target.name, image: image.trim() });
        }}
      >
        <label>
          image <input aria-label="image" className={`${input} w-36`} value={image} onChange={(e) => setImage(e.target.value)} />
        </label>
        <button className={button}>Change image</button>
      </form>
    </div>
  );
}
