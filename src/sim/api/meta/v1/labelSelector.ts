// Mirrors k8s.io/apimachinery/pkg/labels/selector.go (lexer, parser, Requirement, Selector) and
// pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector, FormatLabelSelector); leaves out Add, DeepCopy,
// RequiresExactMatch and ValidatedSetSelector. Matching is compiled once per selector so that matches()
// allocates nothing: it runs for every pod on every node in the scheduler.
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { isQualifiedName, isValidLabelValue } from '../../validation/names';

/** Labels is a label set as stored in metadata.labels. */
export type Labels = Readonly<Record<string, string>> | undefined;

/** Operator is selection.Operator, spelled as upstream's string values. */
export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

/** Requirement is one `key op values` term of a selector. */
export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/** Selector is labels.Selector: an AND of requirements. */
export interface Selector {
  matches(labels: Labels): boolean;
  /** empty is true when the selector does not restrict the selection space (it matches everything). */
  empty(): boolean;
  toString(): string;
  readonly requirements: readonly Requirement[];
}

const BINARY_OPERATORS: Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
const UNARY_OPERATORS: Operator[] = ['exists', '!'];

// ---- Error text, as field.Error / utilerrors.Aggregate print it -------------------------------------------

/** goQuote is Go's %q for a string. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** goStrings is Go's %#v for a []string; upstream copies values with append([]string(nil), ...). */
function goStrings(values: readonly string[]): string {
  return values.length === 0 ? '[]string(nil)' : `[]string{${values.map(goQuote).join(', ')}}`;
}

/** invalid is field.Invalid(path, value, detail).Error(); a nil path prints as "<nil>". */
function invalid(path: string, value: string, detail: string): string {
  return `${path}: Invalid value: ${value}: ${detail}`;
}

/** aggregate is utilerrors.NewAggregate(...).Error(): one message bare, several de-duplicated in brackets. */
function aggregate(messages: string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}

function labelKeyError(key: string, path: string): string | undefined {
  const errs = isQualifiedName(key);
  return errs.length ? invalid(path, goQuote(key), errs.join('; ')) : undefined;
}

const INTEGER = /^[+-]?[0-9]+$/;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** parseInt64 is strconv.ParseInt(s, 10, 64) without allocating for the usual short values. */
function parseInt64(s: string): number | bigint | undefined {
  if (!INTEGER.test(s)) return undefined;
  if (s.length <= 15) return Number(s);
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

/**
 * newRequirement is NewRequirement: it checks that in/notin have values, =/==/!= exactly one, exists/! none,
 * gt/lt one integer, and that the key and values are valid labels. `path` is the field.Path prefix
 * (undefined prints as upstream's nil path). Throws an Error worded as upstream's aggregate.
 */
export function newRequirement(key: string, operator: Operator, values: string[], path?: string): Requirement {
  const errs: string[] = [];
  const child = (name: string): string => (path ? `${path}.${name}` : name);
  const keyErr = labelKeyError(key, child('key'));
  if (keyErr) errs.push(keyErr);
  const valuePath = child('values');
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) errs.push(invalid(valuePath, goStrings(values), "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) errs.push(invalid(valuePath, goStrings(values), 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) errs.push(invalid(valuePath, goStrings(values), 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) errs.push(invalid(valuePath, goStrings(values), "for 'Gt', 'Lt' operators, exactly one value is required"));
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push(invalid(`${valuePath}[${i}]`, goQuote(v), "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      break;
    default:
      errs.push(
        `${child('operator')}: Unsupported value: ${goQuote(operator)}: supported values: ${[...BINARY_OPERATORS, ...UNARY_OPERATORS].map(goQuote).join(', ')}`,
      );
  }
  values.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length) errs.push(invalid(`${valuePath}[${i}][${key}]`, goQuote(v), msgs.join('; ')));
  });
  if (errs.length) throw new Error(aggregate(errs));
  return { key, operator, values };
}

/** requirementString is Requirement.String(): `x in (a,b)`, `!x`, `x!=a`, values sorted for display. */
export function requirementString(r: Requirement): string {
  const prefix = r.operator === '!' ? '!' : '';
  if (r.operator === 'exists' || r.operator === '!') return `${prefix}${r.key}`;
  const op = { in: ' in ', notin: ' notin ', '=': '=', '==': '==', '!=': '!=', gt: '>', lt: '<' }[r.operator];
  const values = r.values.length === 1 ? r.values[0]! : [...r.values].sort().join(',');
  return r.operator === 'in' || r.operator === 'notin' ? `${r.key}${op}(${values})` : `${r.key}${op}${values}`;
}

