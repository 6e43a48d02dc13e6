// Mirrors the shape of a kubectl cobra command (k8s.io/kubectl/pkg/cmd/*): a name, one-line help, flags and a run
// function; and cmdutil.CheckErr's wording of errors. Leaves out cobra's Args validators and completion.
import { StatusError } from '../api/statusError';
import type { VirtualMs } from '../clock/virtualClock';
import type { KindRegistry } from '../kinds/registry';
import type { ApiClient } from '../store/types';
import { CommandLineError, type FlagSpec, type ParsedArgs } from './commandLine';

/**
 * KubectlExtensions holds optional services some verbs need beyond the API (the network for `exec curl`, node agents
 * for `logs`). It starts empty: a verb that needs a service declares it in its own file by module augmentation,
 *
 *   declare module '../verb' { interface KubectlExtensions { network?: NetworkService } }
 *
 * and the host (cluster.ts) fills it in. Verbs must cope with a missing service (say so, exit 1).
 */
export interface KubectlExtensions {}

/** KubectlContext is what a verb may use: the API server, the kinds it serves, the virtual time, the editor's files. */
export interface KubectlContext {
  client: ApiClient;
  registry: KindRegistry;
  /** now is the virtual time, in ms since the cluster started (the clock's now()). */
  now(): VirtualMs;
  /** The kubeconfig context's namespace, used when no -n is given. Default `default`. */
  namespace?: string;
  /** files resolves `-f name` to the text of an editor tab; undefined when there is no such file. */
  files?: (name: string) => string | undefined;
  extensions?: KubectlExtensions;
}

/** KubectlOutput is text written to the terminal: every line ends with `\n`. */
export interface KubectlOutput {
  stdout: string;
  stderr: string;
  /** In a stream: the command has finished (`rollout status` saw the rollout through) with this exit code. */
  exitCode?: number;
}

/** KubectlStream delivers output that comes later, as `kubectl get -w` prints a row per watch event. */
export interface KubectlStream {
  /** onEvent calls the handler with each further piece of output until the returned function is called. */
  onEvent(handler: (output: KubectlOutput) => void): () => void;
}

/** KubectlResult is what a kubectl invocation printed, its exit code, and for watches the stream that follows. */
export interface KubectlResult extends KubectlOutput {
  exitCode: number;
  stream?: KubectlStream;
}

/** Verb is one kubectl command (`get`, `rollout`), registered in verbs/index.ts. */
export interface Verb {
  name: string;
  aliases?: readonly string[];
  /** The one-line help shown by `kubectl --help`, e.g. `Display one or many resources`. */
  short: string;
  /** Usage after `kubectl `, e.g. `get [(-o|--output=)json|yaml|...] (TYPE[.VERSION][.GROUP] [NAME | -l label]) [flags] [options]`. */
  use?: string;
  /** The heading `kubectl --help` lists the verb under, e.g. `Basic Commands (Intermediate)`. */
  group?: string;
  /** Longer help and examples for `kubectl <verb> --help`. */
  long?: string;
  example?: string;
  /** The verb's own flags; -n/--namespace and -h/--help are always accepted. See flags.ts for shared ones. */
  flags: readonly FlagSpec[];
  /** Subcommands (`rollout status`); a verb with subcommands and no run prints its help. */
  subcommands?: readonly Verb[];
  run?(ctx: KubectlContext, args: ParsedArgs): KubectlResult;
}

/** KubectlError is an error kubectl prints as `error: <message>` with exit code 1 (cmdutil.CheckErr). */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** usageError is cmdutil.UsageErrorf: the message and a pointer to the command's help. */
export function usageError(commandPath: string, message: string): KubectlError {
  return new KubectlError(`${message}\nSee '${commandPath} -h' for help and examples`);
}

/** errorText is the line(s) kubectl prints for an error, without the final newline. */
export function errorText(err: unknown): string {
  if (err instanceof StatusError) return err.kubectlMessage;
  if (err instanceof KubectlError || err instanceof CommandLineError) return `error: ${err.message}`;
  if (err instanceof Error) return `error: ${err.message}`;
  return `error: ${String(err)}`;
}

/** ok is a successful result printing the given lines on stdout. */
export function ok(stdout: string, stderr = ''): KubectlResult {
  return { stdout, stderr, exitCode: 0 };
}

/** failed is the result of a command that stopped on an error. */
export function failed(err: unknown, stdout = ''): KubectlResult {
  const exitCode = err instanceof KubectlError ? err.exitCode : 1;
  const text = errorText(err);
  // cmdutil.CheckErr ends the message with one newline unless it already has one.
  return { stdout, stderr: text.endsWith('\n') ? text : `${text}\n`, exitCode };
}

/** lines joins output lines, each ending with a newline ('' for none). */
export function lines(list: readonly string[]): string {
  return list.map((l) => `${l}\n`).join('');
}

/** namespaceOf is the namespace a command works in: -n if given and not empty, else the context's, else `default`. */
export function namespaceOf(ctx: KubectlContext, args: ParsedArgs): string {
  return args.string('namespace') || ctx.namespace || 'default';
}
