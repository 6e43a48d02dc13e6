// A small POSIX sh parser for the scripts Kubernetes examples run (`sh -c "touch /tmp/healthy; sleep 30"`): lists,
// && and ||, pipes, redirections, while/until/for loops and if. Expansions happen when a command runs (expansion.ts).
import { QUOTED_DOLLAR } from './expansion';

/** ShellNode is a parsed script. */
export type ShellNode =
  | { kind: 'simple'; argv: string[]; redirect?: string; background?: boolean }
  | { kind: 'list'; items: ShellNode[] }
  | { kind: 'and' | 'or'; left: ShellNode; right: ShellNode }
  | { kind: 'pipe'; items: ShellNode[] }
  | { kind: 'loop'; until: boolean; cond: ShellNode; body: ShellNode }
  | { kind: 'for'; count: number; body: ShellNode }
  | { kind: 'if'; branches: { cond: ShellNode; body: ShellNode }[]; otherwise?: ShellNode };

type Token = { word: string } | { op: string };

/** ShellSyntaxError carries sh's own message, e.g. `syntax error: unterminated quoted string`. */
export class ShellSyntaxError extends Error {}

const OPERATORS = ['&&', '||', '>>', ';', '&', '|', '\n', '>', '<'];

/** tokenize splits a script into words and operators, honouring quotes, escapes, comments and `$( … )`. */
export function tokenize(script: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let word: string | undefined;
  const flush = () => {
    if (word !== undefined) tokens.push({ word });
    word = undefined;
  };
  while (i < script.length) {
    const c = script[i]!;
    if (c === '\\' && i + 1 < script.length) {
      if (script[i + 1] !== '\n') word = (word ?? '') + script[i + 1];
      i += 2;
    } else if (c === "'" || c === '"') {
      const end = script.indexOf(c, i + 1);
      if (end < 0) throw new ShellSyntaxError('syntax error: unterminated quoted string');
      // Single quotes suppress expansion: their `$` is marked so the interpreter leaves it alone.
      const text = script.slice(i + 1, end);
      // In double quotes a backslash keeps `$`, `` ` ``, `"` and `\` literal.
      word = (word ?? '') + (c === "'" ? text.replaceAll('$', QUOTED_DOLLAR) : text.replace(/\\([$`"\\])/g, (_, ch: string) => (ch === '$' ? QUOTED_DOLLAR : ch)));
      i = end + 1;
    } else if (c === '$' && script[i + 1] === '(') {
      const end = closingParen(script, i + 1);
      word = (word ?? '') + script.slice(i, end + 1);
      i = end + 1;
    } else if (c === '#' && word === undefined) {
      while (i < script.length && script[i] !== '\n') i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      flush();
      i++;
    } else {
      const op = OPERATORS.find((o) => script.startsWith(o, i));
      if (op) {
        // `2>&1` and `2>/dev/null` redirect a file descriptor: drop the descriptor digits.
        if ((op === '>' || op === '>>') && word !== undefined && /^\d$/.test(word)) word = undefined;
        flush();
        if (op === '>' && script[i + 1] === '&') {
          i += 2;
          while (i < script.length && /\d/.test(script[i]!)) i++;
          continue;
        }
        tokens.push({ op });
        i += op.length;
      } else {
        word = (word ?? '') + c;
        i++;
      }
    }
  }
  flush();
  return tokens;
}

/** parseScript parses `sh -c` text into a tree; it throws ShellSyntaxError as sh would refuse to run it. */
export function parseScript(script: string): ShellNode {
  const parser = new Parser(tokenize(script));
  const node = parser.list([]);
  if (!parser.done()) throw new ShellSyntaxError(`syntax error: unexpected "${parser.peekText()}"`);
  return node;
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.pos >= this.tokens.length;
  }

  peekText(): string {
    const t = this.tokens[this.pos];
    return !t ? 'end of file' : 'word' in t ? t.word : t.op;
  }

  /** list parses and-or items separated by `;`, `&` or newlines until one of the stop keywords. */
  list(stop: readonly string[]): ShellNode {
    const items: ShellNode[] = [];
    for (;;) {
      this.skipSeparators();
      if (this.done() || this.atKeyword(stop)) break;
      const item = this.andOr();
      if (this.isOp('&')) {
        if (item.kind === 'simple') item.background = true;
        this.pos++;
      }
      items.push(item);
    }
    return items.length === 1 ? items[0]! : { kind: 'list', items };
  }

  private andOr(): ShellNode {
    let left = this.pipeline();
    while (this.isOp('&&') || this.isOp('||')) {
      const kind = this.isOp('&&') ? 'and' : 'or';
      this.pos++;
      this.skipNewlines();
      left = { kind, left, right: this.pipeline() };
    }
    return left;
  }

  private pipeline(): ShellNode {
    const items = [this.command()];
    while (this.isOp('|')) {
      this.pos++;
      this.skipNewlines();
      items.push(this.command());
    }
    return items.length === 1 ? items[0]! : { kind: 'pipe', items };
  }

  private command(): ShellNode {
    if (this.atKeyword(['while', 'until'])) {
      const until = this.word() === 'until';
      const cond = this.list(['do']);
      this.expect('do');
      const body = this.list(['done']);
      this.expect('done');
      return { kind: 'loop', until, cond, body };
    }
    if (this.atKeyword(['for'])) {
      this.word();
      this.word();
      let count = 1;
      if (this.atKeyword(['in'])) {
        this.word();
        count = 0;
        while (!this.done() && 'word' in this.tokens[this.pos]!) {
          this.word();
          count++;
        }
      }
      this.skipSeparators();
      this.expect('do');
      const body = this.list(['done']);
      this.expect('done');
      return { kind: 'for', count, body };
    }
    if (this.atKeyword(['if'])) {
      this.word();
      const branches = [];
      let otherwise: ShellNode | undefined;
      for (;;) {
        const cond = this.list(['then']);
        this.expect('then');
        const body = this.list(['elif', 'else', 'fi']);
        branches.push({ cond, body });
        const next = this.word();
        if (next === 'elif') continue;
        if (next === 'else') {
          otherwise = this.list(['fi']);
          this.expect('fi');
        } else if (next !== 'fi') throw new ShellSyntaxError(`syntax error: unexpected "${next}" (expecting "fi")`);
        break;
      }
      return { kind: 'if', branches, otherwise };
    }
    return this.simple();
  }

  private simple(): ShellNode {
    const argv: string[] = [];
    let redirect: string | undefined;
    while (!this.done()) {
      const t = this.tokens[this.pos]!;
      if ('word' in t) {
        argv.push(t.word);
        this.pos++;
      } else if (t.op === '>' || t.op === '>>' || t.op === '<') {
        this.pos++;
        const target = this.word();
        if (t.op !== '<') redirect = target;
      } else break;
    }
    if (argv.length === 0) throw new ShellSyntaxError(`syntax error: unexpected "${this.peekText()}"`);
    return { kind: 'simple', argv, redirect };
  }

  private word(): string {
    const t = this.tokens[this.pos];
    if (!t || !('word' in t)) throw new ShellSyntaxError(`syntax error: unexpected "${this.peekText()}"`);
    this.pos++;
    return t.word;
  }

  private expect(keyword: string): void {
    if (!this.atKeyword([keyword])) throw new ShellSyntaxError(`syntax error: unexpected "${this.peekText()}" (expecting "${keyword}")`);
    this.pos++;
  }

  private atKeyword(keywords: readonly string[]): boolean {
    const t = this.tokens[this.pos];
    return t !== undefined && 'word' in t && keywords.includes(t.word);
  }

  private isOp(op: string): boolean {
    const t = this.tokens[this.pos];
    return t !== undefined && 'op' in t && t.op === op;
  }

  private skipSeparators(): void {
    while (this.isOp(';') || this.isOp('\n')) this.pos++;
  }

  private skipNewlines(): void {
    while (this.isOp('\n')) this.pos++;
  }
}

function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  throw new ShellSyntaxError('syntax error: unterminated $(');
}
