// Tables ported from k8s.io/apimachinery/pkg/util/validation/validation_test.go and ip_test.go.
import { describe, expect, it } from 'vitest';
import {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  matchesDNS1123Subdomain,
  isEnvVarName,
  isHTTPHeaderName,
  isInRange,
  isQualifiedName,
  isValidIP,
  isValidIPv4Address,
  isValidLabelValue,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  longerThan,
  utf8ByteLength,
} from './names';

const a = (n: number, ch = 'a'): string => ch.repeat(n);

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('isDNS1123Label (TestIsDNS1123Label)', () => {
  it.each(['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', a(63)])(
    'accepts %j',
    (value) => expect(isDNS1123Label(value)).toEqual([]),
  );
  it.each([
    '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1',
    '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', '1.', '.1',
    ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2',
  ])('rejects %j with the label regex message', (value) => expect(isDNS1123Label(value)).toEqual([LABEL_MSG]));
  it.each(['a.b', '1.2'])('rejects the valid subdomain %j because it has dots', (value) =>
    expect(isDNS1123Label(value)).toEqual(['must not contain dots']),
  );
  it('rejects a 64-character label for its length only', () =>
    expect(isDNS1123Label(a(64))).toEqual(['must be no more than 63 characters']));
});

describe('isDNS1123Subdomain (TestIsDNS1123Subdomain)', () => {
  it.each([
    'a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2',
    'a.a', 'ab.a', 'abc.a', 'a1.a', 'a-1.a', 'a--1--2--b.a', 'a.1', 'ab.1', 'abc.1', 'a1.1', 'a-1.1', 'a--1--2--b.1',
    '0.a', '01.a', '012.a', '1a.a', '1-a.a', '0.1', '01.1', '012.1', '1a.1', '1-a.1', '1--a--b--2.1',
    'a.b.c.d.e', 'aa.bb.cc.dd.ee', '1.2.3.4.5', '11.22.33.44.55', a(253),
  ])('accepts %j', (value) => expect(isDNS1123Subdomain(value)).toEqual([]));
  it.each([
    '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1',
    '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a..b', '1.', '.1', '1..2',
    ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', 'A.a', 'aB.a', 'ab.A', 'A1.a', 'a1.A',
    'A.1', 'aB.1', 'A1.1', '1A.1', '0.A', '01.A', '012.A', '1A.a', '1a.A',
    'A.B.C.D.E', 'AA.BB.CC.DD.EE', 'a.B.c.d.e', 'aa.bB.cc.dd.ee',
    'a@b', 'a,b', 'a;b', 'a:b', 'a%b', 'a?b', 'a$b',
  ])('rejects %j with the subdomain regex message', (value) => expect(isDNS1123Subdomain(value)).toEqual([SUBDOMAIN_MSG]));
  it('rejects a 254-character name for its length only', () =>
    expect(isDNS1123Subdomain(a(254))).toEqual(['must be no more than 253 characters']));
  it('reports both the length and the format of a long upper-case name', () =>
    expect(isDNS1123Subdomain(a(254, 'A'))).toEqual(['must be no more than 253 characters', SUBDOMAIN_MSG]));
});

describe('matchesDNS1123Subdomain', () => {
  it('Agrees with the upstream subdomain regex on every string of up to 5 characters from a-z, 0-9, -, ., A and é', () => {
    const regex = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
    const alphabet = ['a', 'z', '0', '9', '-', '.', 'A', 'é'];
    let strings = [''];
    const disagreements: string[] = [];
    for (let length = 0; length <= 5; length++) {
      for (const s of strings) if (matchesDNS1123Subdomain(s) !== regex.test(s)) disagreements.push(s);
      strings = strings.flatMap((s) => alphabet.map((c) => s + c));
    }
    expect(disagreements).toEqual([]);
  });
});

describe('isDNS1035Label (TestIsDNS1035Label)', () => {
  it.each(['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', a(63)])('accepts %j', (value) =>
    expect(isDNS1035Label(value)).toEqual([]),
  );
  it.each([
    '0', '01', '012', '1a', '1-a', '1--a--b--2', '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A',
    '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
    '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2',
  ])('rejects %j with the DNS-1035 regex message', (value) => expect(isDNS1035Label(value)).toEqual([DNS1035_MSG]));
  it('rejects a 64-character label for its length only', () =>
    expect(isDNS1035Label(a(64))).toEqual(['must be no more than 63 characters']));
});

