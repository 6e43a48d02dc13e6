import type { ApplyResult } from '../../sim/index';

/** Marker is the subset of monaco.editor.IMarkerData the editor sets for apply errors. */
export interface Marker {
  severity: number;
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** Monaco's MarkerSeverity.Error. */
const ERROR = 8;

/**
 * applyMarkers turns failed apply results into editor markers at their line and column; an error without a
 * position (rare) is shown on the first line so it is never lost.
 */
export function applyMarkers(results: readonly ApplyResult[], lineCount: number): Marker[] {
  return results
    .filter((r) => !r.ok)
    .map((r) => {
      const line = Math.min(Math.max(1, r.position?.line ?? 1), Math.max(1, lineCount));
      const column = Math.max(1, r.position?.column ?? 1);
      const field = r.fieldPath ? ` (field ${r.fieldPath})` : '';
      return { severity: ERROR, message: r.message + field, startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: 1000 };
    });
}
