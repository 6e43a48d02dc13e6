// Mirrors k8s.io/kubectl/pkg/describe/describe.go PrefixWriter (Write, WriteLine), the LEVEL_0..LEVEL_4 constants and
// tabbedString (text/tabwriter with minwidth 0, tabwidth 8, padding 2, padchar ' '); leaves out WriteEscaped's
// escaping of terminal control characters.
import { TabWriter, type TabWriterOptions } from '../tabwriter';

/** Indentation levels: each level is two spaces. */
export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/** DESCRIBE_TABWRITER is tabbedString's `out.Init(buf, 0, 8, 2, ' ', 0)`: no minimum width, no remembered widths. */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minWidth: 0, padding: 2, rememberWidths: false };

/**
 * PrefixWriter writes text at an indentation level into describe's tabwriter. Cells end with `\t`; a line with a
 * single cell (a section title such as `Containers:`) ends an alignment block, so every section aligns on its own.
 */
export class PrefixWriter {
  private readonly writer = new TabWriter(DESCRIBE_TABWRITER);

  /** write is Write(level, format, args...): the text, already formatted, after `level` times two spaces. */
  write(level: number, text: string): void {
    this.writer.write('  '.repeat(level) + text);
  }

  /** writeLine is WriteLine: the operands joined by spaces, then a newline, without indentation. */
  writeLine(...parts: string[]): void {
    this.writer.write(`${parts.join(' ')}\n`);
  }

  /** text flushes the tabwriter and returns everything written. */
  text(): string {
    return this.writer.flush();
  }
}

/** tabbedString runs a describer body against a fresh PrefixWriter and returns the aligned text. */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  body(w);
  return w.text();
}