describe('isQualifiedName (TestIsQualifiedName)', () => {
  it.each([
    'simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes', 'now.with.dots/simple', 'now-with.dashes-and.dots/simple', '1-num.2-num/3-num',
    '1234/5678', '1.2.3.4/5678', 'Uppercase_Is_OK_123', 'example.com/Uppercase_Is_OK_123', 'requests.storage-foo',
    a(63), `${a(253)}/${a(63, 'b')}`, 'app.kubernetes.io/name', 'kubernetes.io/hostname',
  ])('accepts %j', (value) => expect(isQualifiedName(value)).toEqual([]));

  it.each<[string, string[]]>([
    ['nospecialchars%^=@', [NAME_PART_MSG]],
    ['cantendwithadash-', [NAME_PART_MSG]],
    ['-cantstartwithadash-', [NAME_PART_MSG]],
    [
      'only/one/slash',
      [
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ],
    ],
    ['Example.com/abc', [`prefix part ${SUBDOMAIN_MSG}`]],
    ['example_com/abc', [`prefix part ${SUBDOMAIN_MSG}`]],
    ['example.com/', ['name part must be non-empty', NAME_PART_MSG]],
    ['/simple', ['prefix part must be non-empty']],
    [a(64), ['name part must be no more than 63 characters']],
    [`${a(254)}/abc`, ['prefix part must be no more than 253 characters']],
  ])('rejects %j with %j', (value, messages) => expect(isQualifiedName(value)).toEqual(messages));

  it('answers the same the second time: a remembered valid key, and an invalid one checked again', () => {
    for (let i = 0; i < 2; i++) {
      expect(isQualifiedName('app.kubernetes.io/name')).toEqual([]);
      expect(isQualifiedName('example.com/')).toEqual(['name part must be non-empty', NAME_PART_MSG]);
      expect(isValidLabelValue('web-6d4cf56db6')).toEqual([]);
      expect(isValidLabelValue('-web')).toHaveLength(1);
    }
  });
});

describe('isValidLabelValue (TestIsValidLabelValue)', () => {
  it.each(['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', a(63), ''])('accepts %j', (value) =>
    expect(isValidLabelValue(value)).toEqual([]),
  );
  it.each([
    'nospecialchars%^=@',
    'Tama-nui-te-rā.is.Māori.sun',
    '\\backslashes\\are\\bad',
    '-starts-with-dash',
    'ends-with-dash-',
    '.starts.with.dot',
    'ends.with.dot.',
  ])('rejects %j with the label value regex message', (value) => expect(isValidLabelValue(value)).toEqual([LABEL_VALUE_MSG]));
  it('rejects a 64-character value for its length only', () =>
    expect(isValidLabelValue(a(64))).toEqual(['must be no more than 63 characters']));
  it('counts bytes, not characters: 32 two-byte letters are 64 bytes', () => {
    expect(utf8ByteLength(a(32, 'ā'))).toBe(64);
    expect(isValidLabelValue(a(32, 'ā'))).toEqual(['must be no more than 63 characters', LABEL_VALUE_MSG]);
  });
});

describe('isValidPortNum and isInRange (TestIsValidPortNum, TestIsInRange)', () => {
  it.each([1, 2, 1000, 16384, 32768, 65535])('accepts port %d', (port) => expect(isValidPortNum(port)).toEqual([]));
  it.each([0, -1, 65536, 100000])('rejects port %d', (port) =>
    expect(isValidPortNum(port)).toEqual(['must be between 1 and 65535, inclusive']),
  );
  it.each([
    [1, 0, 10],
    [5, 5, 20],
    [25, 10, 25],
  ])('accepts %d in [%d, %d]', (v, lo, hi) => expect(isInRange(v, lo, hi)).toEqual([]));
  it.each([
    [1, 2, 10],
    [5, -4, 2],
    [25, 100, 120],
  ])('rejects %d outside [%d, %d]', (v, lo, hi) => expect(isInRange(v, lo, hi)).toEqual([`must be between ${lo} and ${hi}, inclusive`]));
});

