// Mirrors the error paths of the Go decoders behind three JSON field types the API server parses itself:
// apimachinery pkg/api/resource/quantity.go (ParseQuantity), Go's encoding/base64 (StdEncoding.Decode, used for
// []byte fields) and Go's time.Parse with the RFC3339 / RFC3339Micro layouts (metav1.Time, metav1.MicroTime).
// Only whether a value is rejected, and with which message, is reproduced; no values are built.

/** ErrFormatWrong, ErrNumeric and ErrSuffix from quantity.go, worded exactly as the API server prints them. */
export const QUANTITY_FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_NUMERIC = 'unable to parse numeric part of quantity';
export const QUANTITY_SUFFIX = "unable to parse quantity's suffix";

const DECIMAL_SUFFIXES = new Map([['n', -9], ['u', -6], ['m', -3], ['', 0], ['k', 3], ['M', 6], ['G', 9], ['T', 12],
  ['P', 15], ['E', 18]]);
const BINARY_SUFFIXES = new Map([['Ki', 10], ['Mi', 20], ['Gi', 30], ['Ti', 40], ['Pi', 50], ['Ei', 60]]);
const SUFFIX_CHARS = 'eEinumkKMGTP';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** quantityError returns ParseQuantity's error for str, or undefined when str is a valid quantity. */
export function quantityError(str: string): string | undefined {
  if (str.length === 0) return QUANTITY_FORMAT_WRONG;
  const end = str.length;
  let pos = str[0] === '-' || str[0] === '+' ? 1 : 0;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return undefined;
  const numStart = pos;
  while (pos < end && isDigit(str[pos])) pos++;
  const num = str.slice(numStart, pos) || '0';
  if (pos >= end) return undefined;
  let denom = '';
  if (str[pos] === '.') {
    const denomStart = ++pos;
    while (pos < end && isDigit(str[pos])) pos++;
    denom = str.slice(denomStart, pos);
    if (pos >= end) return undefined;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos] as string)) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end) return QUANTITY_FORMAT_WRONG;
  const suffix = str.slice(suffixStart);
  const decimal = DECIMAL_SUFFIXES.get(suffix) ?? exponentSuffix(suffix);
  const binary = BINARY_SUFFIXES.get(suffix);
  if (decimal === undefined && binary === undefined) return QUANTITY_SUFFIX;
  // ParseQuantity's int64 fast path needs no numeric parse; the inf.Dec fallback needs at least one digit.
  const fastPath = decimal !== undefined
    ? 18 - (num.length + denom.length) >= 0 && decimal - denom.length >= -9
    : denom.length === 0 && 15 - num.length - Math.trunc((binary as number) * 3 / 10) - 1 >= 0;
  return fastPath || /[0-9]/.test(value) ? undefined : QUANTITY_NUMERIC;
}

function exponentSuffix(suffix: string): number | undefined {
  if (suffix.length < 2 || (suffix[0] !== 'e' && suffix[0] !== 'E')) return undefined;
  return /^[+-]?[0-9]{1,18}$/.test(suffix.slice(1)) ? Number(suffix.slice(1)) : undefined;
}

/**
 * base64Error returns the error Go's base64.StdEncoding.Decode gives for s ("illegal base64 data at input byte N",
 * N counted in UTF-8 bytes), or undefined when s decodes. Like Go, it skips \r and \n and requires padding.
 */
export function base64Error(s: string): string | undefined {
  const src = new TextEncoder().encode(s);
  const at = (n: number): string => `illegal base64 data at input byte ${n}`;
  const isNewline = (c: number | undefined): boolean => c === 10 || c === 13;
  let si = 0;
  while (si < src.length) {
    for (let j = 0; j < 4; j++) {
      if (si === src.length) return j === 0 ? undefined : at(si - j);
      const c = src[si++] as number;
      if (isBase64Char(c)) continue;
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== 61 || j < 2) return at(si - 1);
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return at(src.length);
        if (src[si] !== 61) return at(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      return si < src.length ? at(si) : undefined;
    }
  }
  return undefined;
}

function isBase64Char(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
}

/** The two layouts metav1 parses: time.RFC3339 for Time and metav1.RFC3339Micro for MicroTime. */
export type TimeLayout = 'RFC3339' | 'RFC3339Micro';
const LAYOUTS: Record<TimeLayout, { text: string; chunks: [string, string][] }> = {
  RFC3339: {
    text: '2006-01-02T15:04:05Z07:00',
    chunks: [['', '2006'], ['-', '01'], ['-', '02'], ['T', '15'], [':', '04'], [':', '05'], ['', 'Z07:00']],
  },
  RFC3339Micro: {
    text: '2006-01-02T15:04:05.000000Z07:00',
    chunks: [['', '2006'], ['-', '01'], ['-', '02'], ['T', '15'], [':', '04'], [':', '05'], ['', '.000000'],
      ['', 'Z07:00']],
  },
};

