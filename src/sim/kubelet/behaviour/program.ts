// The container behaviour model (see README.md): what a container's process does over time, derived from its
// command, args and image. Everything is computed once at start, so a probe at any virtual time is a lookup.
import type { Container } from 'kubernetes-types/core/v1';
import type { VirtualMs } from '../../clock/virtualClock';
import { repositoryInfo, type RepositoryInfo } from '../images/catalogue';
import { parseImageReference } from '../images/reference';
import { imageProgram } from './imagePrograms';
import { FileTimeline, runScript } from './interpreter';
import { parseScript, ShellSyntaxError, type ShellNode } from './shell';
import type { ProgramOutput } from '../logs/programOutput';

/** Server is what a running program answers on the network. */
export type Server =
  /**
   * Answers HTTP 200 on every path, accepts TCP and reports gRPC SERVING on its ports, once it listens: an
   * application that must warm up (a JVM) opens its ports `listensAfterMs` after the process starts.
   */
  | { kind: 'generic'; listensAfterMs?: VirtualMs }
  /** The liveness test server: GET /healthz is 200 for its first 10 s, then 500 (port 8080 only). */
  | { kind: 'liveness'; port: number; healthyForMs: VirtualMs };

/** Program is a container's process as the simulation runs it. */
export interface Program {
  /** Files the process creates and removes over time (offsets from its start). */
  files: FileTimeline;
  /** When it exits on its own; undefined when it runs until stopped. */
  exit?: { afterMs: VirtualMs; code: number };
  /** What it serves while it runs; undefined when it serves nothing. */
  server?: Server;
  /** How it answers SIGTERM: an exit code, or 'ignore' (it is SIGKILLed at the end of the grace period, 137). */
  sigterm: number | 'ignore';
  /** Wording of shell error messages. */
  userland: 'busybox' | 'gnu';
  /** What a script prints (echo, printf, error messages) before any program it execs takes over. */
  output?: ProgramOutput;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const ENTRYPOINT_WRAPPERS = new Set(['docker-entrypoint.sh', 'entrypoint.sh', 'tini', 'dumb-init']);

/** containerArgv is what the runtime executes: command or ENTRYPOINT, then args or CMD (Docker's rules). */
export function containerArgv(container: Container, info: RepositoryInfo): string[] {
  if (container.command && container.command.length > 0) return [...container.command, ...(container.args ?? [])];
  const entrypoint = [...(info.entrypoint ?? [])];
  if (container.args && container.args.length > 0) return [...entrypoint, ...container.args];
  return [...entrypoint, ...(info.cmd ?? [])];
}

/**
 * Programs by container spec. A Program is a pure function of its container's spec and is never changed, and stored
 * pods share unchanged specs between versions, so the kubelet and the log book compute each one once.
 */
const programs = new WeakMap<Container, Program>();

/**
 * Programs by what they are computed from (image, command, args): every pod of a ReplicaSet has its own copy of the
 * same container spec. Bounded, since image tags and commands typed into the editor are unbounded.
 */
const programsByContent = new Map<string, Program>();
const PROGRAMS_BY_CONTENT_SIZE = 1024;

/** programFor builds the Program a container runs. */
export function programFor(container: Container): Program {
  let program = programs.get(container);
  if (program) return program;
  const key = contentKey(container);
  program = programsByContent.get(key);
  if (!program) {
    if (programsByContent.size >= PROGRAMS_BY_CONTENT_SIZE) programsByContent.clear();
    programsByContent.set(key, (program = computeProgram(container)));
  }
  programs.set(container, program);
  return program;
}

/**
 * contentKey names what a program is computed from. Most containers run their image's default command: their key is
 * the image behind a NUL, which no JSON text starts with, so it is cheap and never mistaken for a command's key.
 */
export function contentKey(container: Container): string {
  const image = container.image ?? '';
  if (!container.command?.length && !container.args?.length) return `\u0000${image}`;
  return JSON.stringify([image, container.command ?? [], container.args ?? []]);
}

function computeProgram(container: Container): Program {
  const ref = parseImageReference(container.image ?? '');
  const info = ref ? repositoryInfo(ref) : { tags: {} };
  const userland = info.userland ?? 'gnu';
  let argv = containerArgv(container, info);
  const isImageDefault = !container.command?.length && !container.args?.length;
  if (isImageDefault && info.program) return imageProgram(info.program, argv, info, userland);
  while (argv.length > 0 && ENTRYPOINT_WRAPPERS.has(basename(argv[0]!))) argv = argv.slice(1);
  if (argv.length === 0) return imageProgram(info.program ?? 'server', argv, info, userland);
  const bin = basename(argv[0]!);
  if (SHELLS.has(bin)) {
    const c = argv.indexOf('-c');
    if (c < 0) return argv.length === 1 ? { files: new FileTimeline(), exit: { afterMs: 0, code: 0 }, sigterm: 'ignore', userland } : imageProgram('server', argv, info, userland);
    return scriptProgram(() => parseScript(argv[c + 1] ?? ''), info, userland);
  }
  return scriptProgram(() => ({ kind: 'simple', argv }), info, userland);
}

function scriptProgram(parse: () => ShellNode, info: RepositoryInfo, userland: 'busybox' | 'gnu'): Program {
  let node: ShellNode;
  try {
    node = parse();
  } catch (err) {
    if (!(err instanceof ShellSyntaxError)) throw err;
    // sh refuses a script it cannot parse and exits with status 2.
    return { files: new FileTimeline(), exit: { afterMs: 0, code: 2 }, sigterm: 'ignore', userland };
  }
  const run = runScript(node, userland, (argv) => imageProgram(programKindOf(argv, info), argv, info, userland));
  if (run.handoff) return { ...run.handoff, files: run.files.merge(run.handoff.files, run.handoffAt), output: run.output };
  return {
    output: run.output,
    files: run.files,
    exit: run.forever ? undefined : { afterMs: run.time, code: run.status },
    server: run.server,
    sigterm: run.trapExitCode ?? 'ignore',
    userland,
  };
}

function programKindOf(argv: readonly string[], info: RepositoryInfo) {
  const bin = basename(argv[0] ?? '');
  if (bin === 'perl') return 'perl';
  if (bin === 'stress') return 'stress';
  if (bin === 'agnhost') return 'agnhost';
  if (bin === 'pause') return 'pause';
  if (bin === 'server' && info.program === 'liveness') return 'liveness';
  return 'server';
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
