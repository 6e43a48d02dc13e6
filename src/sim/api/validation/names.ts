// Mirrors k8s.io/apimachinery/pkg/util/validation/validation.go and ip.go (label keys and values now live in
// pkg/api/validate/content/kube.go); leaves out the field.Path-returning variants, wildcard/FQDN checks and
// CIDRs. Wording is that of released Kubernetes (1.30-1.34): "must be no more than N characters" and
// "a qualified name ..." (upstream main has since switched to "bytes" and "a valid label key").
//
// Lengths are UTF-8 byte lengths, as Go's len() counts them.

/** utf8ByteLength is Go's len(s) for a JavaScript string. */
export function utf8ByteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * longerThan is utf8ByteLength(s) > max without counting a string too short to be: one UTF-16 unit is at most 3
 * UTF-8 bytes (a surrogate pair, 2 units, is 4). Every object written has its name checked.
 */
export function longerThan(s: string, max: number): boolean {
  return s.length * 3 > max && utf8ByteLength(s) > max;
}

/** maxLenError is MaxLenError. */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** regexError is RegexError; note upstream's double space before each " or ". */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((example, i) => {
    if (i > 0) out += ' or ';
    out += `'${example}', `;
  });
  return `${out}regex used for validation is '${fmt}')`;
}

/** emptyError is EmptyError. */
export function emptyError(): string {
  return 'must be non-empty';
}

/** inclusiveRangeError is InclusiveRangeError. */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_ERR_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
export const DNS1123_LABEL_MAX_LENGTH = 63;
const dns1123LabelRegexp = new RegExp(`^${DNS1123_LABEL_FMT}$`);

const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_ERR_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
/** The character codes matchesDNS1123Subdomain tells apart. */
const DOT = 0x2e;
const HYPHEN = 0x2d;
const LOWER_A = 0x61;
const LOWER_Z = 0x7a;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/**
 * matchesDNS1123Subdomain is `^${DNS1123_SUBDOMAIN_FMT}$`.test(value) as one pass over the characters: labels of
 * [-a-z0-9] that start and end with [a-z0-9], joined by single dots. Every object written has its name checked, and
 * the regex backtracks at the end of each label; the names.test.ts cases check the two agree.
 */
export function matchesDNS1123Subdomain(value: string): boolean {
  // prev is the character before i, a dot at the start: a label may not start with '-' or '.'.
  let prev = DOT;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === HYPHEN) {
      if (prev === DOT) return false;
    } else if (c === DOT) {
      if (prev === DOT || prev === HYPHEN) return false;
    } else if (!((c >= LOWER_A && c <= LOWER_Z) || (c >= DIGIT_0 && c <= DIGIT_9))) return false;
    prev = c;
  }
  return prev !== DOT && prev !== HYPHEN;
}

const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_ERR_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
export const DNS1035_LABEL_MAX_LENGTH = 63;
const dns1035LabelRegexp = new RegExp(`^${DNS1035_LABEL_FMT}$`);

/**
 * Label keys and values known to be valid. The same few (app, pod-template-hash and its value...) come back on every
 * pod of a ReplicaSet and in every selector; validity is a pure function of the string. Bounded: typed text is not.
 */
const validQualifiedNames = new Set<string>();
const validLabelValues = new Set<string>();
/** DNS labels known to be valid: every namespaced object written has its namespace's name checked as one. */
const validDNS1123Labels = new Set<string>();
const VALID_MEMO_SIZE = 4096;

function remember(valid: Set<string>, value: string): void {
  if (valid.size >= VALID_MEMO_SIZE) valid.clear();
  valid.add(value);
}

/** isDNS1123Label is IsDNS1123Label: namespace names, Service names' DNS label, container names. */
export function isDNS1123Label(value: string): string[] {
  if (validDNS1123Labels.has(value)) return [];
  const errs: string[] = [];
  if (longerThan(value, DNS1123_LABEL_MAX_LENGTH)) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!dns1123LabelRegexp.test(value)) {
    // A valid subdomain that is not a valid label: since length was checked already, it must be the dots.
    if (matchesDNS1123Subdomain(value)) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_ERR_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  if (errs.length === 0) remember(validDNS1123Labels, value);
  return errs;
}

