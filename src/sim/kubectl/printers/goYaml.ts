// Mirrors sigs.k8s.io/yaml.Marshal as `kubectl get -o yaml` runs it: JSON, then goyaml.v2 (encode.go stringv,
// resolve.go, sorter.go keyList.Less) over libyaml's emitter (yaml_emitter_analyze_scalar, select_scalar_style,
// plain and single-quoted line folding at 80 columns). Leaves out anchors, tags, flow style and the folding of
// double-quoted strings.

const BEST_WIDTH = 80;

/** goYaml prints a JSON value as kubectl prints YAML: sorted keys, unindented lists, Go's quoting and folding. */
export function goYaml(value: unknown): string {
  if (isMap(value)) return Object.keys(value).length === 0 ? '{}\n' : mapLines(value, 0);
  if (Array.isArray(value)) return value.length === 0 ? '[]\n' : seqLines(value, 0);
  return `${scalar(value, 0, 2)}\n`;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mapLines(map: Record<string, unknown>, indent: number): string {
  const pad = ' '.repeat(indent);
  let out = '';
  for (const key of Object.keys(map).filter((k) => map[k] !== undefined).sort(keyLess)) {
    const value = map[key];
    const k = scalarText(key, true, indent, indent);
    if (isMap(value) && Object.keys(value).length > 0) out += `${pad}${k}:\n${mapLines(value, indent + 2)}`;
    else if (Array.isArray(value) && value.length > 0) out += `${pad}${k}:\n${seqLines(value, indent)}`;
    else out += `${pad}${k}: ${scalar(value, indent + k.length + 2, indent + 2)}\n`;
  }
  return out;
}

function seqLines(seq: readonly unknown[], indent: number): string {
  const pad = ' '.repeat(indent);
  let out = '';
  for (const item of seq) {
    if (isMap(item) && Object.keys(item).length > 0) out += `${pad}- ${mapLines(item, indent + 2).slice(indent + 2)}`;
    else if (Array.isArray(item) && item.length > 0) out += `${pad}- ${seqLines(item, indent + 2).slice(indent + 2)}`;
    else out += `${pad}- ${scalar(item, indent + 2, indent + 2)}\n`;
  }
  return out;
}

/** scalar prints a value starting at `column`; folded lines and block scalars continue at `indent`. */
function scalar(value: unknown, column: number, indent: number): string {
  if (value === null || value === undefined) return 'null';
  if (isMap(value)) return '{}';
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return goFloat(value);
  return scalarText(String(value), false, column, indent);
}

/** goFloat prints a number as Go's strconv.FormatFloat(f, 'g', -1, 64) for floats, plainly for integers. */
function goFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '.nan' : n > 0 ? '.inf' : '-.inf';
  const text = String(n);
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

type Style = 'plain' | 'single' | 'double' | 'literal';

function scalarText(s: string, isKey: boolean, column: number, indent: number): string {
  const a = analyze(s);
  let style: Style = s.includes('\n') ? 'literal' : needsQuotes(s) ? 'double' : 'plain';
  if (style === 'plain' && (!a.blockPlainAllowed || (s.length === 0 && isKey))) style = 'single';
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || isKey)) style = 'double';
  switch (style) {
    case 'plain':
      return fold(s, column, indent, !isKey, false);
    case 'single':
      return `'${fold(s, column + 1, indent, !isKey, true)}'`;
    case 'double':
      return doubleQuoted(s);
    case 'literal':
      return literal(s, indent);
  }
}

/**
 * fold writes a plain or single-quoted scalar as libyaml does: at a single space, once the line is past 80
 * columns and the next character is not a space, it breaks the line and continues at the scalar's indent.
 */
function fold(s: string, startColumn: number, indent: number, allowBreaks: boolean, quoted: boolean): string {
  const chars = [...s];
  let out = '';
  let column = startColumn;
  let spaces = false;
  chars.forEach((c, i) => {
    if (c === ' ') {
      const inner = !quoted || (i !== 0 && i !== chars.length - 1);
      if (allowBreaks && !spaces && column > BEST_WIDTH && inner && chars[i + 1] !== ' ') {
        out += `\n${' '.repeat(indent)}`;
        column = indent;
      } else {
        out += ' ';
        column++;
      }
      spaces = true;
      return;
    }
    const text = quoted && c === "'" ? "''" : c;
    out += text;
    column += text.length;
    spaces = false;
  });
  return out;
}

function literal(s: string, indent: number): string {
  const chomp = !s.endsWith('\n') ? '-' : s.length === 1 || s.endsWith('\n\n') ? '+' : '';
  const hint = s.startsWith(' ') || s.startsWith('\n') ? '2' : '';
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  const pad = ' '.repeat(indent);
  return `|${hint}${chomp}\n${body
    .split('\n')
    .map((line) => (line === '' ? '' : pad + line))
    .join('\n')}`;
}

const ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
  '\x85': '\\N',
  '\xa0': '\\_',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function doubleQuoted(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (ESCAPES[c]) out += ESCAPES[c];
    else if (isPrintable(code) && code !== 0xfeff) out += c;
    else if (code <= 0xff) out += `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (code <= 0xffff) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += `\\U${code.toString(16).toUpperCase().padStart(8, '0')}`;
  }
  return `${out}"`;
}

function isPrintable(code: number): boolean {
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x85 ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

interface Analysis {
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** analyze is yaml_emitter_analyze_scalar, for block context. */
function analyze(s: string): Analysis {
  if (s.length === 0) return { blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const chars = [...s];
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  const blankOrEnd = (i: number) => i >= chars.length || chars[i] === ' ' || chars[i] === '\t' || chars[i] === '\n' || chars[i] === '\r';
  chars.forEach((c, i) => {
    const followedByWhitespace = blankOrEnd(i + 1);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) blockIndicators = true;
    } else {
      if (c === ':' && followedByWhitespace) blockIndicators = true;
      if (c === '#' && precededByWhitespace) blockIndicators = true;
    }
    const code = c.codePointAt(0)!;
    if (!isPrintable(code) || code === 0xfeff) special = true;
    if (c === '\n' || c === '\r') lineBreaks = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (c === '\n' || c === '\r') {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = blankOrEnd(i);
  });
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) blockPlainAllowed = singleQuotedAllowed = false;
  if (spaceBreak || special) blockPlainAllowed = singleQuotedAllowed = blockAllowed = false;
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return { blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

const RESERVED = new Set([
  '', '~', 'null', 'Null', 'NULL',
  'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE',
  'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
]);

/**
 * needsQuotes is goyaml.v2's test in stringv: a string that would read back as something else (null, bool, int,
 * float, timestamp, base-60 float) is written double-quoted.
 */
function needsQuotes(s: string): boolean {
  if (RESERVED.has(s)) return true;
  const hint = s[0];
  if (hint === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s);
  if (!/[-+0-9]/.test(hint)) return false;
  if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s)) return true;
  if (/^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?$/.test(s)) return true;
  const plain = s.replaceAll('_', '');
  if (/^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/.test(plain)) return true;
  return /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain);
}

/** keyLess is goyaml.v2's keyList.Less: runs of digits compare as numbers, non-letters before letters. */
export function keyLess(a: string, b: string): number {
  const ar = [...a];
  const br = [...b];
  const isLetter = (c: string) => /\p{L}/u.test(c);
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i] ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn ? -1 : 1;
    if (ai !== bi) return ai < bi ? -1 : 1;
    return ar[i] < br[i] ? -1 : 1;
  }
  return ar.length - br.length;
}
