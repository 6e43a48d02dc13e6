// Runs a parsed sh script on a virtual time line: sleeps advance time, touch/rm/redirections change files, exit ends
// it. Known utilities behave like busybox/coreutils; unknown programs are servers in tail position (see README.md).
import type { VirtualMs } from '../../clock/virtualClock';
import type { Program, Server } from './program';
import { parseScript, ShellSyntaxError, type ShellNode } from './shell';
import type { PrintedLine, ProgramOutput } from '../logs/programOutput';
import { expandWord, isAssignment } from './expansion';

/** FileEvent is one change of a path's existence at an offset from the process start. */
export interface FileEvent {
  at: VirtualMs;
  path: string;
  exists: boolean;
}

/**
 * FileTimeline is a process's file system as a function of time: one-off changes, plus an optional cycle that repeats
 * for ever (a `while true; do touch …; sleep …; rm …; done` loop).
 */
export class FileTimeline {
  constructor(
    readonly events: FileEvent[] = [],
    readonly cycle?: { from: VirtualMs; period: VirtualMs; events: FileEvent[] },
  ) {}

  /** exists says whether the process has the path at an offset; undefined when it never touched it. */
  exists(path: string, offset: VirtualMs): boolean | undefined {
    let state: boolean | undefined;
    const limit = this.cycle ? Math.min(offset, this.cycle.from) : offset;
    for (const e of this.events) if (e.path === path && e.at <= limit) state = e.exists;
    if (this.cycle && offset >= this.cycle.from) {
      const within = (offset - this.cycle.from) % this.cycle.period;
      for (const e of this.cycle.events) if (e.path === path && e.at <= within) state = e.exists;
    }
    return state;
  }

  /** merge appends another timeline's changes shifted by `shift` (a program exec'd at that offset). */
  merge(other: FileTimeline, shift: VirtualMs): FileTimeline {
    const shifted = other.events.map((e) => ({ ...e, at: e.at + shift }));
    return new FileTimeline([...this.events, ...shifted], other.cycle && { ...other.cycle, from: other.cycle.from + shift });
  }
}

/** ScriptRun is the outcome of running a script from its start. */
export interface ScriptRun {
  files: FileTimeline;
  /** Offset at which the script finished (meaningless when forever). */
  time: VirtualMs;
  status: number;
  forever: boolean;
  server?: Server;
  /** Exit code a `trap 'exit N' TERM` gives SIGTERM. */
  trapExitCode?: number;
  /** The program exec'd in tail position, and when: the process becomes that program. */
  handoff?: Program;
  handoffAt: VirtualMs;
  /** What the script printed to its stdout and stderr (the container's log), by offset. */
  output: ProgramOutput;
}

/** Launch turns an unknown program's argv into its Program (a server, perl computing pi, …). */
export type Launch = (argv: string[]) => Program;

/** Network clients take about a second; local utilities take no time. */
const NETWORK_TOOLS = new Set(['wget', 'curl', 'nslookup', 'dig', 'host', 'ping', 'nc', 'telnet', 'git', 'apt-get', 'apt', 'apk', 'yum', 'pip', 'pip3']);
const INSTANT = new Set([
  'echo', 'printf', 'true', ':', 'date', 'hostname', 'env', 'printenv', 'id', 'whoami', 'pwd', 'uname', 'ps', 'df', 'free',
  'cd', 'export', 'set', 'unset', 'source', '.', 'kill', 'wait', 'ulimit', 'umask', 'read', 'shift', 'local', 'mount', 'sync',
  'which', 'command', 'type', 'mkdir', 'chmod', 'chown', 'ln', 'sed', 'grep', 'awk', 'wc', 'sort', 'uniq', 'cut', 'tr', 'tee',
  'basename', 'dirname', 'expr', 'seq', 'find', 'xargs', 'du', 'nproc', 'uptime', 'getent',
]);
const MAX_LOOP_ITERATIONS = 100;
/** A loop that prints what its variables count (`echo "$i: $(date)"; i=$((i+1))`) is followed this far: its log. */
const MAX_COUNTING_ITERATIONS = 2_000;

/** Probe mode runs an exec probe's command against a file system snapshot, without time passing. */
export interface ProbeMode {
  exists: (path: string) => boolean;
}

