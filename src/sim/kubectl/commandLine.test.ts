import { describe, expect, it } from 'vitest';
import { CommandLineError, parseFlags, splitCommandLine, type FlagSpec } from './commandLine';

const SPECS: FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', type: 'string', usage: '' },
  { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: '' },
  { name: 'watch', shorthand: 'w', type: 'bool', usage: '' },
  { name: 'replicas', type: 'int', usage: '' },
  { name: 'filename', shorthand: 'f', type: 'stringSlice', usage: '' },
  { name: 'from-literal', type: 'stringArray', usage: '' },
  { name: 'dry-run', type: 'string', noOptDefVal: 'unchanged', default: 'none', usage: '' },
];

describe('splitCommandLine splits words as a POSIX shell does', () => {
  it.each([
    ['blanks separate words and repeated blanks count once', 'get   pods\t-n  x', ['get', 'pods', '-n', 'x']],
    ['single quotes keep spaces and braces literally', `get pods -o jsonpath='{.items[*].metadata.name}'`, ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']],
    ['double quotes keep spaces and honour \\" escapes', 'label pod x "a=b c" "say \\"hi\\""', ['label', 'pod', 'x', 'a=b c', 'say "hi"']],
    ['a backslash outside quotes escapes the next character', 'get a\\ b', ['get', 'a b']],
    ['quotes glue to the word around them', `-o=jsonpath="{.a}"x`, ['-o=jsonpath={.a}x']],
    ['an empty quoted string is still a word', `x '' y`, ['x', '', 'y']],
    ['a # at the start of a word starts a comment', 'get pods # all of them', ['get', 'pods']],
    ['a # inside a word is kept', 'get pods -l a#b', ['get', 'pods', '-l', 'a#b']],
  ])('%s', (_, line, want) => {
    expect(splitCommandLine(line)).toEqual(want);
  });

  it('an unclosed quote is the shell error, not a kubectl one', () => {
    expect(() => splitCommandLine(`get 'pods`)).toThrow("unexpected EOF while looking for matching `''");
    expect(() => splitCommandLine(`get "pods`)).toThrow('unexpected EOF while looking for matching `"\'');
  });
});

describe('parseFlags parses as pflag does', () => {
  it.each([
    ['-n x', ['-n', 'x'], 'namespace', 'x'],
    ['-nx', ['-nx'], 'namespace', 'x'],
    ['-n=x', ['-n=x'], 'namespace', 'x'],
    ['--namespace=x', ['--namespace=x'], 'namespace', 'x'],
    ['--namespace x', ['--namespace', 'x'], 'namespace', 'x'],
    ['--namespace= (empty value)', ['--namespace='], 'namespace', ''],
    ['an underscore in a long name reads as a dash', ['--all_namespaces'], 'all-namespaces', true],
    ['-A', ['-A'], 'all-namespaces', true],
    ['--all-namespaces=false', ['--all-namespaces=false'], 'all-namespaces', false],
    ['combined shorthands -Aw set both', ['-Aw'], 'watch', true],
    ['combined shorthands ending in a value flag: -Anx', ['-Anx'], 'namespace', 'x'],
    ['--replicas=3', ['--replicas=3'], 'replicas', 3],
    ['a repeated stringSlice appends, splitting commas', ['-f', 'a.yaml,b.yaml', '-f', 'c.yaml'], 'filename', ['a.yaml', 'b.yaml', 'c.yaml']],
    ['a repeated stringArray appends without splitting', ['--from-literal=a=1,2', '--from-literal', 'b=2'], 'from-literal', ['a=1,2', 'b=2']],
    ['a flag with NoOptDefVal alone takes it', ['--dry-run'], 'dry-run', 'unchanged'],
    ['a flag with NoOptDefVal takes =value', ['--dry-run=client'], 'dry-run', 'client'],
    ['an untouched flag keeps its default', [], 'dry-run', 'none'],
  ])('%s', (_, words, name, want) => {
    const args = parseFlags(words as string[], SPECS);
    const value = typeof want === 'boolean' ? args.bool(name) : typeof want === 'number' ? args.int(name) : Array.isArray(want) ? args.strings(name) : args.string(name);
    expect(value).toEqual(want);
  });

  it('keeps positionals in order with flags interspersed, and everything after -- as positionals', () => {
    const args = parseFlags(['get', '-n', 'x', 'pods', '--', '-A', 'ls'], SPECS);
    expect(args.positionals).toEqual(['get', 'pods', '-A', 'ls']);
    expect(args.argsLenAtDash).toBe(2);
    expect(args.bool('all-namespaces')).toBe(false);
    expect(args.changed('namespace')).toBe(true);
    expect(args.changed('watch')).toBe(false);
  });

  it('treats a lone - as a positional (stdin)', () => {
    expect(parseFlags(['-f', '-', '-'], SPECS).positionals).toEqual(['-']);
  });

  it.each([
    ['an unknown long flag', ['--foo'], 'unknown flag: --foo'],
    ['an unknown long flag with a value', ['--foo=bar'], 'unknown flag: --foo'],
    ['an unknown shorthand', ['-z'], "unknown shorthand flag: 'z' in -z"],
    ['an unknown shorthand after a known bool one', ['-Az'], "unknown shorthand flag: 'z' in -z"],
    ['a value flag without its value (long)', ['--namespace'], 'flag needs an argument: --namespace'],
    ['a value flag without its value (short)', ['-n'], "flag needs an argument: 'n' in -n"],
    ['three dashes', ['---x'], 'bad flag syntax: ---x'],
    ['a dash-dash-equals', ['--=x'], 'bad flag syntax: --=x'],
    ['a non-integer int', ['--replicas=abc'], 'invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
    ['a non-boolean bool', ['-A=maybe'], 'invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
  ])('words pflag rejects: %s', (_, words, message) => {
    expect(() => parseFlags(words, SPECS)).toThrow(new CommandLineError(message));
  });
});
