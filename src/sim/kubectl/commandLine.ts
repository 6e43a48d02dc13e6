// Mirrors github.com/spf13/pflag flag.go (parseArgs, parseLongArg, parseSingleShortArg) and the shell's word
// splitting; leaves out flag deprecation, annotations and pflag value types kubectl's simulated verbs never use.

/** FlagType is the pflag value type of a flag. */
export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice';

export type FlagValue = boolean | string | number | string[];

/** FlagSpec declares one flag, as cmd.Flags().StringVarP(&o.x, name, shorthand, default, usage) does. */
export interface FlagSpec {
  /** Long name without dashes: `namespace`, `all-namespaces`. */
  name: string;
  /** One letter, without the dash: `n`. */
  shorthand?: string;
  type: FlagType;
  /** Value when the flag is not given; false, '', 0 or [] by type when omitted. */
  default?: FlagValue;
  /** The one-line description `--help` prints. */
  usage: string;
  /**
   * pflag's NoOptDefVal: the value a flag takes when given without one (`--dry-run` means `unchanged`). Bool flags
   * always have 'true'.
   */
  noOptDefVal?: string;
}

/** CommandLineError is a parse error, worded as pflag or the shell words it. */
export class CommandLineError extends Error {}

/**
 * splitCommandLine splits a line into words as a POSIX shell does: blanks separate words, single quotes keep
 * everything literally, double quotes keep everything but `\"`, `\\`, `\$` and `` \` ``, a backslash outside quotes
 * escapes the next character, and `#` at the start of a word starts a comment.
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === '#' && !inWord) {
      break;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new CommandLineError("unexpected EOF while looking for matching `''");
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      i++;
      for (; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1])) {
          i++;
          if (line[i] !== '\n') word += line[i];
        } else {
          word += line[i];
        }
      }
      if (i >= line.length) throw new CommandLineError('unexpected EOF while looking for matching `"\'');
      inWord = true;
    } else if (c === '\\') {
      if (i + 1 < line.length && line[i + 1] !== '\n') {
        word += line[i + 1];
        inWord = true;
      }
      i++;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/**
 * ParsedArgs is a parsed command line: positional arguments and flag values, read by flag name. Reading a flag the
 * verb did not declare is a programming error and throws.
 */
export class ParsedArgs {
  constructor(
    /** Positional arguments in order, flags removed. */
    readonly positionals: readonly string[],
    private readonly values: ReadonlyMap<string, FlagValue>,
    private readonly changedFlags: ReadonlySet<string>,
    /** How many positionals came before `--`; -1 without `--` (cobra's ArgsLenAtDash). */
    readonly argsLenAtDash = -1,
  ) {}

  string(name: string): string {
    return this.value(name, 'string') as string;
  }

  bool(name: string): boolean {
    return this.value(name, 'boolean') as boolean;
  }

  int(name: string): number {
    return this.value(name, 'number') as number;
  }

  /** strings reads a stringArray or stringSlice flag. */
  strings(name: string): string[] {
    const value = this.value(name, 'object') as string[];
    return [...value];
  }

  /** changed tells whether the user gave the flag (pflag's Flag.Changed). */
  changed(name: string): boolean {
    return this.changedFlags.has(name);
  }

  /** has tells whether the flag was declared for this command. */
  has(name: string): boolean {
    return this.values.has(name);
  }

  private value(name: string, type: string): FlagValue {
    const value = this.values.get(name);
    if (value === undefined) throw new Error(`flag --${name} is not declared for this command`);
    if (typeof value !== type) throw new Error(`flag --${name} is not of type ${type}`);
    return value;
  }
}

/**
 * parseFlags parses words the way pflag's FlagSet.Parse does with interspersed arguments: `--name=value`,
 * `--name value`, `-n value`, `-nvalue`, `-n=value`, combined bool shorthands (`-Aw`), and `--` ending the flags.
 * Underscores in long names are read as dashes, as kubectl's WordSepNormalizeFunc does.
 */
