import { describe, expect, it } from 'vitest';
import { appendOutput, complete, History, SCROLLBACK_LINES, type ConsoleLine } from './consoleModel';

describe('History', () => {
  it('walks back from the newest command and forward to the line that was being typed', () => {
    const h = new History();
    h.add('kubectl get pods');
    h.add('kubectl get nodes');
    expect(h.up('kubectl des')).toBe('kubectl get nodes');
    expect(h.up('kubectl get nodes')).toBe('kubectl get pods');
    expect(h.up('kubectl get pods')).toBeUndefined();
    expect(h.down()).toBe('kubectl get nodes');
    expect(h.down()).toBe('kubectl des');
    expect(h.down()).toBeUndefined();
  });

  it('does not record blank lines or a repeat of the previous command', () => {
    const h = new History(['kubectl get pods']);
    h.add('kubectl get pods');
    h.add('   ');
    h.add('kubectl get svc');
    expect(h.list()).toEqual(['kubectl get pods', 'kubectl get svc']);
  });
});

describe('complete', () => {
  it('completes a single candidate with a trailing space', () => {
    expect(complete('kubectl desc', ['describe', 'delete'])).toEqual({ line: 'kubectl describe ', listed: [] });
  });

  it('extends to the common prefix and lists every candidate when several match', () => {
    expect(complete('kubectl get pod web-', ['web-7c5ddbdf54-abcde', 'web-7c5ddbdf54-fghij', 'db-0'])).toEqual({
      line: 'kubectl get pod web-7c5ddbdf54-',
      listed: ['web-7c5ddbdf54-abcde', 'web-7c5ddbdf54-fghij'],
    });
  });

  it('leaves the line alone when nothing matches', () => {
    expect(complete('kubectl zz', ['get'])).toEqual({ line: 'kubectl zz', listed: [] });
  });
});

describe('appendOutput', () => {
  it('splits output into lines without an empty line for the final newline', () => {
    let id = 0;
    const lines = appendOutput([], 'stdout', 'NAME   READY\nweb    1/1\n', () => ++id);
    expect(lines.map((l) => l.text)).toEqual(['NAME   READY', 'web    1/1']);
  });

  it('keeps only the newest lines of the scrollback', () => {
    let id = 0;
    const start: ConsoleLine[] = Array.from({ length: SCROLLBACK_LINES }, () => ({ id: ++id, kind: 'stdout', text: 'old' }));
    const lines = appendOutput(start, 'stdout', 'new', () => ++id);
    expect(lines).toHaveLength(SCROLLBACK_LINES);
    expect(lines[lines.length - 1].text).toBe('new');
    expect(lines[0].id).toBe(2);
  });
});
