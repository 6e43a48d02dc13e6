// Mirrors github.com/liggitt/tabwriter (Go's text/tabwriter plus RememberWidths) with the settings of kubectl's
// cli-runtime pkg/printers/tabwriter.go; leaves out escapes, HTML filtering, right alignment and tab padding.

/** TabWriterOptions are text/tabwriter's NewWriter parameters. */
export interface TabWriterOptions {
  /** Minimal cell width including padding. */
  minWidth: number;
  /** Spaces added to a cell's text before its column width is computed. */
  padding: number;
  /** Keep each column at least as wide as it was before a flush (kubectl's watch output). */
  rememberWidths: boolean;
}

/** KUBECTL_TABWRITER is printers.GetNewTabWriter: minwidth 6, tabwidth 4, padding 3, ' ', RememberWidths. */
export const KUBECTL_TABWRITER: TabWriterOptions = { minWidth: 6, padding: 3, rememberWidths: true };

interface Cell {
  text: string;
  width: number;
}

/**
 * TabWriter aligns tab-terminated cells into columns with elastic tabstops, byte for byte as Go's tabwriter does:
 * a column block is a run of consecutive lines that have a cell in that column; the text after a line's last tab is
 * not part of any column; a line without tabs flushes.
 */
export class TabWriter {
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private maxWidths: number[] = [];
  private out = '';

  constructor(private readonly options: TabWriterOptions = KUBECTL_TABWRITER) {}

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\n') continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell();
      if (ch === '\n') {
        this.lines.push([]);
        if (ncells === 1) this.flushLines();
      }
    }
    this.cell += text.slice(start);
  }

  /** flush formats everything written so far and returns the output produced since the last flush. */
  flush(): string {
    this.flushLines();
    const out = this.out;
    this.out = '';
    return out;
  }

  /** setRememberedWidths is SetRememberedWidths: kubectl clears them when a new table (resource kind) starts. */
  setRememberedWidths(widths: readonly number[]): void {
    this.maxWidths = [...widths];
  }

  private terminateCell(): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.cell, width: [...this.cell].length });
    this.cell = '';
    return line.length;
  }

  private flushLines(): void {
    if (this.cell.length > 0) this.terminateCell();
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= this.lines[current].length - 1) continue;
      this.writeLines(line0, current);
      line0 = current;
      let width = this.options.minWidth;
      for (; current < line1; current++) {
        const line = this.lines[current];
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column].width + this.options.padding);
      }
      if (this.options.rememberWidths) width = this.remember(width);
      this.widths.push(width);
      this.format(line0, current);
      this.widths.pop();
      line0 = current;
    }
    this.writeLines(line0, line1);
  }

  private remember(width: number): number {
    const column = this.widths.length;
    if (this.maxWidths.length < column) this.maxWidths.push(...this.widths.slice(this.maxWidths.length));
    if (this.maxWidths.length === column) this.maxWidths.push(width);
    else if (this.maxWidths[column] > width) width = this.maxWidths[column];
    else this.maxWidths[column] = width;
    return width;
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      line.forEach((c, j) => {
        this.out += c.text;
        if (j < this.widths.length) this.out += ' '.repeat(this.widths[j] - c.width);
      });
      if (i + 1 < this.lines.length) this.out += '\n';
    }
  }
}

/** formatTable runs rows of cells through a fresh kubectl tabwriter: `\t` between cells, `\n` after each row. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const w = new TabWriter();
  for (const row of rows) w.write(`${row.join('\t')}\n`);
  return w.flush();
}
