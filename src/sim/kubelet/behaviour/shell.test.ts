import { describe, expect, it } from 'vitest';
import { parseScript, ShellSyntaxError, tokenize } from './shell';

describe('tokenize', () => {
  it('Quotes join into one word and operators stand alone.', () => {
    expect(tokenize(`echo "hello world" && sleep 5; exit 1`)).toEqual([
      { word: 'echo' }, { word: 'hello world' }, { op: '&&' }, { word: 'sleep' }, { word: '5' }, { op: ';' }, { word: 'exit' }, { word: '1' },
    ]);
  });

  it('2>&1 and 2>/dev/null drop the descriptor.', () => {
    expect(tokenize('cat /x 2>&1 >/dev/null')).toEqual([{ word: 'cat' }, { word: '/x' }, { op: '>' }, { word: '/dev/null' }]);
  });

  it('A command substitution stays one word.', () => {
    expect(tokenize('echo $(date +%s) done')).toEqual([{ word: 'echo' }, { word: '$(date +%s)' }, { word: 'done' }]);
  });
});

describe('parseScript', () => {
  it('The exec-liveness script is a list of four commands.', () => {
    expect(parseScript('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600')).toEqual({
      kind: 'list',
      items: [
        { kind: 'simple', argv: ['touch', '/tmp/healthy'], redirect: undefined },
        { kind: 'simple', argv: ['sleep', '30'], redirect: undefined },
        { kind: 'simple', argv: ['rm', '-f', '/tmp/healthy'], redirect: undefined },
        { kind: 'simple', argv: ['sleep', '600'], redirect: undefined },
      ],
    });
  });

  it('A while loop has a condition and a body.', () => {
    expect(parseScript('while true; do echo hi; sleep 10; done')).toEqual({
      kind: 'loop',
      until: false,
      cond: { kind: 'simple', argv: ['true'], redirect: undefined },
      body: { kind: 'list', items: [{ kind: 'simple', argv: ['echo', 'hi'], redirect: undefined }, { kind: 'simple', argv: ['sleep', '10'], redirect: undefined }] },
    });
  });

  it('An if with an else has one branch and an otherwise.', () => {
    const node = parseScript('if [ -f /tmp/x ]; then exit 0; else exit 1; fi');
    expect(node.kind).toBe('if');
    expect(node.kind === 'if' && node.branches.length).toBe(1);
    expect(node.kind === 'if' && node.otherwise).toEqual({ kind: 'simple', argv: ['exit', '1'], redirect: undefined });
  });

  it('A redirection target is kept.', () => {
    expect(parseScript('echo ok > /tmp/ready')).toEqual({ kind: 'simple', argv: ['echo', 'ok'], redirect: '/tmp/ready' });
  });

  it.each([
    ['An unterminated quote is a syntax error.', 'echo "oops', 'syntax error: unterminated quoted string'],
    ['A loop without done is a syntax error.', 'while true; do sleep 1', 'syntax error: unexpected "end of file" (expecting "done")'],
  ])('%s', (_name, script, message) => {
    expect(() => parseScript(script)).toThrow(new ShellSyntaxError(message));
  });
});
