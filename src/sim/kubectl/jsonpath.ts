// Mirrors k8s.io/client-go/util/jsonpath (parser.go, jsonpath.go) as kubectl uses it with AllowMissingKeys: fields,
// `..`, `*`, indexes, slices, unions, filters, `range`/`end` and quoted text; and kubectl's
// RelaxedJSONPathExpression (get/customcolumn.go). Leaves out struct-field lookups, which JSON objects never need.

/** JsonPathError is a template kubectl could not parse or evaluate. */
export class JsonPathError extends Error {}

type Segment =
  | { kind: 'root' }
  | { kind: 'current' }
  | { kind: 'field'; names: string[] }
  | { kind: 'wildcard' }
  | { kind: 'recursive' }
  | { kind: 'index'; slices: Slice[] }
  | { kind: 'filter'; left: Segment[]; op: string; right: Operand }
  | { kind: 'literal'; value: string | number | boolean };

interface Slice {
  start?: number;
  end?: number;
  step?: number;
  /** A single index ([2]) rather than a slice ([2:3]). */
  single: boolean;
}

type Operand = { path: Segment[] } | { value: string | number | boolean };

type Node = { kind: 'text'; text: string } | { kind: 'path'; segments: Segment[] } | { kind: 'range'; segments: Segment[]; body: Node[] };

/** JsonPath is a parsed template, e.g. `{range .items[*]}{.metadata.name}{"\n"}{end}`. */
export class JsonPath {
  private readonly nodes: Node[];

  constructor(readonly template: string) {
    this.nodes = parseTemplate(template);
  }

  /** execute prints the template against data, as JSONPath.Execute does: values of one {} joined by spaces. */
  execute(data: unknown): string {
    return this.run(this.nodes, data, [data]);
  }

  /** executeAsJson is jsonpath-as-json: every value found, as one indented JSON array. */
  executeAsJson(data: unknown): string {
    const values: unknown[] = [];
    const collect = (nodes: Node[], cur: unknown[]) => {
      for (const node of nodes) {
        if (node.kind === 'path') values.push(...evalPath(node.segments, data, cur));
        else if (node.kind === 'range') for (const item of evalPath(node.segments, data, cur)) collect(node.body, [item]);
      }
    };
    collect(this.nodes, [data]);
    return `${JSON.stringify(values, null, 4)}\n`;
  }

  /** values returns what one path template finds, for custom columns and --sort-by. */
  values(data: unknown): unknown[] {
    const out: unknown[] = [];
    for (const node of this.nodes) if (node.kind === 'path') out.push(...evalPath(node.segments, data, [data]));
    return out;
  }

  private run(nodes: Node[], root: unknown, cur: unknown[]): string {
    let out = '';
    for (const node of nodes) {
      if (node.kind === 'text') out += node.text;
      else if (node.kind === 'path') out += evalPath(node.segments, root, cur).map(printResult).join(' ');
      else for (const item of evalPath(node.segments, root, cur)) out += this.run(node.body, root, [item]);
    }
    return out;
  }
}