// ---- Compiled matching --------------------------------------------------------------------------------------

/** Kind folds the nine operators into the six ways a requirement can match. */
type Kind = 'in' | 'notin' | 'exists' | 'doesNotExist' | 'gt' | 'lt';

const KIND_OF: Record<Operator, Kind> = {
  in: 'in',
  '=': 'in',
  '==': 'in',
  notin: 'notin',
  '!=': 'notin',
  exists: 'exists',
  '!': 'doesNotExist',
  gt: 'gt',
  lt: 'lt',
};

interface Compiled {
  key: string;
  kind: Kind;
  /** the single value, when there is exactly one (the common case: matchLabels). */
  one: string | undefined;
  set: ReadonlySet<string> | undefined;
  bound: number | bigint;
}

function compile(r: Requirement): Compiled {
  const kind = KIND_OF[r.operator];
  const bound = r.values.length === 1 ? (parseInt64(r.values[0]!) ?? Number.NaN) : Number.NaN;
  return {
    key: r.key,
    kind,
    one: r.values.length === 1 ? r.values[0] : undefined,
    set: r.values.length > 1 ? new Set(r.values) : undefined,
    bound,
  };
}

function hasValue(c: Compiled, v: string): boolean {
  return c.one !== undefined ? c.one === v : c.set !== undefined && c.set.has(v);
}

/** matchesOne is Requirement.Matches; `!=` and notin match when the key is absent, gt/lt compare integers. */
function matchesOne(c: Compiled, labels: Labels): boolean {
  // typeof excludes inherited Object.prototype members without a hasOwnProperty call.
  const v = labels === undefined ? undefined : labels[c.key];
  const present = typeof v === 'string';
  switch (c.kind) {
    case 'in':
      return present && hasValue(c, v);
    case 'notin':
      return !present || !hasValue(c, v);
    case 'exists':
      return present;
    case 'doesNotExist':
      return !present;
    case 'gt':
    case 'lt': {
      // A requirement built without validation may carry a non-integer bound: it matches nothing, as upstream.
      if (!present || (typeof c.bound === 'number' && Number.isNaN(c.bound))) return false;
      const n = parseInt64(v);
      if (n === undefined) return false;
      return c.kind === 'gt' ? n > c.bound : n < c.bound;
    }
  }
}

class InternalSelector implements Selector {
  readonly requirements: readonly Requirement[];
  private readonly compiled: readonly Compiled[];

