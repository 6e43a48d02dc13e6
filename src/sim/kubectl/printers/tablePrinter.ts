// Mirrors cli-runtime pkg/printers/tableprinter.go (printTable, decorateTable, printRows): which columns show, the
// NAMESPACE column, `kind/name` names, -L label columns and --show-labels.
import type { KubeObject } from '../../api/object';
import type { VirtualMs } from '../../clock/virtualClock';
import { formatLabels, type Cell, type TableHandler } from './table';

/** TableOptions are kubectl's PrintOptions for human-readable output. */
export interface TableOptions {
  wide: boolean;
  withNamespace: boolean;
  /** Prefix for the name column when several kinds print, e.g. `deployment.apps`. */
  kindPrefix?: string;
  showLabels: boolean;
  labelColumns: readonly string[];
}

/** tableHeader is the header row: column names upper-cased, wide ones only with -o wide. */
export function tableHeader(handler: TableHandler, opts: TableOptions): string[] {
  const names = handler.columns.filter((c) => opts.wide || !c.priority).map((c) => c.name.toUpperCase());
  return [
    ...(opts.withNamespace ? ['NAMESPACE'] : []),
    ...names,
    ...opts.labelColumns.map((label) => label.split('/').pop()!.toUpperCase()),
    ...(opts.showLabels ? ['LABELS'] : []),
  ];
}

/** tableRow is one object's row. */
export function tableRow(handler: TableHandler, obj: KubeObject, opts: TableOptions, now: VirtualMs): string[] {
  const cells = handler.cells(obj, now);
  const nameColumn = handler.columns.findIndex((c) => c.format === 'name');
  const shown: string[] = [];
  handler.columns.forEach((column, i) => {
    if (!opts.wide && column.priority) return;
    const text = cellText(cells[i]);
    shown.push(i === nameColumn && opts.kindPrefix ? `${opts.kindPrefix}/${text}` : text);
  });
  const labels = obj.metadata.labels ?? {};
  return [
    ...(opts.withNamespace ? [obj.metadata.namespace ?? ''] : []),
    ...shown,
    ...opts.labelColumns.map((label) => labels[label] ?? ''),
    ...(opts.showLabels ? [formatLabels(labels)] : []),
  ];
}

/** cellText prints a cell as printTable does: a string is cut at its first line break, with `...` after it. */
function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell !== 'string') return String(cell);
  const cut = cell.search(/[\f\n\r]/);
  return cut >= 0 ? `${cell.slice(0, cut)}...` : cell;
}