export function parseFlags(words: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map<string, FlagSpec>();
  const byShorthand = new Map<string, FlagSpec>();
  const values = new Map<string, FlagValue>();
  for (const spec of specs) {
    byName.set(spec.name, spec);
    if (spec.shorthand) byShorthand.set(spec.shorthand, spec);
    values.set(spec.name, initialValue(spec));
  }
  const changed = new Set<string>();
  const positionals: string[] = [];
  let argsLenAtDash = -1;

  const set = (spec: FlagSpec, value: string) => {
    values.set(spec.name, convert(spec, value, changed.has(spec.name) ? values.get(spec.name) : undefined));
    changed.add(spec.name);
  };

  let rest = [...words];
  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s.length < 2 || s[0] !== '-') {
      positionals.push(s);
      continue;
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        argsLenAtDash = positionals.length;
        positionals.push(...rest);
        break;
      }
      rest = parseLongArg(s, rest, byName, set);
    } else {
      let shorthands = s.slice(1);
      while (shorthands.length > 0) [shorthands, rest] = parseSingleShortArg(shorthands, rest, byShorthand, set);
    }
  }
  return new ParsedArgs(positionals, values, changed, argsLenAtDash);
}

type Setter = (spec: FlagSpec, value: string) => void;

function parseLongArg(s: string, rest: string[], byName: Map<string, FlagSpec>, set: Setter): string[] {
  const body = s.slice(2);
  if (body.length === 0 || body[0] === '-' || body[0] === '=') throw new CommandLineError(`bad flag syntax: ${s}`);
  const eq = body.indexOf('=');
  const name = (eq < 0 ? body : body.slice(0, eq)).replaceAll('_', '-');
  const spec = byName.get(name);
  if (!spec) throw new CommandLineError(`unknown flag: --${name}`);
  if (eq >= 0) set(spec, body.slice(eq + 1));
  else if (noOptDefVal(spec) !== undefined) set(spec, noOptDefVal(spec)!);
  else if (rest.length > 0) set(spec, rest.shift()!);
  else throw new CommandLineError(`flag needs an argument: ${s}`);
  return rest;
}

function parseSingleShortArg(
  shorthands: string,
  rest: string[],
  byShorthand: Map<string, FlagSpec>,
  set: Setter,
): [string, string[]] {
  const c = shorthands[0];
  const spec = byShorthand.get(c);
  if (!spec) throw new CommandLineError(`unknown shorthand flag: '${c}' in -${shorthands}`);
  if (shorthands.length > 2 && shorthands[1] === '=') {
    set(spec, shorthands.slice(2));
    return ['', rest];
  }
  const noOpt = noOptDefVal(spec);
  if (noOpt !== undefined) {
    set(spec, noOpt);
    return [shorthands.slice(1), rest];
  }
  if (shorthands.length > 1) {
    set(spec, shorthands.slice(1));
    return ['', rest];
  }
  if (rest.length > 0) {
    set(spec, rest[0]);
    return ['', rest.slice(1)];
  }
  throw new CommandLineError(`flag needs an argument: '${c}' in -${shorthands}`);
}

function noOptDefVal(spec: FlagSpec): string | undefined {
  return spec.type === 'bool' ? 'true' : spec.noOptDefVal;
}

function initialValue(spec: FlagSpec): FlagValue {
  if (spec.default !== undefined) return Array.isArray(spec.default) ? [...spec.default] : spec.default;
  switch (spec.type) {
    case 'bool':
      return false;
    case 'int':
      return 0;
    case 'string':
      return '';
    default:
      return [];
  }
}

/** convert parses a flag value as pflag's Value.Set does; a repeated array flag appends to what was given before. */
function convert(spec: FlagSpec, value: string, previous: FlagValue | undefined): FlagValue {
  const fail = (why: string) => {
    const flagName = spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
    return new CommandLineError(`invalid argument ${JSON.stringify(value)} for ${JSON.stringify(flagName)} flag: ${why}`);
  };
  switch (spec.type) {
    case 'bool': {
      if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
      if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
      throw fail(`strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`);
    }
    case 'int': {
      if (!/^[+-]?(\d+|0[xX][0-9a-fA-F]+)$/.test(value)) throw fail(`strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`);
      const n = Number(value.replace(/^\+/, ''));
      if (!Number.isSafeInteger(n)) throw fail(`strconv.ParseInt: parsing ${JSON.stringify(value)}: value out of range`);
      return n;
    }
    case 'string':
      return value;
    case 'stringArray':
      return [...((previous as string[] | undefined) ?? []), value];
    case 'stringSlice':
      return [...((previous as string[] | undefined) ?? []), ...(value === '' ? [] : value.split(','))];
  }
}
