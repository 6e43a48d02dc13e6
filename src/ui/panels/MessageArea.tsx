import type { ApplyResult } from '../../sim/index';

/**
 * MessageArea shows kubectl's answers to the last apply and to the last action, errors in red. Its height is fixed:
 * a message never resizes the editor above it, whose frame would lay Monaco out again while the graph animates.
 */
export function MessageArea({ results, notice }: { results: ApplyResult[]; notice: string | undefined }) {
  const empty = results.length === 0 && !notice;
  return (
    <div role="status" aria-label="messages" className="h-32 shrink-0 overflow-auto border-t border-slate-300 p-2 font-mono text-[11px] dark:border-slate-800">
      {empty && <p className="text-slate-500">kubectl's answers to Apply and to actions appear here.</p>}
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