/** runScript runs a script from offset 0. */
export function runScript(node: ShellNode, userland: 'busybox' | 'gnu', launch: Launch): ScriptRun {
  const shell = new Shell(userland, launch, undefined);
  shell.exec(node, true);
  return shell.result();
}

/** runProbeCommand runs an exec probe's argv; unknown programs (redis-cli ping, grpc_health_probe) succeed. */
export function runProbeCommand(argv: string[], userland: 'busybox' | 'gnu', mode: ProbeMode): { status: number; output: string } {
  const shell = new Shell(userland, () => ({ files: new FileTimeline(), sigterm: 'ignore', userland }), mode);
  const status = shell.exec({ kind: 'simple', argv }, false);
  return { status, output: shell.output.join('\n') };
}

/** runHook is how long a lifecycle hook's command runs (Infinity if it never ends); programs it starts are quick. */
export function runHook(argv: string[], userland: 'busybox' | 'gnu'): VirtualMs {
  const shell = new Shell(userland, () => ({ files: new FileTimeline(), sigterm: 'ignore', userland }), undefined);
  shell.exec({ kind: 'simple', argv }, false);
  return shell.halted === 'forever' ? Infinity : shell.time;
}

class Shell {
  time = 0;
  status = 0;
  halted: 'forever' | 'exit' | 'handoff' | undefined;
  server?: Server;
  trapExitCode?: number;
  handoff?: Program;
  handoffAt = 0;
  readonly output: string[] = [];
  /** Shell variables, for expansions. */
  private readonly vars = new Map<string, string>();
  /** Lines that reach the container's log (not redirected to a file), with when they were printed. */
  private readonly printed: PrintedLine[] = [];
  private printedCycle?: { from: VirtualMs; period: VirtualMs; lines: PrintedLine[] };
  private readonly events: FileEvent[] = [];
  private readonly state = new Map<string, boolean>();
  private cycle?: { from: VirtualMs; period: VirtualMs; events: FileEvent[] };

  constructor(
    private readonly userland: 'busybox' | 'gnu',
    private readonly launch: Launch,
    private readonly probe: ProbeMode | undefined,
  ) {}

  result(): ScriptRun {
    return {
      files: new FileTimeline(this.events, this.cycle),
      time: this.time,
      status: this.status,
      forever: this.halted === 'forever',
      server: this.server,
      trapExitCode: this.trapExitCode,
      handoff: this.handoff,
      handoffAt: this.handoffAt,
      output: { lines: this.printed, cycle: this.printedCycle },
    };
  }

  exec(node: ShellNode, tail: boolean): number {
    if (this.halted) return this.status;
    switch (node.kind) {
      case 'simple': {
        const argv = node.argv.map((w) => expandWord(w, this.vars));
        if (argv.length === 1 && isAssignment(argv[0]!)) {
          const eq = argv[0]!.indexOf('=');
          this.vars.set(argv[0]!.slice(0, eq), argv[0]!.slice(eq + 1));
          this.status = 0;
          return 0;
        }
        const printedBefore = this.output.length;
        this.status = this.simple(argv, tail && !node.background, node.background === true);
        if (node.redirect && !node.redirect.startsWith('/dev/')) this.setFile(node.redirect, true);
        if (!this.probe && !node.redirect) for (const text of this.output.slice(printedBefore)) this.printed.push({ at: this.time, text });
        return this.status;
      }
      case 'list':
        node.items.forEach((item, i) => this.exec(item, tail && i === node.items.length - 1));
        return this.status;
      case 'pipe':
        node.items.forEach((item, i) => this.exec(item, tail && i === node.items.length - 1));
        return this.status;
      case 'and':
      case 'or': {
        const left = this.exec(node.left, false);
        if (this.halted) return this.status;
        if ((node.kind === 'and') === (left === 0)) return this.exec(node.right, tail);
        return left;
      }
      case 'if': {
        for (const branch of node.branches) {
          if (this.exec(branch.cond, false) === 0) return this.exec(branch.body, tail);
          if (this.halted) return this.status;
        }
        if (node.otherwise) return this.exec(node.otherwise, tail);
        this.status = 0;
        return 0;
      }
      case 'for':
        for (let i = 0; i < node.count && !this.halted; i++) this.exec(node.body, false);
        return this.status;
      case 'loop':
        return this.loop(node.until, node.cond, node.body);
    }
  }

