import { useEffect, useState } from 'react';
import type { KubeObject } from '../../sim/index';
import { simClient } from '../simClientInstance';

/**
 * useWholeObject is the inspected object as the API server holds it. The mirror keeps Pods slimmed to what the
 * page draws of every pod (worker/slimPod.ts), so for a Pod it asks the worker for the whole one each time the
 * mirrored one's resourceVersion changes, and goes on showing the last whole one until the next arrives. Other kinds
 * are mirrored whole. Undefined until the worker has answered for this Pod.
 */
export function useWholeObject(object: KubeObject | undefined): KubeObject | undefined {
  const slimmed = object?.kind === 'Pod';
  const namespace = object?.metadata.namespace ?? '';
  const name = object?.metadata.name ?? '';
  const version = object?.metadata.resourceVersion;
  const [whole, setWhole] = useState<KubeObject | undefined>();
  useEffect(() => {
    if (!slimmed) return;
    let live = true;
    void simClient.get({ kind: 'Pod', namespace, name }).then((answer) => live && answer && setWhole(answer));
    return () => {
      live = false;
    };
  }, [slimmed, namespace, name, version]);
  if (!slimmed) return object;
  // A Pod of the same name made since (a StatefulSet's) is another Pod: its answer is still on the way.
  return whole?.metadata.uid === object.metadata.uid ? whole : undefined;
}