  constructor(requirements: Requirement[]) {
    // ByKey: a stable sort by key gives a deterministic String().
    this.requirements = Object.freeze([...requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
    this.compiled = this.requirements.map(compile);
  }

  matches(labels: Labels): boolean {
    const compiled = this.compiled;
    for (let i = 0; i < compiled.length; i++) if (!matchesOne(compiled[i]!, labels)) return false;
    return true;
  }

  empty(): boolean {
    return this.requirements.length === 0;
  }

  toString(): string {
    return this.requirements.map(requirementString).join(',');
  }
}

/** everything is labels.Everything(): matches every label set, and is empty. */
export const everything: Selector = new InternalSelector([]);

/** nothing is labels.Nothing(): matches no label set, and is not empty. */
export const nothing: Selector = Object.freeze({
  requirements: Object.freeze([]) as readonly Requirement[],
  matches: () => false,
  empty: () => false,
  toString: () => '',
});

/** selectorFromRequirements builds a selector from already-validated requirements. */
export function selectorFromRequirements(requirements: Requirement[]): Selector {
  return requirements.length === 0 ? everything : new InternalSelector(requirements);
}

/** selectorFromSet is SelectorFromSet: `k=v` for each entry, without validation; empty or undefined is everything. */
export function selectorFromSet(set: Labels): Selector {
  if (!set) return everything;
  return selectorFromRequirements(Object.entries(set).map(([key, v]) => ({ key, operator: '=' as const, values: [v] })));
}

// ---- Lexer and parser (selector.go) -----------------------------------------------------------------------

type Token =
  | 'EndOfString'
  | 'ClosedPar'
  | 'Comma'
  | 'DoesNotExist'
  | 'DoubleEquals'
  | 'Equals'
  | 'GreaterThan'
  | 'Identifier'
  | 'In'
  | 'LessThan'
  | 'NotEquals'
  | 'NotIn'
  | 'OpenPar';

// A Map, not an object literal: identifiers such as "constructor" must not find Object.prototype members.
const STRING_TO_TOKEN = new Map<string, Token>([
  [')', 'ClosedPar'],
  [',', 'Comma'],
  ['!', 'DoesNotExist'],
  ['==', 'DoubleEquals'],
  ['=', 'Equals'],
  ['>', 'GreaterThan'],
  ['in', 'In'],
  ['<', 'LessThan'],
  ['!=', 'NotEquals'],
  ['notin', 'NotIn'],
  ['(', 'OpenPar'],
]);

const isWhitespace = (ch: string | undefined): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string | undefined): boolean =>
  ch === '=' || ch === '!' || ch === '(' || ch === ')' || ch === ',' || ch === '>' || ch === '<';

interface Item {
  tok: Token;
  lit: string;
}

/** lex is Lexer.Lex run to the end of the string; it returns the longest operator token it can. */
function lex(s: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (isWhitespace(s[pos])) pos++;
    if (pos >= s.length) {
      items.push({ tok: 'EndOfString', lit: '' });
      return items;
    }
    const start = pos;
    if (isSpecialSymbol(s[pos])) {
      // Every special symbol is a token by itself, so the longest match is at least one character.
      let lit = s[pos]!;
      while (pos + lit.length < s.length && STRING_TO_TOKEN.has(s.slice(start, pos + lit.length + 1))) {
        lit = s.slice(start, pos + lit.length + 1);
      }
      pos += lit.length;
      items.push({ tok: STRING_TO_TOKEN.get(lit)!, lit });
    } else {
      while (pos < s.length && !isSpecialSymbol(s[pos]) && !isWhitespace(s[pos])) pos++;
      const lit = s.slice(start, pos);
      items.push({ tok: STRING_TO_TOKEN.get(lit) ?? 'Identifier', lit });
    }
  }
}

const TOKEN_OPERATORS: Partial<Record<Token, Operator>> = {
  In: 'in',
  Equals: '=',
  DoubleEquals: '==',
  GreaterThan: 'gt',
  LessThan: 'lt',
  NotIn: 'notin',
  NotEquals: '!=',
};

class Parser {
  private position = 0;
  constructor(private readonly items: Item[]) {}

  /** lookahead reads the current token; in the Values context "in" and "notin" are plain identifiers. */
  private lookahead(values: boolean): Item {
    return this.asContext(this.items[this.position]!, values);
  }

  private consume(values: boolean): Item {
    return this.asContext(this.items[this.position++]!, values);
  }

  private asContext(item: Item, values: boolean): Item {
    return values && (item.tok === 'In' || item.tok === 'NotIn') ? { tok: 'Identifier', lit: item.lit } : item;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead(true);
      switch (tok) {
        case 'Identifier':
        case 'DoesNotExist': {
          let r: Requirement;
          try {
            r = this.parseRequirement();
          } catch (err) {
            throw new Error(`unable to parse requirement: ${(err as Error).message}`);
          }
          requirements.push(r);
          const next = this.consume(true);
          if (next.tok === 'EndOfString') return requirements;
          if (next.tok !== 'Comma') throw new Error(`found '${next.lit}', expected: ',' or 'end of string'`);
          const after = this.lookahead(true);
          if (after.tok !== 'Identifier' && after.tok !== 'DoesNotExist') {
            throw new Error(`found '${after.lit}', expected: identifier after ','`);
          }
          break;
        }
        case 'EndOfString':
          return requirements;
        default:
          throw new Error(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator === 'exists' || operator === '!') return newRequirement(key, operator, []);
    const op = this.parseOperator();
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    // sets.String.List(): values come out de-duplicated and sorted.
    return newRequirement(key, op, [...values].sort());
  }

  private parseKeyAndInferOperator(): { key: string; operator: Operator | undefined } {
    let operator: Operator | undefined;
    let item = this.consume(true);
    if (item.tok === 'DoesNotExist') {
      operator = '!';
      item = this.consume(true);
    }
    if (item.tok !== 'Identifier') throw new Error(`found '${item.lit}', expected: identifier`);
    const keyErr = labelKeyError(item.lit, '<nil>');
    if (keyErr) throw new Error(keyErr);
    const next = this.lookahead(true).tok;
    if ((next === 'EndOfString' || next === 'Comma') && operator !== '!') operator = 'exists';
    return { key: item.lit, operator };
  }

  private parseOperator(): Operator {
    const { tok, lit } = this.consume(false);
    const found = TOKEN_OPERATORS[tok];
    if (!found) throw new Error(`found '${lit}', expected: ${BINARY_OPERATORS.join(', ')}`);
    return found;
  }

  private parseValues(): Set<string> {
    const open = this.consume(true);
    if (open.tok !== 'OpenPar') throw new Error(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead(true);
    switch (tok) {
      case 'Identifier':
      case 'Comma': {
        const s = this.parseIdentifiersList();
        if (this.consume(true).tok !== 'ClosedPar') throw new Error(`found '${lit}', expected: ')'`);
        return s;
      }
      case 'ClosedPar':
        this.consume(true);
        return new Set(['']);
      default:
        throw new Error(`found '${lit}', expected: ',', ')' or identifier`);
    }
  }

  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume(true);
      if (tok === 'Identifier') {
        s.add(lit);
        const next = this.lookahead(true);
        if (next.tok === 'Comma') continue;
        if (next.tok === 'ClosedPar') return s;
        throw new Error(`found '${next.lit}', expected: ',' or ')'`);
      }
      if (tok !== 'Comma') throw new Error(`found '${lit}', expected: ',', or identifier`);
      // "(,", ",)" and ",," all stand for the empty value.
      if (s.size === 0) s.add('');
      const next = this.lookahead(true).tok;
      if (next === 'ClosedPar') {
        s.add('');
        return s;
      }
      if (next === 'Comma') s.add('');
    }
  }

