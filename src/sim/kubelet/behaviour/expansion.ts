// The expansions sh performs on a word before running it (POSIX 2.6): parameters ($i, ${i}), arithmetic ($((i+1)))
// and command substitution ($(date)). Leaves out field splitting, globbing, ${x:-default} forms and most commands in
// $(…): only `date` and `hostname` are known; the time and the name are only known when the line is printed, so they
// stay as tokens the log book fills in.

/** DATE_TOKEN stands for `$(date)`'s output; HOSTNAME_TOKEN for `$(hostname)`'s (the pod's name). */
export const DATE_TOKEN = '\u0000date\u0000';
export const HOSTNAME_TOKEN = '\u0000hostname\u0000';
/** QUOTED_DOLLAR is a `$` inside single quotes, which the tokenizer marks so that it is never expanded. */
export const QUOTED_DOLLAR = '\u0002';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** expandWord expands one word with the shell's variables. */
export function expandWord(word: string, vars: ReadonlyMap<string, string>): string {
  if (!word.includes('$')) return word.replaceAll(QUOTED_DOLLAR, '$');
  let out = '';
  let i = 0;
  while (i < word.length) {
    const c = word[i]!;
    if (c !== '$') {
      out += c;
      i++;
    } else if (word.startsWith('$((', i)) {
      const end = closing(word, i + 1);
      out += String(arithmetic(word.slice(i + 3, end - 1), vars));
      i = end + 1;
    } else if (word.startsWith('$(', i)) {
      const end = closing(word, i + 1);
      out += commandOutput(word.slice(i + 2, end).trim());
      i = end + 1;
    } else if (word.startsWith('${', i)) {
      const end = word.indexOf('}', i);
      out += vars.get(word.slice(i + 2, end < 0 ? word.length : end)) ?? '';
      i = end < 0 ? word.length : end + 1;
    } else {
      const name = NAME.exec(word.slice(i + 1))?.[0];
      out += name ? (vars.get(name) ?? '') : '$';
      i += 1 + (name?.length ?? 0);
    }
  }
  return out.replaceAll(QUOTED_DOLLAR, '$');
}

/** isAssignment: a word `NAME=value` on its own is a variable assignment, not a command. */
export function isAssignment(word: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(word);
}

function commandOutput(command: string): string {
  const bin = command.split(/\s+/)[0] ?? '';
  if (bin === 'date') return DATE_TOKEN;
  if (bin === 'hostname') return HOSTNAME_TOKEN;
  return '';
}

/** closing finds the `)` that closes the `(` at `open`. */
function closing(word: string, open: number): number {
  let depth = 0;
  for (let i = open; i < word.length; i++) {
    if (word[i] === '(') depth++;
    else if (word[i] === ')' && --depth === 0) return i;
  }
  return word.length - 1;
}

/** arithmetic evaluates sh's integer arithmetic: + - * / % and parentheses over numbers and variable names. */
export function arithmetic(expr: string, vars: ReadonlyMap<string, string>): number {
  const tokens = expr.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|[-+*/%()]/g) ?? [];
  let pos = 0;
  const value = (t: string): number => (/^\d/.test(t) ? Number(t) : Math.trunc(Number(vars.get(t) ?? 0)) || 0);
  const primary = (): number => {
    const t = tokens[pos++] ?? '0';
    if (t === '(') {
      const v = sum();
      pos++;
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    return value(t);
  };
  const product = (): number => {
    let v = primary();
    while (tokens[pos] === '*' || tokens[pos] === '/' || tokens[pos] === '%') {
      const op = tokens[pos++];
      const r = primary();
      v = op === '*' ? v * r : r === 0 ? 0 : op === '/' ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[pos] === '+' || tokens[pos] === '-') v = tokens[pos++] === '+' ? v + product() : v - product();
    return v;
  };
  return sum();
}
