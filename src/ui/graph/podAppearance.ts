import type { Pod } from 'kubernetes-types/core/v1';
import { podRow, type PodRow } from '../../sim/kubectl/printers/podStatus';

/** PodLook is how a pod chip shows its state: kubectl's words, and a colour that only repeats them. */
export interface PodLook extends PodRow {
  tone: 'pending' | 'creating' | 'running' | 'ready' | 'failing' | 'terminating' | 'done';
}

const rows = new WeakMap<Pod, PodLook>();

/** podLook computes (once per pod object) what the chip shows: READY, STATUS, RESTARTS and a tone. */
export function podLook(pod: Pod): PodLook {
  const cached = rows.get(pod);
  if (cached) return cached;
  const row = podRow(pod);
  const look = { ...row, tone: toneOf(pod, row) };
  rows.set(pod, look);
  return look;
}

function toneOf(pod: Pod, row: PodRow): PodLook['tone'] {
  if (row.status === 'Terminating') return 'terminating';
  if (row.status === 'Completed' || pod.status?.phase === 'Succeeded') return 'done';
  if (/BackOff|Err|Error|Failed|OOMKilled|Unknown|ExitCode|Signal/.test(row.status) || pod.status?.phase === 'Failed') return 'failing';
  if (row.status === 'Pending' && !pod.spec?.nodeName) return 'pending';
  if (row.status === 'Running') {
    const [ready, total] = row.ready.split('/');
    return ready === total ? 'ready' : 'running';
  }
  return 'creating';
}

/** Tailwind classes per tone: background and border; the chip also prints the status in words. */
export const TONE_CLASSES: Record<PodLook['tone'], string> = {
  pending: 'bg-amber-100 border-amber-400 text-amber-900 dark:bg-amber-950 dark:border-amber-500 dark:text-amber-100',
  creating: 'bg-sky-100 border-sky-400 text-sky-900 dark:bg-sky-950 dark:border-sky-500 dark:text-sky-100',
  running: 'bg-teal-100 border-teal-400 text-teal-900 dark:bg-teal-950 dark:border-teal-600 dark:text-teal-100',
  ready: 'bg-emerald-100 border-emerald-500 text-emerald-900 dark:bg-emerald-900 dark:border-emerald-400 dark:text-emerald-50',
  failing: 'bg-rose-100 border-rose-500 text-rose-900 dark:bg-rose-950 dark:border-rose-500 dark:text-rose-100',
  terminating: 'bg-slate-200 border-slate-400 text-slate-600 line-through dark:bg-slate-800 dark:border-slate-500 dark:text-slate-400',
  done: 'bg-slate-100 border-slate-300 text-slate-600 dark:bg-slate-900 dark:border-slate-600 dark:text-slate-300',
};

/** ownerOf names the controller that owns a pod (usually a ReplicaSet), if any. */
export function ownerOf(pod: Pod): { kind: string; name: string } | undefined {
  const ref = pod.metadata?.ownerReferences?.find((r) => r.controller) ?? pod.metadata?.ownerReferences?.[0];
  return ref ? { kind: ref.kind, name: ref.name } : undefined;
}

const OWNER_PALETTE = ['#6366f1', '#f97316', '#06b6d4', '#a855f7', '#84cc16', '#ec4899', '#eab308', '#14b8a6'];

/** ownerColour gives each owner (ReplicaSet) a stable colour, so old and new versions are told apart at a glance. */
export function ownerColour(name: string | undefined): string {
  if (!name) return 'transparent';
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return OWNER_PALETTE[h % OWNER_PALETTE.length];
}