/** relaxedJsonPath is RelaxedJSONPathExpression: `.a.b`, `a.b` and `{a.b}` all mean `{.a.b}`. */
export function relaxedJsonPath(expression: string): string {
  if (expression === '') return expression;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expression);
  if (!m) throw new JsonPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] ?? m[2]}}`;
}

/** printResult prints one value: objects and arrays as compact JSON, scalars as Go's fmt.Fprint does. */
function printResult(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: { nodes: Node[]; range?: Node & { kind: 'range' } }[] = [{ nodes: root }];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].nodes.push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].nodes.push({ kind: 'text', text: template.slice(i, open) });
    const close = findClose(template, open);
    if (close < 0) throw new JsonPathError(`error parsing jsonpath ${template}, unclosed action`);
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    const top = stack[stack.length - 1];
    if (action === 'end') {
      if (!top.range) throw new JsonPathError(`error parsing jsonpath ${template}, not in range, nothing to end`);
      stack.pop();
    } else if (action.startsWith('range ') || action === 'range') {
      const range: Node & { kind: 'range' } = { kind: 'range', segments: parseActionOrThrow(action.slice(5).trim(), template), body: [] };
      top.nodes.push(range);
      stack.push({ nodes: range.body, range });
    } else {
      const segments = parseActionOrThrow(action, template);
      const only = segments.length === 1 ? segments[0] : undefined;
      if (only?.kind === 'literal') top.nodes.push({ kind: 'text', text: String(only.value) });
      else top.nodes.push({ kind: 'path', segments });
    }
  }
  if (stack.length > 1) throw new JsonPathError(`error parsing jsonpath ${template}, unclosed range`);
  return root;
}

/** findClose finds the `}` closing the action opened at `open`, skipping quoted text. */
function findClose(text: string, open: number): number {
  let quote = '';
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  return -1;
}

function parseActionOrThrow(action: string, template: string): Segment[] {
  try {
    return new PathParser(action).parse();
  } catch (err) {
    throw new JsonPathError(`error parsing jsonpath ${template}, ${(err as Error).message}`);
  }
}

/** PathParser reads one action: `.items[*].metadata.name`, `"text"`, `$.a`, `@.b`. */
class PathParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(): Segment[] {
    const segments: Segment[] = [];
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === ' ') this.pos++;
      else if (c === '$') (this.pos++, segments.push({ kind: 'root' }));
      else if (c === '@') (this.pos++, segments.push({ kind: 'current' }));
      else if (c === '.') segments.push(...this.parseDot());
      else if (c === '[') segments.push(this.parseBracket());
      else if (c === '"' || c === "'") segments.push({ kind: 'literal', value: this.parseQuoted() });
      else if (/[-\d]/.test(c)) segments.push({ kind: 'literal', value: this.parseNumber() });
      else if (this.text.startsWith('true', this.pos) || this.text.startsWith('false', this.pos)) {
        const value = this.text.startsWith('true', this.pos);
        this.pos += value ? 4 : 5;
        segments.push({ kind: 'literal', value });
      } else segments.push({ kind: 'field', names: [this.parseName()] });
    }
    return segments;
  }

  private parseDot(): Segment[] {
    this.pos++;
    if (this.text[this.pos] === '.') {
      this.pos++;
      return [{ kind: 'recursive' }];
    }
    if (this.pos >= this.text.length || this.text[this.pos] === '[') return [];
    if (this.text[this.pos] === '*') {
      this.pos++;
      return [{ kind: 'wildcard' }];
    }
    return [{ kind: 'field', names: [this.parseName()] }];
  }

  private parseName(): string {
    let name = '';
    while (this.pos < this.text.length && !'.[] ()=!<>,'.includes(this.text[this.pos])) {
      if (this.text[this.pos] === '\\' && this.pos + 1 < this.text.length) this.pos++;
      name += this.text[this.pos++];
    }
    if (name === '') throw new Error(`unrecognized character in action: ${this.text[this.pos] ?? 'EOF'}`);
    return name;
  }

  private parseBracket(): Segment {
    const close = this.matchingBracket();
    const inner = this.text.slice(this.pos + 1, close).trim();
    this.pos = close + 1;
    if (inner === '*') return { kind: 'wildcard' };
    if (inner.startsWith('?(') && inner.endsWith(')')) return parseFilter(inner.slice(2, -1));
    if (inner.startsWith("'") || inner.startsWith('"')) {
      return { kind: 'field', names: splitUnion(inner).map((part) => new PathParser(part.trim()).parseQuoted()) };
    }
    return { kind: 'index', slices: splitUnion(inner).map(parseSlice) };
  }

  private matchingBracket(): number {
    let depth = 0;
    let quote = '';
    for (let i = this.pos; i < this.text.length; i++) {
      const c = this.text[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[') depth++;
      else if (c === ']' && --depth === 0) return i;
    }
    throw new Error('unterminated array');
  }

  parseQuoted(): string {
    const quote = this.text[this.pos];
    let out = '';
    for (this.pos++; this.pos < this.text.length && this.text[this.pos] !== quote; this.pos++) {
      if (this.text[this.pos] === '\\' && this.pos + 1 < this.text.length) {
        const e = this.text[++this.pos];
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
      } else out += this.text[this.pos];
    }
    if (this.pos >= this.text.length) throw new Error('unclosed quoted string');
    this.pos++;
    return out;
  }

  private parseNumber(): number {
    const m = /^-?\d+(\.\d+)?/.exec(this.text.slice(this.pos));
    if (!m) throw new Error(`unrecognized character in action: ${this.text[this.pos]}`);
    this.pos += m[0].length;
    return Number(m[0]);
  }
}

/** splitUnion splits `a,b` at top-level commas outside quotes. */
function splitUnion(text: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ',') {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function parseSlice(text: string): Slice {
  const parts = text.split(':').map((p) => p.trim());
  if (parts.length > 3 || parts.some((p) => p !== '' && !/^-?\d+$/.test(p))) throw new Error(`invalid array index ${text}`);
  const num = (p: string | undefined) => (p === undefined || p === '' ? undefined : Number(p));
  if (parts.length === 1) {
    if (parts[0] === '') throw new Error(`invalid array index ${text}`);
    return { start: num(parts[0]), single: true };
  }
  return { start: num(parts[0]), end: num(parts[1]), step: num(parts[2]), single: false };
}

const FILTER_OPERATORS = ['==', '!=', '<=', '>=', '<', '>'];

function parseFilter(text: string): Segment {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    const op = FILTER_OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      const right = new PathParser(text.slice(i + op.length).trim()).parse();
      const only = right.length === 1 ? right[0] : undefined;
      return {
        kind: 'filter',
        left: new PathParser(text.slice(0, i).trim()).parse(),
        op,
        right: only?.kind === 'literal' ? { value: only.value } : { path: right },
      };
    }
  }
  return { kind: 'filter', left: new PathParser(text.trim()).parse(), op: 'exists', right: { value: true } };
}

function evalPath(segments: readonly Segment[], root: unknown, cur: unknown[]): unknown[] {
  let values = cur;
  for (const segment of segments) values = evalSegment(segment, root, values);
  return values;
}

function evalSegment(segment: Segment, root: unknown, values: unknown[]): unknown[] {
  switch (segment.kind) {
    case 'root':
      return [root];
    case 'current':
      return values;
    case 'literal':
      return [segment.value];
    case 'field':
      return values.flatMap((v) =>
        isObject(v) ? segment.names.filter((n) => Object.prototype.hasOwnProperty.call(v, n)).map((n) => v[n]) : [],
      );
    case 'wildcard':
      return values.flatMap((v) => (Array.isArray(v) ? v : isObject(v) ? Object.keys(v).sort().map((k) => v[k]) : []));
    case 'recursive':
      return values.flatMap(descendants);
    case 'index':
      return values.flatMap((v) => (Array.isArray(v) ? segment.slices.flatMap((s) => sliceOf(v, s)) : []));
    case 'filter':
      return values.flatMap((v) => (Array.isArray(v) ? v.filter((item) => passes(segment, root, item)) : []));
  }
}

function descendants(value: unknown): unknown[] {
  const out: unknown[] = [value];
  if (Array.isArray(value)) for (const v of value) out.push(...descendants(v));
  else if (isObject(value)) for (const k of Object.keys(value).sort()) out.push(...descendants(value[k]));
  return out;
}

function sliceOf(array: unknown[], s: Slice): unknown[] {
  const len = array.length;
  const norm = (i: number) => (i < 0 ? i + len : i);
  if (s.single) {
    const i = norm(s.start ?? 0);
    return i >= 0 && i < len ? [array[i]] : [];
  }
  const start = Math.max(0, s.start === undefined ? 0 : norm(s.start));
  const end = Math.min(len, s.end === undefined ? len : norm(s.end));
  const step = s.step ?? 1;
  if (step <= 0) throw new JsonPathError(`step must be > 0`);
  const out: unknown[] = [];
  for (let i = start; i < end; i += step) out.push(array[i]);
  return out;
}

function passes(filter: Segment & { kind: 'filter' }, root: unknown, item: unknown): boolean {
  const lefts = evalPath(filter.left, root, [item]);
  if (filter.op === 'exists') return lefts.length > 0;
  if (lefts.length === 0) return false;
  if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time');
  const rights = 'value' in filter.right ? [filter.right.value] : evalPath(filter.right.path, root, [item]);
  if (rights.length === 0) return false;
  const [left, right] = [lefts[0], rights[0]];
  if (typeof left !== typeof right || (typeof left !== 'string' && typeof left !== 'number' && typeof left !== 'boolean')) {
    if (filter.op === '==' || filter.op === '!=') {
      if (typeof left !== typeof right) throw new JsonPathError('incompatible types for comparison');
      return (JSON.stringify(left) === JSON.stringify(right)) === (filter.op === '==');
    }
    throw new JsonPathError('incompatible types for comparison');
  }
  const l = left as string | number;
  const r = right as string | number;
  switch (filter.op) {
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '<':
      return l < r;
    case '>':
      return l > r;
    case '<=':
      return l <= r;
    default:
      return l >= r;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