describe('isValidPortName (TestIsValidPortName)', () => {
  it.each(['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3', 'http', 'metrics'])('accepts %j', (value) =>
    expect(isValidPortName(value)).toEqual([]),
  );
  it.each<[string, string[]]>([
    ['longerthan15characters', ['must be no more than 15 characters']],
    ['', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
    [a(16), ['must be no more than 15 characters']],
    ['12345', ['must contain at least one letter (a-z)']],
    ['1-2-3-4', ['must contain at least one letter (a-z)']],
    ['-begin', ['must not begin or end with a hyphen']],
    ['end-', ['must not begin or end with a hyphen']],
    ['two--hyphens', ['must not contain consecutive hyphens']],
    ['whois++', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
    ['HTTP', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
  ])('rejects %j with %j', (value, messages) => expect(isValidPortName(value)).toEqual(messages));
});

describe('isValidPercent, isHTTPHeaderName, isEnvVarName, isConfigMapKey', () => {
  it.each(['0%', '00000%', '1%', '01%', '99%', '100%', '101%'])('accepts percent %j', (v) => expect(isValidPercent(v)).toEqual([]));
  it.each(['', '0', '100', '0.0%', '99.9%', 'hundred', ' 1%', '1% ', '-0%', '-1%', '+1%'])('rejects percent %j', (v) =>
    expect(isValidPercent(v)).toEqual([
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]),
  );
  it.each(['Accept-Encoding', 'Host', 'X-Forwarded-For', 'a', '-a', 'A--1--2--B'])('accepts header name %j', (v) =>
    expect(isHTTPHeaderName(v)).toEqual([]),
  );
  it.each(['Host:', 'X-@Home', '', '_', 'a.b', 'a b', '{'])('rejects header name %j', (v) => expect(isHTTPHeaderName(v)).toHaveLength(1));
  it.each(['MY_ENV', 'my.env-name', 'MyEnvName1', '_x', '-x'])('accepts env var name %j', (v) => expect(isEnvVarName(v)).toEqual([]));
  it.each<[string, number]>([
    ['1x', 1],
    ['a=b', 1],
    ['..', 1],
    ['..x', 1],
  ])('rejects env var name %j with %d message(s)', (v, n) => expect(isEnvVarName(v)).toHaveLength(n));
  it.each(['a', 'good', 'good-good', 'still.good', 'this.is.also.good', '.so.is.this', 'THIS_IS_GOOD', 'so_is_this_17'])(
    'accepts config key %j (TestIsConfigMapKey)',
    (v) => expect(isConfigMapKey(v)).toEqual([]),
  );
  it.each<[string, string[]]>([
    ['.', ["must not be '.'"]],
    ['..', ["must not be '..'"]],
    ['..bad', ["must not start with '..'"]],
    ['b*d', ["a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"]],
  ])('rejects config key %j with %j', (v, messages) => expect(isConfigMapKey(v)).toEqual(messages));
});

describe('isValidIP and isValidIPv4Address (ip_test.go)', () => {
  it.each([
    '1.2.3.4', '10.9.8.7', '0.0.0.0', '255.255.255.255', '010.001.002.003', '::', '::1', '2001:db8::ffff',
    '1:2:3:4:5:6:7:8', '::ffff:1.2.3.4', '2001:db8::1.2.3.4', 'fe80::', '0ffff::',
  ])('accepts %j', (v) => expect(isValidIP(v)).toEqual([]));
  it.each([
    '', 'a', '1.2.3', '1.2.3.4.5', '256.1.1.1', '1.2.3.-4', ' 1.2.3.4', '1.2.3.4 ', '1::2::3', '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7:8::', '12345::', '::g', '1.2.3.4/24', 'fe80::1%eth0', ':1', '1:',
  ])('rejects %j', (v) => expect(isValidIP(v)).toEqual(['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']));
  it.each<[string, boolean]>([
    ['1.2.3.4', true],
    ['::ffff:1.2.3.4', true],
    ['2001:db8::1', false],
    ['bad', false],
  ])('treats %j as IPv4: %s', (v, ok) => expect(isValidIPv4Address(v)).toEqual(ok ? [] : ['must be a valid IPv4 address']));
});

describe('longerThan', () => {
  it.each<[string, string, number, boolean]>([
    ['a short string is never too long, without counting', 'abc', 9, false],
    ['ASCII counts one byte a character: 10 > 9', a(10), 9, true],
    ['ASCII at the limit is not too long', a(9), 9, false],
    ['é is 2 bytes: 4 of them are 8 bytes, not more than 8', 'éééé', 8, false],
    ['é is 2 bytes: 5 of them are 10 bytes, more than 9', 'ééééé', 9, true],
    ['a surrogate pair (😀) is 4 bytes: 3 of them are 12 bytes, more than 11', '😀😀😀', 11, true],
    ['3-byte characters (€) at the limit: 3 of them are 9 bytes', '€€€', 9, false],
  ])('%s', (_name, s, max, want) => {
    expect(longerThan(s, max)).toBe(want);
    expect(longerThan(s, max)).toBe(utf8ByteLength(s) > max);
  });
});
