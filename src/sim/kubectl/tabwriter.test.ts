import { describe, expect, it } from 'vitest';
import { formatTable, TabWriter } from './tabwriter';

describe("kubectl's tabwriter (minwidth 6, padding 3, RememberWidths)", () => {
  it('pads every column but the last to its widest cell plus three spaces', () => {
    expect(formatTable([
      ['NAME', 'READY', 'STATUS', 'AGE'],
      ['web-1', '1/1', 'Running', '5s'],
    ])).toBe('NAME    READY   STATUS    AGE\nweb-1   1/1     Running   5s\n');
  });

  it('makes a column at least six wide, however short its cells', () => {
    expect(formatTable([
      ['A', 'B'],
      ['c', 'd'],
    ])).toBe('A     B\nc     d\n');
  });

  it('pads an empty cell to the column width and leaves the last cell unpadded', () => {
    expect(formatTable([
      ['NAME', 'HOLDER', 'AGE'],
      ['lease', '', '1m'],
    ])).toBe('NAME    HOLDER   AGE\nlease            1m\n');
  });

  it('aligns a column block only over consecutive lines that have the column, as Go\'s tabwriter does', () => {
    const w = new TabWriter({ minWidth: 6, padding: 3, rememberWidths: false });
    w.write('aaaaaaaa\tb\nc\nd\te\n');
    expect(w.flush()).toBe('aaaaaaaa   b\nc\nd     e\n');
  });

  it('keeps a remembered width across a line without tabs, which flushes', () => {
    expect(formatTable([['aaaaaaaa', 'b'], ['c'], ['d', 'e']])).toBe('aaaaaaaa   b\nc\nd          e\n');
  });

  it('counts characters, not bytes, for non-ASCII text', () => {
    expect(formatTable([['né', 'x'], ['abc', 'y']])).toBe('né    x\nabc   y\n');
  });

  it('remembers column widths across flushes until they are reset', () => {
    const w = new TabWriter();
    w.write('NAME\tSTATUS\tAGE\nlong-pod-name\tRunning\t1s\n');
    expect(w.flush()).toBe('NAME            STATUS    AGE\nlong-pod-name   Running   1s\n');
    w.write('p\tPending\t0s\n');
    expect(w.flush()).toBe('p               Pending   0s\n');
    w.setRememberedWidths([]);
    w.write('p\tPending\t0s\n');
    expect(w.flush()).toBe('p     Pending   0s\n');
  });

  it('keeps text without a newline buffered until flush', () => {
    const w = new TabWriter();
    w.write('a\tb');
    expect(w.flush()).toBe('a     b');
  });
});
