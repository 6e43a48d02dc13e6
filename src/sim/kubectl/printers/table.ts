// Mirrors the shared pieces of pkg/printers/internalversion/printers.go (column definitions, translateTimestampSince,
// layoutContainerCells, printBoolPtr, listWithMoreString) and labels.FormatLabels.
import type { Container } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import type { VirtualMs } from '../../clock/virtualClock';
import { parseTime } from '../../clock/timeFormat';
import { humanDuration } from './humanDuration';

/** ColumnDefinition is metav1.TableColumnDefinition: the header is the name upper-cased. */
export interface ColumnDefinition {
  name: string;
  /** 1 for columns only `-o wide` shows. */
  priority?: 1;
  /** `name` marks the column kubectl prefixes with `kind/` when several kinds print. */
  format?: 'name';
}

/** Cell is one table cell as the server sends it: Go prints numbers and booleans with %v. */
export type Cell = string | number | boolean;

/**
 * TableHandler is one kind's printer: its columns and the cells of one object's row. Cells are generated for every
 * column, wide ones included, as the API server's table convertor does; kubectl drops wide columns unless -o wide.
 */
export interface TableHandler {
  columns: readonly ColumnDefinition[];
  cells(obj: KubeObject, now: VirtualMs): Cell[];
}

/** tableHandler types a printer for one kind's object shape. */
export function tableHandler<T>(columns: readonly ColumnDefinition[], cells: (obj: T & KubeObject, now: VirtualMs) => Cell[]): TableHandler {
  return { columns, cells: cells as (obj: KubeObject, now: VirtualMs) => Cell[] };
}

export const NAME: ColumnDefinition = { name: 'Name', format: 'name' };
export const AGE: ColumnDefinition = { name: 'Age' };
export const CONTAINERS: ColumnDefinition = { name: 'Containers', priority: 1 };
export const IMAGES: ColumnDefinition = { name: 'Images', priority: 1 };
export const SELECTOR: ColumnDefinition = { name: 'Selector', priority: 1 };

/** since is translateTimestampSince: the AGE of a timestamp, `<unknown>` when unset. */
export function since(timestamp: string | undefined, now: VirtualMs): string {
  const t = parseTime(timestamp);
  return t === undefined ? '<unknown>' : humanDuration(now - t);
}

/** age is the AGE cell of an object. */
export function age(obj: KubeObject, now: VirtualMs): string {
  return since(obj.metadata.creationTimestamp, now);
}

/** layoutContainerCells joins container names and images with commas, for the CONTAINERS and IMAGES columns. */
export function layoutContainerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/** formatLabels is labels.FormatLabels: sorted `k=v` pairs joined by commas, `<none>` when empty. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** printBoolPtr prints True, False, or `<unset>` for an absent field. */
export function printBoolPtr(value: boolean | undefined): string {
  if (value === undefined) return '<unset>';
  return value ? 'True' : 'False';
}

/** listWithMore is listWithMoreString: the first `max` items, then ` + N more...`; `<unset>` when empty. */
export function listWithMore(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).join(',');
  if (items.length > max) return `${shown} + ${items.length - max} more...`;
  return shown === '' ? '<unset>' : shown;
}
