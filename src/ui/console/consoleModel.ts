/** One line of console output: what the user typed, or what kubectl printed to stdout or stderr. */
export interface ConsoleLine {
  id: number;
  kind: 'input' | 'stdout' | 'stderr' | 'info';
  text: string;
}

/** The console keeps this many output lines; a long `-w` stream drops the oldest, as a terminal's scrollback does. */
export const SCROLLBACK_LINES = 2000;

/** appendOutput adds text (possibly many lines) to the scrollback, dropping the oldest lines beyond the limit. */
export function appendOutput(lines: readonly ConsoleLine[], kind: ConsoleLine['kind'], text: string, nextId: () => number): ConsoleLine[] {
  if (text === '') return lines as ConsoleLine[];
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const added = body.split('\n').map((t) => ({ id: nextId(), kind, text: t }));
  const all = [...lines, ...added];
  return all.length > SCROLLBACK_LINES ? all.slice(all.length - SCROLLBACK_LINES) : all;
}

/**
 * History is the shell's command history: Up walks back from the newest entry, Down walks forward and finally
 * returns to the line being typed before the walk began, as bash's readline does.
 */
export class History {
  private readonly entries: string[] = [];
  private cursor = 0;
  private draft = '';

  constructor(initial: readonly string[] = []) {
    this.entries.push(...initial);
    this.cursor = this.entries.length;
  }

  /** add records a command (not blank, not a repeat of the previous one) and ends any walk. */
  add(line: string): void {
    if (line.trim() !== '' && this.entries[this.entries.length - 1] !== line) this.entries.push(line);
    this.cursor = this.entries.length;
    this.draft = '';
  }

  /** up returns the previous entry, or undefined at the oldest; `current` is what the prompt holds now. */
  up(current: string): string | undefined {
    if (this.cursor === 0) return undefined;
    if (this.cursor === this.entries.length) this.draft = current;
    this.cursor--;
    return this.entries[this.cursor];
  }

  /** down returns the next entry, then the draft; undefined when not walking. */
  down(): string | undefined {
    if (this.cursor >= this.entries.length) return undefined;
    this.cursor++;
    return this.cursor === this.entries.length ? this.draft : this.entries[this.cursor];
  }

  list(): readonly string[] {
    return this.entries;
  }
}

/** Completion is what pressing Tab does to the prompt: the new line, and candidates to list when ambiguous. */
export interface Completion {
  line: string;
  listed: string[];
}

/**
 * complete replaces the word under completion (the text after the last space) by the candidates' longest common
 * prefix; a single candidate is completed with a trailing space, as bash does. Several candidates are listed.
 */
export function complete(line: string, candidates: readonly string[]): Completion {
  const start = line.lastIndexOf(' ') + 1;
  const word = line.slice(start);
  const matching = [...new Set(candidates.filter((c) => c.startsWith(word)))].sort();
  if (matching.length === 0) return { line, listed: [] };
  if (matching.length === 1) return { line: line.slice(0, start) + matching[0] + ' ', listed: [] };
  return { line: line.slice(0, start) + commonPrefix(matching), listed: matching };
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0];
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
