// The world outside the cluster, where external requests start (src/sim/network: EXTERNAL_CLIENT_IP). No upstream
// counterpart.
import { memo } from 'react';
import { EXTERNAL_CLIENT_IP } from '../../../sim/network/types';

export const ClientCard = memo(function ClientCard() {
  return (
    <article
      aria-label="internet client"
      className="flex h-full w-full flex-col justify-center rounded-lg border-2 border-dashed border-slate-400 bg-white px-2 text-[11px] shadow-sm dark:border-slate-500 dark:bg-slate-900"
    >
      <h3 className="text-sm font-semibold">Internet / client</h3>
      <p className="font-mono text-slate-500">outside the cluster · {EXTERNAL_CLIENT_IP}</p>
    </article>
  );
});
