import { describe, expect, it } from 'vitest';
import { applyMarkers } from './applyMarkers';

describe('apply errors as editor markers', () => {
  it('a failed document becomes an error marker on its line, from its column to the line end', () => {
    const markers = applyMarkers(
      [
        { document: 0, ok: true, message: 'deployment.apps/web created' },
        { document: 1, ok: false, message: 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0', position: { line: 6, column: 3 }, fieldPath: 'spec.replicas' },
      ],
      20,
    );
    expect(markers).toEqual([
      {
        severity: 8,
        message: 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0 (field spec.replicas)',
        startLineNumber: 6,
        startColumn: 3,
        endLineNumber: 6,
        endColumn: 1000,
      },
    ]);
  });

  it('an error without a position lands on line 1 and never past the last line', () => {
    expect(applyMarkers([{ document: 0, ok: false, message: 'boom' }], 3)[0].startLineNumber).toBe(1);
    expect(applyMarkers([{ document: 0, ok: false, message: 'x', position: { line: 9, column: 1 } }], 3)[0].startLineNumber).toBe(3);
  });
});