/** isDNS1123Subdomain is IsDNS1123Subdomain: most object names. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (longerThan(value, DNS1123_SUBDOMAIN_MAX_LENGTH)) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!matchesDNS1123Subdomain(value)) errs.push(regexError(DNS1123_SUBDOMAIN_ERR_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/** isDNS1035Label is IsDNS1035Label: Service names. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (longerThan(value, DNS1035_LABEL_MAX_LENGTH)) errs.push(maxLenError(DNS1035_LABEL_MAX_LENGTH));
  if (!dns1035LabelRegexp.test(value)) errs.push(regexError(DNS1035_LABEL_ERR_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

const QUALIFIED_NAME_CHAR_FMT = '[A-Za-z0-9]';
const QUALIFIED_NAME_EXT_CHAR_FMT = '[-A-Za-z0-9_.]';
const QUALIFIED_NAME_FMT = `(${QUALIFIED_NAME_CHAR_FMT}${QUALIFIED_NAME_EXT_CHAR_FMT}*)?${QUALIFIED_NAME_CHAR_FMT}`;
const QUALIFIED_NAME_ERR_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const QUALIFIED_NAME_MAX_LENGTH = 63;
const qualifiedNameRegexp = new RegExp(`^${QUALIFIED_NAME_FMT}$`);

/** isQualifiedName is IsQualifiedName (content.IsLabelKey): label keys, annotation keys, finalizers. */
export function isQualifiedName(value: string): string[] {
  if (validQualifiedNames.has(value)) return [];
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0]!;
  } else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
    else for (const msg of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${msg}`);
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_ERR_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (longerThan(name, QUALIFIED_NAME_MAX_LENGTH)) errs.push(`name part ${maxLenError(QUALIFIED_NAME_MAX_LENGTH)}`);
  if (!qualifiedNameRegexp.test(name)) {
    errs.push(`name part ${regexError(QUALIFIED_NAME_ERR_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  }
  if (errs.length === 0) remember(validQualifiedNames, value);
  return errs;
}

const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE_ERR_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
export const LABEL_VALUE_MAX_LENGTH = 63;
const labelValueRegexp = new RegExp(`^${LABEL_VALUE_FMT}$`);

/** isValidLabelValue is IsValidLabelValue. */
export function isValidLabelValue(value: string): string[] {
  if (validLabelValues.has(value)) return [];
  const errs: string[] = [];
  if (longerThan(value, LABEL_VALUE_MAX_LENGTH)) errs.push(maxLenError(LABEL_VALUE_MAX_LENGTH));
  if (!labelValueRegexp.test(value)) errs.push(regexError(LABEL_VALUE_ERR_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  if (errs.length === 0) remember(validLabelValues, value);
  return errs;
}

/** isValidPortNum is IsValidPortNum: 1..65535. */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** isInRange is IsInRange. */
export function isInRange(value: number, min: number, max: number): string[] {
  return value >= min && value <= max ? [] : [inclusiveRangeError(min, max)];
}

const portNameCharsetRegexp = /^[-a-z0-9]+$/;
const portNameOneLetterRegexp = /[a-z]/;

/** isValidPortName is IsValidPortName (IANA_SVC_NAME): at most 15 of [-a-z0-9], one letter, no '--', no edge '-'. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (longerThan(port, 15)) errs.push(maxLenError(15));
  if (!portNameCharsetRegexp.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!portNameOneLetterRegexp.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

const PERCENT_FMT = '[0-9]+%';
const percentRegexp = new RegExp(`^${PERCENT_FMT}$`);

/** isValidPercent is IsValidPercent: maxSurge/maxUnavailable strings. */
export function isValidPercent(percent: string): string[] {
  return percentRegexp.test(percent)
    ? []
    : [regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%')];
}

const HTTP_HEADER_NAME_FMT = '[-A-Za-z0-9]+';
const httpHeaderNameRegexp = new RegExp(`^${HTTP_HEADER_NAME_FMT}$`);

/** isHTTPHeaderName is IsHTTPHeaderName: probe httpHeaders names. */
export function isHTTPHeaderName(value: string): string[] {
  return httpHeaderNameRegexp.test(value)
    ? []
    : [regexError("a valid HTTP header must consist of alphanumeric characters or '-'", HTTP_HEADER_NAME_FMT, 'X-Header-Name')];
}

function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const envVarNameRegexp = new RegExp(`^${ENV_VAR_NAME_FMT}$`);

/** isEnvVarName is IsEnvVarName (the strict form used before RelaxedEnvironmentVariableValidation). */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!envVarNameRegexp.test(value)) {
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        ENV_VAR_NAME_FMT,
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    );
  }
  return [...errs, ...hasChDirPrefix(value)];
}

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const configMapKeyRegexp = new RegExp(`^${CONFIG_MAP_KEY_FMT}$`);

/** isConfigMapKey is IsConfigMapKey: keys of ConfigMap and Secret data. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (longerThan(value, DNS1123_SUBDOMAIN_MAX_LENGTH)) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!configMapKeyRegexp.test(value)) {
    errs.push(
      regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_MAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'),
    );
  }
  return [...errs, ...hasChDirPrefix(value)];
}

/** parseIPv4 is Go 1.16's sloppy parseIPv4 (leading zeros allowed, as netutils.ParseIPSloppy). */
function parseIPv4(s: string): number[] | undefined {
  const octets = s.split('.');
  if (octets.length !== 4) return undefined;
  const out: number[] = [];
  for (const octet of octets) {
    if (!/^[0-9]+$/.test(octet)) return undefined;
    const n = Number(octet);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

/** parseIPv6 is Go 1.16's parseIPv6, returning 16 bytes. */
function parseIPv6(input: string): number[] | undefined {
  const ip = new Array<number>(16).fill(0);
  let s = input;
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return ip;
  }
  let i = 0;
  while (i < 16) {
    const hex = /^[0-9a-fA-F]+/.exec(s)?.[0];
    if (hex === undefined) return undefined;
    const n = parseInt(hex, 16);
    if (n > 0xffff) return undefined;
    if (s[hex.length] === '.') {
      if ((ellipsis < 0 && i !== 12) || i + 4 > 16) return undefined;
      const ip4 = parseIPv4(s);
      if (!ip4) return undefined;
      ip.splice(i, 4, ...ip4);
      s = '';
      i += 4;
      break;
    }
    ip[i] = n >> 8;
    ip[i + 1] = n & 0xff;
    i += 2;
    s = s.slice(hex.length);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const n = 16 - i;
    const tail = ip.slice(ellipsis, i);
    ip.fill(0, ellipsis);
    ip.splice(ellipsis + n, tail.length, ...tail);
  } else if (ellipsis >= 0) {
    return undefined;
  }
  return ip;
}

/** parseIP is netutils.ParseIPSloppy: the address as 4 or 16 bytes, or undefined. */
export function parseIP(s: string): number[] | undefined {
  for (const ch of s) {
    if (ch === '.') return parseIPv4(s);
    if (ch === ':') return parseIPv6(s);
  }
  return undefined;
}

/** isValidIP is IsValidIP (IPv4 or IPv6, leading zeros tolerated). */
export function isValidIP(value: string): string[] {
  return parseIP(value) ? [] : ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];
}

/** isValidIPv4Address is IsValidIPv4Address; IPv4-mapped IPv6 ("::ffff:1.2.3.4") counts, as ip.To4() does. */
export function isValidIPv4Address(value: string): string[] {
  const ip = parseIP(value);
  const isV4 =
    ip !== undefined &&
    (ip.length === 4 || (ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff));
  return isV4 ? [] : ['must be a valid IPv4 address'];
}