  private parseExactValue(): Set<string> {
    const { tok } = this.lookahead(true);
    if (tok === 'EndOfString' || tok === 'Comma') return new Set(['']);
    const item = this.consume(true);
    if (item.tok === 'Identifier') return new Set([item.lit]);
    throw new Error(`found '${item.lit}', expected: identifier`);
  }
}

/**
 * parseSelector is labels.Parse: `x=a,y!=b,z in (c,d),!w,v>1`. Whitespace may surround operators and values;
 * a bare key means exists. Throws an Error carrying upstream's message.
 */
export function parseSelector(text: string): Selector {
  return selectorFromRequirements(new Parser(lex(text)).parse());
}

// ---- metav1.LabelSelector ---------------------------------------------------------------------------------

const LABEL_SELECTOR_OPERATORS = new Map<string, Operator>([
  ['In', 'in'],
  ['NotIn', 'notin'],
  ['Exists', 'exists'],
  ['DoesNotExist', '!'],
]);

/**
 * labelSelectorAsSelector is LabelSelectorAsSelector: undefined/null selects nothing, `{}` selects everything,
 * matchLabels become `=` requirements and matchExpressions In/NotIn/Exists/DoesNotExist. Throws on an unknown
 * operator (`"Foo" is not a valid pod selector operator`) or an invalid requirement.
 */
export function labelSelectorAsSelector(ls: LabelSelector | null | undefined): Selector {
  if (ls === null || ls === undefined) return nothing;
  // A stored object's selector is frozen and never changes: controllers convert it on every sync, so remember it.
  const known = Object.isFrozen(ls) ? converted.get(ls) : undefined;
  if (known) return known;
  const selector = convert(ls);
  if (Object.isFrozen(ls)) converted.set(ls, selector);
  return selector;
}

const converted = new WeakMap<LabelSelector, Selector>();

function convert(ls: LabelSelector): Selector {
  const matchLabels = ls.matchLabels ?? {};
  const expressions = ls.matchExpressions ?? [];
  const keys = Object.keys(matchLabels);
  if (keys.length + expressions.length === 0) return everything;
  const requirements = keys.sort().map((k) => newRequirement(k, '=', [matchLabels[k]!]));
  for (const expr of expressions) {
    const op = LABEL_SELECTOR_OPERATORS.get(expr.operator);
    if (!op) throw new Error(`${goQuote(expr.operator)} is not a valid pod selector operator`);
    requirements.push(newRequirement(expr.key, op, [...(expr.values ?? [])]));
  }
  return new InternalSelector(requirements);
}

/** formatLabelSelector is FormatLabelSelector, kubectl's SELECTOR column: "<none>" when empty, "<error>" when invalid. */
export function formatLabelSelector(ls: LabelSelector | null | undefined): string {
  let text: string;
  try {
    text = labelSelectorAsSelector(ls).toString();
  } catch {
    return '<error>';
  }
  return text === '' ? '<none>' : text;
}
