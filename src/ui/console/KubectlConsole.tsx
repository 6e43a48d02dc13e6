import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { KubectlReply } from '../../worker/simClient';
import { appendOutput, complete, History, type ConsoleLine } from './consoleModel';

/** ConsoleBackend runs command lines against the simulated cluster (in the worker). */
export interface ConsoleBackend {
  run(line: string, onStream: (text: string) => void, onEnd: () => void): { reply: Promise<KubectlReply>; cancel(): void };
  complete(line: string): Promise<string[]>;
}

const HISTORY_KEY = 'kubeplay.console.history';
const PROMPT = '$ ';

function savedHistory(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * KubectlConsole is a terminal for kubectl against the simulated cluster: a prompt with history (Up/Down, kept
 * across reloads), Tab completion of verbs, kinds and names, and `-w` streams that run until Ctrl+C.
 */
export function KubectlConsole({ backend }: { backend: ConsoleBackend }) {
  const [lines, setLines] = useState<ConsoleLine[]>([]);
  const [input, setInput] = useState('');
  const [running, setRunning] = useState<{ cancel(): void } | undefined>();
  const history = useRef(new History(savedHistory()));
  const nextId = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const print = useCallback((kind: ConsoleLine['kind'], text: string) => setLines((ls) => appendOutput(ls, kind, text, () => ++nextId.current)), []);

  useEffect(() => () => running?.cancel(), [running]);

  const submit = useCallback(() => {
    const line = input;
    setInput('');
    print('input', PROMPT + line);
    history.current.add(line);
    localStorage.setItem(HISTORY_KEY, JSON.stringify(history.current.list().slice(-200)));
    if (line.trim() === '') return;
    if (line.trim() === 'clear') {
      setLines([]);
      return;
    }
    const command = backend.run(
      line,
      (text) => print('stdout', text),
      () => setRunning(undefined),
    );
    setRunning(command);
    void command.reply.then((reply) => {
      print('stdout', reply.stdout);
      print('stderr', reply.stderr);
      if (!reply.streaming) setRunning(undefined);
    });
  }, [backend, input, print]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (!running) submit();
    } else if (e.key === 'c' && e.ctrlKey && running) {
      e.preventDefault();
      running.cancel();
      setRunning(undefined);
      print('input', '^C');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      const previous = history.current.up(input);
      if (previous !== undefined) setInput(previous);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      const next = history.current.down();
      if (next !== undefined) setInput(next);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      const line = input;
      void backend.complete(line).then((candidates) => {
        const result = complete(line, candidates);
        setInput(result.line);
        if (result.listed.length > 0) print('info', result.listed.join('  '));
      });
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      setLines([]);
    }
  };

  return (
    <section aria-label="kubectl console" className="flex h-full min-h-0 flex-col bg-slate-950 font-mono text-[11px] text-slate-100" onClick={() => inputRef.current?.focus()}>
      <div className="flex min-h-0 flex-1 flex-col-reverse overflow-auto px-2 py-1">
        {/* kubectl's tables are aligned with spaces: never wrap them; scroll sideways instead, as a terminal would. */}
        <pre role="log" aria-label="kubectl output" className="w-max min-w-full whitespace-pre">
          {lines.map((l) => (
            <div key={l.id} className={l.kind === 'stderr' ? 'text-rose-400' : l.kind === 'input' ? 'text-sky-300' : l.kind === 'info' ? 'text-slate-400' : undefined}>
              {l.text || '\u00a0'}
            </div>
          ))}
        </pre>
      </div>
      <label className="flex items-center gap-1 border-t border-slate-800 px-2 py-1">
        <span aria-hidden className="text-emerald-400">{running ? '(Ctrl+C to stop)' : '$'}</span>
        <input
          ref={inputRef}
          aria-label="kubectl command"
          className="min-w-0 flex-1 bg-transparent outline-none"
          spellCheck={false}
          autoComplete="off"
          value={input}
          placeholder={lines.length === 0 ? 'kubectl get pods  (Tab completes, ↑ recalls, Ctrl+C stops -w)' : undefined}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
    </section>
  );
}
