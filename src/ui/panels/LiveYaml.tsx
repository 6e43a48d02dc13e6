import { stringify } from 'yaml';
import type { KubeObject } from '../../sim/index';

/** LiveYaml is `kubectl get -o yaml` of the selected object, updated as it changes (loaded lazily). */
export default function LiveYaml({ object }: { object: KubeObject }) {
  const { managedFields: _managed, ...metadata } = object.metadata as KubeObject['metadata'] & { managedFields?: unknown };
  return (
    <section>
      <h3 className="font-semibold">YAML</h3>
      <pre aria-label="live yaml" className="max-h-80 overflow-auto rounded bg-slate-100 p-2 font-mono text-[10px] dark:bg-slate-900">
        {stringify({ ...object, metadata })}
      </pre>
    </section>
  );
}