  private loop(until: boolean, cond: ShellNode, body: ShellNode): number {
    let limit = MAX_LOOP_ITERATIONS;
    for (let i = 0; i < limit; i++) {
      const c = this.exec(cond, false);
      if (this.halted) return this.status;
      if ((c === 0) === until) {
        this.status = 0;
        return 0;
      }
      const start = this.time;
      const before = new Map(this.state);
      const firstEvent = this.events.length;
      const firstPrinted = this.printed.length;
      const varsBefore = new Map(this.vars);
      this.exec(body, false);
      if (this.halted) return this.status;
      const counting = !sameState(varsBefore, this.vars);
      if (counting && this.printed.length > firstPrinted) limit = MAX_COUNTING_ITERATIONS;
      // The body changed nothing the condition could see: the loop repeats identically for ever.
      if (!counting && sameState(before, this.state)) {
        const period = this.time - start;
        if (period > 0 && this.events.length > firstEvent && !this.probe) {
          this.cycle = { from: start, period, events: this.events.splice(firstEvent).map((e) => ({ ...e, at: e.at - start })) };
        }
        if (period > 0 && this.printed.length > firstPrinted) {
          this.printedCycle = { from: start, period, lines: this.printed.splice(firstPrinted).map((l) => ({ at: l.at - start, text: l.text })) };
        }
        this.halted = 'forever';
        return this.status;
      }
    }
    this.halted = 'forever';
    return this.status;
  }

  private simple(argv: string[], tail: boolean, background: boolean): number {
    const [cmd = '', ...args] = argv;
    const bin = cmd.slice(cmd.lastIndexOf('/') + 1);
    switch (bin) {
      case 'sleep':
        return this.sleep(args[0] ?? '0');
      case 'exit':
        if (this.probe) return Number(args[0] ?? this.status) & 255;
        this.status = Number(args[0] ?? this.status) & 255;
        this.halted = 'exit';
        return this.status;
      case 'false':
        return 1;
      case 'touch':
        for (const f of args.filter((a) => !a.startsWith('-'))) this.setFile(f, true);
        return 0;
      case 'rm':
        return this.rm(args);
      case 'cp':
      case 'mv':
        return this.copy(bin, args);
      case 'cat':
      case 'head':
      case 'ls':
      case 'stat':
        return this.read(bin, args);
      case 'tail':
        if (args.includes('-f') || args.includes('-F')) return this.forever();
        return this.read(bin, args);
      case 'test':
      case '[':
      case '[[':
        return this.test(args.filter((a) => a !== ']' && a !== ']]'));
      case 'yes':
        return this.forever();
      case 'trap':
        return this.trap(args);
      case 'exec':
        return args.length > 0 ? this.simple(args, tail, background) : 0;
      case 'sh':
      case 'bash':
      case 'ash':
        if (args[0] === '-c') return this.nested(args[1] ?? '', tail);
        return args.length === 0 ? 0 : this.launchProgram(argv, tail, background);
    }
    if (bin === 'echo' || bin === 'printf') this.output.push(args.filter((a) => !/^-[neE]+$/.test(a)).join(' '));
    if (INSTANT.has(bin)) return 0;
    if (NETWORK_TOOLS.has(bin)) {
      if (!this.probe) this.time += 1000;
      return 0;
    }
    return this.launchProgram(argv, tail, background);
  }

  /** nested runs `sh -c script` inside the script; a script sh cannot parse exits with status 2. */
  private nested(script: string, tail: boolean): number {
    try {
      return this.exec(parseScript(script), tail);
    } catch (err) {
      if (!(err instanceof ShellSyntaxError)) throw err;
      this.output.push(`sh: ${err.message}`);
      return 2;
    }
  }

  /** launchProgram runs an unknown program: a server when it is the last thing the script does, else a quick tool. */
  private launchProgram(argv: string[], tail: boolean, background: boolean): number {
    if (this.probe) return 0;
    if (background) {
      this.server = this.launch(argv).server ?? this.server;
      return 0;
    }
    if (!tail) return 0;
    this.handoff = this.launch(argv);
    this.handoffAt = this.time;
    this.halted = 'handoff';
    return 0;
  }