/** timeError returns Go's time.Parse error for value in the layout, or undefined when it parses. */
export function timeError(value: string, layoutName: TimeLayout): string | undefined {
  const layout = LAYOUTS[layoutName];
  const cannotParse = (elem: string, layoutElem: string): string =>
    `parsing time ${goQuote(value)} as ${goQuote(layout.text)}: cannot parse ${goQuote(elem)} as ${goQuote(layoutElem)}`;
  let rest = value;
  let year = 0;
  let month = 0;
  let day = 0;
  for (const [index, [prefix, std]] of layout.chunks.entries()) {
    if (prefix !== '') {
      if (rest[0] !== prefix) return cannotParse(rest, prefix);
      rest = rest.slice(1);
    }
    const hold = rest;
    let bad = false;
    let range = '';
    const take = (fixed: boolean): number => {
      const n = getnum(rest, fixed);
      if (n === undefined) bad = true;
      else rest = rest.slice(n.width);
      return n?.value ?? 0;
    };
    switch (std) {
      case '2006':
        year = rest.length < 4 ? NaN : atoi(rest.slice(0, 4));
        rest = rest.slice(4);
        bad = Number.isNaN(year);
        break;
      case '01':
        month = take(true);
        if (!bad && (month <= 0 || month > 12)) range = 'month';
        break;
      case '02':
        day = take(true);
        break;
      case '15':
        if (take(false) >= 24) range = 'hour';
        break;
      case '04':
        if (take(true) >= 60) range = 'minute';
        break;
      case '05': {
        if (take(true) >= 60) range = 'second';
        // A fraction the layout does not spell out is still accepted after the seconds.
        const nextIsFraction = layout.chunks[index + 1]?.[1] === '.000000';
        if (!bad && !range && !nextIsFraction && (rest[0] === '.' || rest[0] === ',') && isDigit(rest[1])) {
          let n = 2;
          while (isDigit(rest[n])) n++;
          rest = rest.slice(n);
        }
        break;
      }
      case '.000000':
        bad = rest.length < 7 || (rest[0] !== '.' && rest[0] !== ',') || Number.isNaN(atoi(rest.slice(1, 7)));
        rest = rest.slice(7);
        break;
      default: {
        const zone = parseZone(rest);
        bad = zone.bad;
        range = zone.range;
        rest = zone.rest;
      }
    }
    if (range) return `parsing time ${goQuote(value)}: ${range} out of range`;
    if (bad) return cannotParse(hold, std);
  }
  if (rest.length > 0) return `parsing time ${goQuote(value)}: extra text: ${goQuote(rest)}`;
  if (day < 1 || day > daysIn(month, year)) return `parsing time ${goQuote(value)}: day out of range`;
  return undefined;
}

/** Go's stdISO8601ColonTZ ("Z07:00"): "Z", or a sign and hh:mm. */
function parseZone(value: string): { rest: string; bad: boolean; range: string } {
  if (value[0] === 'Z') return { rest: value.slice(1), bad: false, range: '' };
  if (value.length < 6 || value[3] !== ':') return { rest: value, bad: true, range: '' };
  const hour = getnum(value.slice(1, 3), true);
  const minute = hour && getnum(value.slice(4, 6), true);
  let range = '';
  if (hour && hour.value > 24) range = 'time zone offset hour';
  if (minute && minute.value > 60) range = 'time zone offset minute';
  const bad = !hour || !minute || (value[0] !== '+' && value[0] !== '-');
  return { rest: value.slice(6), bad, range };
}

function getnum(s: string, fixed: boolean): { value: number; width: number } | undefined {
  if (!isDigit(s[0])) return undefined;
  if (!isDigit(s[1])) return fixed ? undefined : { value: Number(s[0]), width: 1 };
  return { value: Number(s.slice(0, 2)), width: 2 };
}

const atoi = (s: string): number => (/^[+-]?[0-9]+$/.test(s) ? Number(s) : NaN);

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Go time's quote(): bytes outside printable ASCII become \xNN. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x20 || code >= 0x80) {
      for (const byte of new TextEncoder().encode(ch)) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    } else {
      out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
    }
  }
  return `${out}"`;
}
