import type { ApplyResult } from '../../sim/index';

/** MessageArea shows kubectl's answers to the last apply and to the last action, errors in red. */
export function MessageArea({ results, notice }: { results: ApplyResult[]; notice: string | undefined }) {
  if (results.length === 0 && !notice) return null;
  return (
    <div role="status" aria-label="messages" className="max-h-40 overflow-auto border-t border-slate-300 p-2 font-mono text-[11px] dark:border-slate-800">
      {results.map((r, i) => (
        <p key={i} className={r.ok ? 'text-emerald-700 dark:text-emerald-300' : 'whitespace-pre-wrap text-rose-600 dark:text-rose-300'}>
          {!r.ok && r.position ? `line ${r.position.line}, column ${r.position.column}: ` : ''}
          {r.message}
        </p>
      ))}
      {notice && <p className="whitespace-pre-wrap text-slate-600 dark:text-slate-300">{notice}</p>}
    </div>
  );
}