  private sleep(arg: string): number {
    if (this.probe) return 0;
    if (arg === 'infinity' || arg === 'inf') return this.forever();
    const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
    if (!match) {
      this.output.push(`sleep: invalid number '${arg}'`);
      return 1;
    }
    const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
    this.time += Math.round(Number(match[1]) * unit);
    return 0;
  }

  private forever(): number {
    if (this.probe) return 0;
    this.halted = 'forever';
    return 0;
  }

  private trap(args: string[]): number {
    const [action = '', ...signals] = args;
    if (signals.some((s) => s === 'TERM' || s === 'SIGTERM' || s === '15')) {
      const exit = /(?:^|[;\s])exit\s+(\d+)/.exec(action) ?? /^exit$/.exec(action.trim());
      if (exit) this.trapExitCode = Number(exit[1] ?? 0) & 255;
    }
    return 0;
  }

  private rm(args: string[]): number {
    const force = args.some((a) => /^-[a-zA-Z]*f/.test(a));
    let status = 0;
    for (const f of args.filter((a) => !a.startsWith('-'))) {
      if (!this.exists(f) && !force) {
        this.output.push(this.userland === 'busybox' ? `rm: can't remove '${f}': No such file or directory` : `rm: cannot remove '${f}': No such file or directory`);
        status = 1;
      }
      this.setFile(f, false);
    }
    return status;
  }

  private copy(bin: string, args: string[]): number {
    const paths = args.filter((a) => !a.startsWith('-'));
    const target = paths.pop();
    if (!target) return 1;
    for (const p of paths) {
      if (!this.exists(p)) return this.missing(bin, p);
      if (bin === 'mv') this.setFile(p, false);
    }
    this.setFile(target, true);
    return 0;
  }

  private read(bin: string, args: string[]): number {
    for (const f of args.filter((a) => !a.startsWith('-'))) if (!this.exists(f)) return this.missing(bin, f);
    return 0;
  }

  private missing(bin: string, path: string): number {
    if (this.userland === 'busybox') {
      this.output.push(bin === 'cat' || bin === 'head' ? `${bin}: can't open '${path}': No such file or directory` : `${bin}: ${path}: No such file or directory`);
    } else if (bin === 'ls' || bin === 'stat') {
      this.output.push(`${bin}: cannot ${bin === 'ls' ? 'access' : 'statx'} '${path}': No such file or directory`);
    } else {
      this.output.push(`${bin}: ${path}: No such file or directory`);
    }
    return bin === 'ls' && this.userland === 'gnu' ? 2 : 1;
  }

  private test(args: string[]): number {
    if (args[0] === '!') return this.test(args.slice(1)) === 0 ? 1 : 0;
    if (args.length === 2 && /^-[efdrsxw]$/.test(args[0]!)) return this.exists(args[1]!) ? 0 : 1;
    if (args.length === 2 && args[0] === '-z') return args[1] === '' ? 0 : 1;
    if (args.length === 2 && args[0] === '-n') return args[1] !== '' ? 0 : 1;
    if (args.length === 3) {
      const [a, op, b] = args as [string, string, string];
      const numeric: Record<string, (x: number, y: number) => boolean> = {
        '-eq': (x, y) => x === y, '-ne': (x, y) => x !== y, '-lt': (x, y) => x < y, '-le': (x, y) => x <= y, '-gt': (x, y) => x > y, '-ge': (x, y) => x >= y,
      };
      if (op === '=' || op === '==') return a === b ? 0 : 1;
      if (op === '!=') return a !== b ? 0 : 1;
      if (numeric[op]) return numeric[op]!(Number(a), Number(b)) ? 0 : 1;
    }
    return args.length === 1 && args[0] !== '' ? 0 : 1;
  }

  /** exists: paths the process never touched are part of the image, except under /tmp, which starts empty. */
  private exists(path: string): boolean {
    const known = this.state.get(path);
    if (known !== undefined) return known;
    if (this.probe) return this.probe.exists(path);
    return !path.startsWith('/tmp/');
  }

  private setFile(path: string, exists: boolean): void {
    this.state.set(path, exists);
    if (!this.probe) this.events.push({ at: this.time, path, exists });
  }
}

function sameState<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
